import type { Logger, StateCode, StateSubgraph } from "@laenderhub/shared";
import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, type CircuitBreakerPolicy } from "cockatiel";

/** When a state's breaker opens and when it lets a probe through. */
export interface BreakerSettings {
  /** Consecutive failed requests to a state that open its breaker. */
  failureThreshold: number;
  /** How long an open breaker skips the state before one request probes it again, in ms. */
  halfOpenAfterMs: number;
}

export const DEFAULT_BREAKER_SETTINGS: BreakerSettings = { failureThreshold: 3, halfOpenAfterMs: 5000 };

/** What /health shows per state. */
export type BreakerStatus = "closed" | "open" | "half-open";

/**
 * The client that asked went away and the call was abandoned. Not the state's fault: it
 * neither counts as a failure nor is reported.
 */
export class CallCancelledError extends Error {
  override name = "CallCancelledError";
}

/** A call that was not sent because the state's breaker is open; the reason says so. */
export class BreakerOpenError extends Error {
  override name = "BreakerOpenError";
  constructor(readonly reason: string) {
    super(reason);
  }
}

interface StateBreaker {
  policy: CircuitBreakerPolicy;
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
 * One circuit breaker per state for the whole compare process (cockatiel), so that a state that
 * keeps failing or hanging is skipped at once by every request instead of costing each one its
 * timeout. After `halfOpenAfterMs` one request probes the state; its success closes the breaker.
 */
export class StateBreakers {
  private readonly breakers = new Map<StateCode, StateBreaker>();

  constructor(
    private readonly settings: BreakerSettings,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs one request to `state` through its breaker. Rejects with BreakerOpenError without
   * calling `send` while the breaker is open or another request is probing the state; any
   * error of `send` but CallCancelledError counts as a failure of the state.
   */
  async run<T>(state: StateSubgraph, send: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(state);
    // cockatiel queues callers behind a half-open probe; skipping them keeps answers fast
    // while the probe waits for a state that may still hang.
    if (breaker.policy.state === CircuitState.HalfOpen) {
      throw new BreakerOpenError(`circuit breaker half-open: a probe request is testing whether the state answers again (last failure: ${breaker.lastFailure ?? "unknown"})`);
    }
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
      if (err instanceof BrokenCircuitError) {
        throw new BreakerOpenError(
          `circuit breaker open after ${this.settings.failureThreshold} consecutive failures (last: ${breaker.lastFailure ?? "unknown"}); ` +
            `the state is tried again ${this.settings.halfOpenAfterMs} ms after the breaker opened`,
        );
      }
      throw err;
    }
  }

  /** The breaker state of every state called so far (a state never called is closed). */
  status(): Partial<Record<StateCode, BreakerStatus>> {
    return Object.fromEntries([...this.breakers].map(([code, b]) => [code, STATUS[b.policy.state]]));
  }

  private breakerFor(state: StateSubgraph): StateBreaker {
    let breaker = this.breakers.get(state.code);
    if (!breaker) {
      const policy = circuitBreaker(
        handleWhen((err) => !(err instanceof CallCancelledError)),
        { halfOpenAfter: this.settings.halfOpenAfterMs, breaker: new ConsecutiveBreaker(this.settings.failureThreshold) },
      );
      const entry: StateBreaker = { policy, lastFailure: null };
      policy.onBreak(() => this.logger.warn({ state: state.code, reason: entry.lastFailure }, "circuit breaker opened: state skipped until a probe succeeds"));
      policy.onHalfOpen(() => this.logger.info({ state: state.code }, "circuit breaker half-open: probing the state"));
      policy.onReset(() => this.logger.info({ state: state.code }, "circuit breaker closed: state answers again"));
      breaker = entry;
      this.breakers.set(state.code, breaker);
    }
    return breaker;
  }
}
