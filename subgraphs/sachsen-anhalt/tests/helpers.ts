import type { SubgraphService } from "@laenderhub/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SachsenAnhaltContext } from "../src/index.js";

export interface Result {
  data?: Record<string, any> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/**
 * Runs one operation through `executeOperation` with a fresh per-request context, built from
 * the raw `Authorization` header value when one is given.
 */
export async function run(service: SubgraphService<SachsenAnhaltContext>, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Result> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext(authorization) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result;
}

/** Runs an operation that must succeed and returns its data. */
export async function data(service: SubgraphService<SachsenAnhaltContext>, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const result = await run(service, query, variables);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** A fresh temporary directory and a function that removes it. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "laenderhub-st-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
