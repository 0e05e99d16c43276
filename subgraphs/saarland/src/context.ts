import type { DataSource } from "typeorm";
import type { BaseContext, Logger } from "@laenderhub/shared";
import { createSaarlandLoaders, type SaarlandLoaders } from "./loaders/index.js";

/** The resolver context of the Saarland subgraph: the shared base plus this request's loaders. */
export interface SaarlandContext extends BaseContext {
  loaders: SaarlandLoaders;
}

/**
 * Builds the per-request context. `authorization` is accepted for the write path to come;
 * reads are anonymous for now.
 */
export function createSaarlandContextFactory(dataSource: DataSource, logger: Logger): (authorization?: string) => Promise<SaarlandContext> {
  return async (_authorization?: string) => ({
    principal: null,
    authError: null,
    logger,
    dataSource,
    loaders: createSaarlandLoaders(dataSource),
  });
}
