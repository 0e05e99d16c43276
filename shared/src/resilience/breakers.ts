import type { Logger } from "pino";
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from "cockatiel";

/** When a breaker opens and when it lets a probe through. */
export interface BreakerSettings {
  /** Consecutive failed requests that open a breaker. */
  failureThreshold: number;
  /** How long an open breaker skips its upstream before one request probes it again, in ms. */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { failureThreshold: 3, halfOpenAfterMs: 5000 };

/** What /health shows per breaker. */
export type BreakerStatus = "closed" | "open" | "half-open";

/**
 * The client that asked went away and the call was abandoned. Not the upstream's fault: it
 * neither counts as a failure nor is reported.
 */
export class CallCancelledError extends Error {
  override name = "CallCancelledError";
}

/** A call that was not sent because its breaker is open; the reason says so. */
export class BreakerOpenError extends Error {
  override name = "BreakerOpenError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface Breaker {
  policy: CircuitBreakerPolicy;
  /** The background probe's timer while the breaker is open (with a prober). */
  probing: NodeJS.Timeout | null;
  /** Why the last failed request failed, for the reason given while the breaker is open. */
  lastFailure: string | null;
}

const STATUS: Record<CircuitState, BreakerStatus> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "open",
};

/**
 * One circuit breaker per upstream (a state's subgraph, compare) for the whole process
 * (cockatiel), so that an upstream that keeps failing or hanging is skipped at once by every
 * request instead of costing each one its timeout. After `halfOpenAfterMs` one request probes
 * it; its success closes the breaker. Compare keeps one per state, the gateway one per
 * subgraph. `label` names the key in log lines (`state`, `subgraph`).
 *
 * With a `probe`, no client request ever waits on an upstream whose breaker is open: the
 * probe runs in the background (checked every second, sent once `halfOpenAfterMs` has passed),
 * and only its success closes the breaker; until then every request is answered at once.
 */
export class CircuitBreakers {
  private readonly breakers = new Map<string, Breaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
    private readonly label = "upstream",
    private readonly probe?: (key: string) => Promise<void>,
  ) {}

  /** Stops the background probes (when the service stops). */
  dispose(): void {
    for (const breaker of this.breakers.values()) {
      if (breaker.probing) clearTimeout(breaker.probing);
      breaker.probing = null;
    }
  }

  /**
   * Runs one request to `key` through its breaker. Rejects with BreakerOpenError without
   * calling `send` while the breaker is open or another request is probing the upstream; any
   * error of `send` but CallCancelledError counts as a failure.
   */
  async run<T>(key: string, send: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(key);
    // cockatiel queues callers behind a half-open probe; skipping them keeps answers fast
    // while the probe waits for an upstream that may still hang.
    if (breaker.policy.state === CircuitState.HalfOpen) {
      throw new BreakerOpenError(`circuit breaker half-open: a probe request is testing whether it answers again (last failure: ${breaker.lastFailure ?? "unknown"})`);
    }
    // With a background probe, a client request never becomes the probe.
    if (this.probe && breaker.policy.state === CircuitState.Open) throw this.openError(breaker);
    try {
      return await breaker.policy.execute(async () => {
        try {
          return await send();
        } catch (err) {
          if (!(err instanceof CallCancelledError)) breaker.lastFailure = err instanceof Error ? ((err as { reason?: string }).reason ?? err.message) : String(err);
          throw err;
        }
      });
    } catch (err) {
      if (err instanceof BrokenCircuitError) throw this.openError(breaker);
      throw err;
    }
  }

  private openError(breaker: Breaker): BreakerOpenError {
    return new BreakerOpenError(
      `circuit breaker open after ${this.settings.failureThreshold} consecutive failures (last: ${breaker.lastFailure ?? "unknown"}); ` +
        `tried again ${this.settings.halfOpenAfterMs} ms after the breaker opened`,
    );
  }

  /** While the breaker is open: every second, and once the delay has passed, one probe through it. */
  private startProbing(key: string, breaker: Breaker): void {
    const probe = this.probe;
    if (!probe || breaker.probing) return;
    const tick = (): void => {
      breaker.probing = setTimeout(() => {
        // Before the delay cockatiel refuses at once; after it, this call is the half-open probe.
        breaker.policy
          .execute(() => probe(key))
          .catch((err: unknown) => {
            if (!(err instanceof BrokenCircuitError)) breaker.lastFailure = err instanceof Error ? err.message : String(err);
          })
          .finally(() => {
            if (breaker.probing === null) return; // disposed
            if (breaker.policy.state === CircuitState.Closed) breaker.probing = null;
            else tick();
          });
      }, Math.min(1_000, this.settings.halfOpenAfterMs));
      breaker.probing.unref();
    };
    tick();
  }

  /** The state of every breaker used so far (an upstream never called is closed). */
  status(): Record<string, BreakerStatus> {
    return Object.fromEntries([...this.breakers].map(([code, b]) => [code, STATUS[b.policy.state]]));
  }

  private breakerFor(key: string): Breaker {
    let breaker = this.breakers.get(key);
    if (!breaker) {
      const policy = circuitBreaker(
        handleWhen((err) => !(err instanceof CallCancelledError)),
        { halfOpenAfter: this.settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.settings.failureThreshold) },
      );
      const entry: Breaker = { policy, lastFailure: null, probing: null };
      const who = { [this.label]: key };
      policy.onBreak(() => {
        this.logger.warn({ ...who, reason: entry.lastFailure }, `circuit breaker opened: ${this.label} ${key} skipped until a probe succeeds`);
        this.startProbing(key, entry);
      });
      policy.onHalfOpen(() => this.logger.info(who, `circuit breaker half-open: probing ${this.label} ${key}`));
      policy.onReset(() => this.logger.info(who, `circuit breaker closed: ${this.label} ${key} answers again`));
      breaker = entry;
      this.breakers.set(key, breaker);
    }
    return breaker;
  }
}
