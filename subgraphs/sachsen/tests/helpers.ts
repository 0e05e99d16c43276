import { createLogger, loadStateDataset, StateCode, type AuthConfig, type QueryCounter, type SubgraphService } from "@laenderhub/shared";
import { createSachsenSubgraph, type SachsenContext } from "@laenderhub/subgraph-sachsen";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The cited Sachsen records, read straight from the dataset: tests assert against these. */
export const data = loadStateDataset(StateCode.SN);

export interface Result<T = any> {
  data: T | null | undefined;
  errors: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[] | undefined;
}

/** A seeded in-memory Sachsen subgraph. */
export async function createTestSubgraph(options: { databaseUrl?: string; seed?: boolean; counter?: QueryCounter; auth?: AuthConfig } = {}): Promise<SubgraphService<SachsenContext>> {
  return createSachsenSubgraph({
    databaseUrl: options.databaseUrl ?? ":memory:",
    seed: options.seed ?? true,
    logger: createLogger("sachsen-test", "silent"),
    ...(options.counter ? { counter: options.counter } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
  });
}

/** Runs one operation through the production Apollo Server with a fresh request context. */
export async function run<T = any>(service: SubgraphService<SachsenContext>, query: string, variables?: Record<string, unknown>): Promise<Result<T>> {
  const response = await service.server.executeOperation(
    { query, ...(variables ? { variables } : {}) },
    { contextValue: await service.createContext() },
  );
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result<T>;
}

/** Like run(), but fails the test on any GraphQL error. */
export async function query<T = any>(service: SubgraphService<SachsenContext>, text: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await run<T>(service, text, variables);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A temporary directory for SQLite files, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "laenderhub-sachsen-"));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The served shape of a raw person (the data's lower-case basis becomes the shared enum). */
export const servedPerson = (p: { name: string; role: string | null; organisation: string | null; party: string | null; basis: string }) => ({
  name: p.name,
  role: p.role,
  organisation: p.organisation,
  party: p.party,
  basis: p.basis.toUpperCase(),
});
