import { createAuthenticator, type Authenticator, type BaseContext, type Logger } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { createSachsenLoaders, type SachsenLoaders } from "./loaders/index.js";

/** The per-request context of the Sachsen subgraph. */
export interface SachsenContext extends BaseContext {
  loaders: SachsenLoaders;
}

// Without a configured key every write is refused with NO_KEY_CONFIGURED; reads still work.
const noKeys = createAuthenticator({ secrets: [], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" });

/**
 * Builds the context factory the service calls once per request: the caller as verified
 * from the bearer token (a bad token never fails a read; writes check it with requireEditor)
 * and fresh DataLoaders.
 */
export function sachsenContextFactory(dataSource: DataSource, logger: Logger, authenticate: Authenticator = noKeys): (authorization?: string) => Promise<SachsenContext> {
  return async (authorization?: string) => ({
    ...(await authenticate(authorization)),
    logger,
    dataSource,
    loaders: createSachsenLoaders(dataSource),
  });
}
