import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SubgraphService } from "@laenderhub/shared";
import type { SaarlandContext } from "@laenderhub/subgraph-saarland";

export interface Result<T = any> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/** Runs one operation through the production server with a fresh per-request context. */
export async function run<T = any>(service: SubgraphService<SaarlandContext>, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext() });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result<T>;
}

/** Like `run`, but fails the test on any GraphQL error and returns the data. */
export async function data<T = any>(service: SubgraphService<SaarlandContext>, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await run<T>(service, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** A fresh temporary directory, removed again by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "saarland-test-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
