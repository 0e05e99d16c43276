import type { BaseContext, Logger, StateCode, StateSubgraph } from "@laenderhub/shared";
import { RequestBudget, type BudgetLimits } from "./comparative/budget.js";
import type { DataSource } from "typeorm";
import type { ContractClient } from "./comparative/contract-client.js";
import { StateContracts, StateFailures } from "./comparative/state-contracts.js";
import { createComparativeLoaders, createGazetteerLoaders, type ComparativeLoaders, type GazetteerLoaders } from "./loaders/index.js";

/** The per-request context of the compare subgraph. Everything here lives for one request. */
export interface CompareContext extends BaseContext {
  /** Contract calls to the registered states, batched and deduplicated per request. */
  contracts: StateContracts;
  /** States that failed during this request (reported as STATE_UNAVAILABLE). */
  stateFailures: StateFailures;
  /** Contract calls and rows this request may still spend. */
  budget: RequestBudget;
  gazetteer: GazetteerLoaders;
  comparative: ComparativeLoaders;
}

/** Builds the context factory: fresh loaders and failure list for every request. */
export function createContextFactory(deps: {
  dataSource: DataSource;
  logger: Logger;
  client: ContractClient;
  registry: readonly StateSubgraph[];
  omitted: readonly StateCode[];
  budget: BudgetLimits;
}): (authorization?: string, signal?: AbortSignal) => Promise<CompareContext> {
  return async (_authorization, signal) => {
    const stateFailures = new StateFailures();
    const budget = new RequestBudget(deps.budget);
    const contracts = new StateContracts({ client: deps.client, registry: deps.registry, omitted: deps.omitted, failures: stateFailures, budget, ...(signal ? { signal } : {}) });
    const gazetteer = createGazetteerLoaders(deps.dataSource, contracts, deps.logger);
    return {
      // The comparative API is read-only and public; no token is needed.
      principal: null,
      authError: null,
      logger: deps.logger,
      dataSource: deps.dataSource,
      contracts,
      stateFailures,
      budget,
      gazetteer,
      comparative: createComparativeLoaders(contracts, gazetteer),
    };
  };
}
