import type { BaseContext, Logger } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { createSachsenLoaders, type SachsenLoaders } from "./loaders/index.js";

/** The per-request context of the Sachsen subgraph. */
export interface SachsenContext extends BaseContext {
  loaders: SachsenLoaders;
}

/**
 * Builds the context factory the service calls once per request. Authentication is wired in
 * a later step: for now every caller is anonymous and reads only.
 */
export function sachsenContextFactory(dataSource: DataSource, logger: Logger): (authorization?: string) => Promise<SachsenContext> {
  return async (_authorization?: string) => ({
    principal: null,
    authError: null,
    logger,
    dataSource,
    loaders: createSachsenLoaders(dataSource),
  });
}
