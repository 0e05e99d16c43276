import type { StateSubgraph } from "@laenderhub/shared";
import { QueryCounter, type SubgraphService } from "@laenderhub/shared";
import { createCompareSubgraph, type CompareContext, type CompareSubgraphOptions } from "../../src/index.js";

export interface Result<T = any> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A compare service on ":memory:" (seeded unless told otherwise). */
export async function createTestCompare(registry: StateSubgraph[] = [], extra: Partial<CompareSubgraphOptions> = {}) {
  const counter = new QueryCounter();
  const service = await createCompareSubgraph({ databaseUrl: ":memory:", registry, counter, stateTimeoutMs: 5000, ...extra });
  return { service, counter };
}

/** Runs one operation through executeOperation with a fresh per-request context. */
export async function run<T = any>(service: SubgraphService<CompareContext>, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext() });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result<T>;
}
