import DataLoader from "dataloader";
import { CallCancelledError, STATE_NAMES, type StateCode, type StateSubgraph } from "@laenderhub/shared";
import type { RequestBudget } from "./budget.js";
import { StateUnavailableError, type ContractCall, type ContractClient } from "./contract-client.js";

/** Why a known state left out by `SUBGRAPH_STATES` is missing from every comparative answer. */
export const NOT_CONFIGURED_REASON = "not configured in this deployment (SUBGRAPH_STATES leaves it out)";

/** A state missing from an answer, and why. */
export interface UnavailableStateInfo {
  state: StateCode;
  name: string;
  reason: string;
}

/**
 * The states that failed during one request. The response plugin turns a non-empty list into
 * one STATE_UNAVAILABLE error naming them, whichever resolver met the failure.
 */
export class StateFailures {
  private readonly failures = new Map<StateCode, UnavailableStateInfo>();

  record(info: UnavailableStateInfo): void {
    if (!this.failures.has(info.state)) this.failures.set(info.state, info);
  }

  list(): UnavailableStateInfo[] {
    return [...this.failures.values()].sort((a, b) => (a.state < b.state ? -1 : 1));
  }
}

/** Answers gathered from several states: the states that answered, and the ones that did not. */
export interface Gathered<T> {
  answers: { state: StateSubgraph; value: T }[];
  unavailable: UnavailableStateInfo[];
}

/** What one request's contract access is built from. */
export interface StateContractsOptions {
  client: ContractClient;
  registry: readonly StateSubgraph[];
  /** Known states this deployment does not serve: named in every answer that would include them. */
  omitted?: readonly StateCode[];
  failures: StateFailures;
  budget: RequestBudget;
  /** Aborts when the asking client goes away; outgoing calls are abandoned with it. */
  signal?: AbortSignal;
}

/**
 * Per-request access to the states' contracts. Calls to one state made in the same tick are
 * sent in one HTTP request, and identical calls within the request are sent once (DataLoader).
 * Created per request in the context, never shared between requests.
 */
export class StateContracts {
  private readonly loaders = new Map<StateCode, DataLoader<ContractCall<unknown>, unknown, string>>();
  private readonly client: ContractClient;
  readonly registry: readonly StateSubgraph[];
  readonly omitted: readonly StateCode[];
  readonly failures: StateFailures;
  readonly budget: RequestBudget;
  private readonly signal: AbortSignal | undefined;

  constructor(options: StateContractsOptions) {
    this.client = options.client;
    this.registry = options.registry;
    this.omitted = options.omitted ?? [];
    this.failures = options.failures;
    this.budget = options.budget;
    this.signal = options.signal;
  }

  /** The registry entry of a state, or undefined when this deployment has none. */
  entry(code: StateCode): StateSubgraph | undefined {
    return this.registry.find((s) => s.code === code);
  }

  /**
   * The registered states among `codes` (all registered states when `codes` is null). A state
   * asked for but not registered is reported unavailable rather than silently left out.
   */
  targets(codes: readonly StateCode[] | null | undefined): { targets: StateSubgraph[]; unavailable: UnavailableStateInfo[] } {
    // "Every state" includes the ones this deployment leaves out: the answer names them.
    const wanted = codes ? [...new Set(codes)] : [...this.registry.map((s) => s.code), ...this.omitted];
    const unavailable = wanted
      .filter((code) => !this.entry(code))
      .map((code) => ({
        state: code,
        name: STATE_NAMES[code] ?? code,
        reason: this.omitted.includes(code) ? NOT_CONFIGURED_REASON : "no subgraph is registered for this state in this deployment",
      }));
    unavailable.forEach((u) => this.failures.record(u));
    return { targets: this.registry.filter((s) => wanted.includes(s.code)), unavailable };
  }

  /** One contract call to one state; rejects with StateUnavailableError (also recorded for the response). */
  async call<T>(state: StateSubgraph, contractCall: ContractCall<T>): Promise<T> {
    try {
      return (await this.loaderFor(state).load(contractCall as ContractCall<unknown>)) as T;
    } catch (err) {
      // Neither a spent budget nor a client that went away is the state's fault.
      if (this.budget.exceeded || err instanceof CallCancelledError) throw err;
      const failure = err instanceof StateUnavailableError ? err : new StateUnavailableError(state.code, String(err));
      this.failures.record({ state: state.code, name: state.name, reason: failure.reason });
      throw failure;
    }
  }

  /** The same kind of call to several states in parallel; failures become `unavailable`. */
  async gather<T>(states: readonly StateSubgraph[], make: (state: StateSubgraph) => ContractCall<T>): Promise<Gathered<T>> {
    const settled = await Promise.allSettled(states.map((s) => this.call(s, make(s))));
    this.budget.check();
    const cancelled = settled.find((r) => r.status === "rejected" && r.reason instanceof CallCancelledError);
    if (cancelled) throw (cancelled as PromiseRejectedResult).reason;
    const out: Gathered<T> = { answers: [], unavailable: [] };
    settled.forEach((result, i) => {
      const state = states[i]!;
      if (result.status === "fulfilled") out.answers.push({ state, value: result.value });
      else out.unavailable.push({ state: state.code, name: state.name, reason: (result.reason as StateUnavailableError).reason ?? String(result.reason) });
    });
    return out;
  }

  private loaderFor(state: StateSubgraph): DataLoader<ContractCall<unknown>, unknown, string> {
    let loader = this.loaders.get(state.code);
    if (!loader) {
      loader = new DataLoader<ContractCall<unknown>, unknown, string>(
        async (calls) => {
          // Counted before sending: a request over its budget sends nothing more.
          this.budget.spendCalls(calls.length);
          return this.client.send(state, calls, this.signal);
        },
        { cacheKeyFn: (c) => c.key },
      );
      this.loaders.set(state.code, loader);
    }
    return loader;
  }
}
