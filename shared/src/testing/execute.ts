import type { BaseContext, SubgraphService } from "../server/subgraph.js";

export interface OperationResult<T = Record<string, any>> {
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown>; path?: ReadonlyArray<string | number> }>;
}

/**
 * Runs one operation against a subgraph service through `executeOperation`, with a fresh
 * per-request context (as the HTTP server would build it), and returns the single result.
 */
export async function execute<T = Record<string, any>>(
  service: SubgraphService<BaseContext>,
  query: string,
  variables: Record<string, unknown> = {},
  authorization?: string,
): Promise<OperationResult<T>> {
  const response = await service.server.executeOperation(
    { query, variables },
    { contextValue: await service.createContext(authorization) },
  );
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as OperationResult<T>;
}
