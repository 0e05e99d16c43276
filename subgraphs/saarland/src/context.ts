import type { DataSource } from "typeorm";
import { createAuthenticator, type AuthConfig, type Authenticator, type BaseContext, type Logger } from "@laenderhub/shared";
import { createSaarlandLoaders, type SaarlandLoaders } from "./loaders/index.js";

/** The resolver context of the Saarland subgraph: the shared base plus this request's loaders. */
export interface SaarlandContext extends BaseContext {
  /** Replaced with fresh loaders after each write, so the answer shows what was written. */
  loaders: SaarlandLoaders;
}

/** The default without keys: every write is refused with NO_KEY_CONFIGURED, reads work. */
export const NO_AUTH_KEYS: AuthConfig = { secrets: [], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" };

/**
 * Builds the per-request context. The bearer token in `authorization` is verified here; a
 * token that cannot be verified never fails the request (reads are public), it only makes
 * `requireEditor` refuse writes with the reason.
 */
export function createSaarlandContextFactory(
  dataSource: DataSource,
  logger: Logger,
  authenticate: Authenticator = createAuthenticator(NO_AUTH_KEYS),
): (authorization?: string) => Promise<SaarlandContext> {
  return async (authorization?: string) => ({
    ...(await authenticate(authorization)),
    logger,
    dataSource,
    loaders: createSaarlandLoaders(dataSource),
  });
}
