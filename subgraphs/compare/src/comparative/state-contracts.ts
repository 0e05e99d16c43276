import DataLoader from "dataloader";
import type { StateCode, StateSubgraph } from "@laenderhub/shared";
import { StateUnavailableError, type ContractCall, type ContractClient } from "./contract-client.js";

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

/**
 * Per-request access to the states' contracts. Calls to one state made in the same tick are
 * sent in one HTTP request, and identical calls within the request are sent once (DataLoader).
 * Created per request in the context, never shared between requests.
 */
export class StateContracts {
  private readonly loaders = new Map<StateCode, DataLoader<ContractCall<unknown>, unknown, string>>();

  constructor(
    private readonly client: ContractClient,
    readonly registry: readonly StateSubgraph[],
    readonly failures: StateFailures,
  ) {}

  /** The registry entry of a state, or undefined when this deployment has none. */
  entry(code: StateCode): StateSubgraph | undefined {
    return this.registry.find((s) => s.code === code);
  }

  /**
   * The registered states among `codes` (all registered states when `codes` is null). A state
   * asked for but not registered is reported unavailable rather than silently left out.
   */
  targets(codes: readonly StateCode[] | null | undefined): { targets: StateSubgraph[]; unavailable: UnavailableStateInfo[] } {
    if (!codes) return { targets: [...this.registry], unavailable: [] };
    const wanted = [...new Set(codes)];
    const unavailable = wanted
      .filter((code) => !this.entry(code))
      .map((code) => ({ state: code, name: code, reason: "no subgraph is registered for this state in this deployment" }));
    unavailable.forEach((u) => this.failures.record(u));
    return { targets: this.registry.filter((s) => wanted.includes(s.code)), unavailable };
  }

  /** One contract call to one state; rejects with StateUnavailableError (also recorded for the response). */
  async call<T>(state: StateSubgraph, contractCall: ContractCall<T>): Promise<T> {
    try {
      return (await this.loaderFor(state).load(contractCall as ContractCall<unknown>)) as T;
    } catch (err) {
      const failure = err instanceof StateUnavailableError ? err : new StateUnavailableError(state.code, String(err));
      this.failures.record({ state: state.code, name: state.name, reason: failure.reason });
      throw failure;
    }
  }

  /** The same kind of call to several states in parallel; failures become `unavailable`. */
  async gather<T>(states: readonly StateSubgraph[], make: (state: StateSubgraph) => ContractCall<T>): Promise<Gathered<T>> {
    const settled = await Promise.allSettled(states.map((s) => this.call(s, make(s))));
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
      loader = new DataLoader<ContractCall<unknown>, unknown, string>((calls) => this.client.send(state, calls), { cacheKeyFn: (c) => c.key });
      this.loaders.set(state.code, loader);
    }
    return loader;
  }
}
