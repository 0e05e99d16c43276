import {
  buildFederatedSchema,
  createAuthenticator,
  createLogger,
  createSubgraphService,
  type AuthConfig,
  type Logger,
  type QueryCounter,
  type SubgraphService,
} from "@laenderhub/shared";
import { createSaarlandContextFactory, NO_AUTH_KEYS, type SaarlandContext } from "./context.js";
import { SAARLAND_ORPHANED_TYPES, SAARLAND_REFERENCE_RESOLVERS, SAARLAND_RESOLVERS } from "./resolvers/index.js";
import { openSaarlandDatabase } from "./write/database.js";

export interface SaarlandSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default createLogger("saarland"). */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
  /**
   * How bearer tokens are verified (main.ts: `authConfigFromEnv(process.env)`). Default: no
   * key, so every write is refused with NO_KEY_CONFIGURED while reads work.
   */
  auth?: AuthConfig;
}

/** Builds the Saarland subgraph schema (Federation 2) from its resolvers. */
export function buildSaarlandSchema() {
  return buildFederatedSchema({ resolvers: SAARLAND_RESOLVERS, orphanedTypes: SAARLAND_ORPHANED_TYPES }, SAARLAND_REFERENCE_RESOLVERS);
}

/**
 * Creates the Saarland subgraph: opens and migrates the database, seeds it if it is empty,
 * builds the schema and wraps both in a service that tests drive through `executeOperation`
 * and `main.ts` serves over HTTP.
 */
export async function createSaarlandSubgraph(options: SaarlandSubgraphOptions): Promise<SubgraphService<SaarlandContext>> {
  const logger = options.logger ?? createLogger("saarland");
  // Keys are decoded before the database opens: a bad key stops the start with a ConfigError.
  const authenticate = createAuthenticator(options.auth ?? NO_AUTH_KEYS);
  // Open and migrate the database; seed it only when empty, so a database with content keeps its edits.
  const dataSource = await openSaarlandDatabase(options.databaseUrl, {
    seed: options.seed ?? true,
    logger,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    const schema = await buildSaarlandSchema();
    return await createSubgraphService<SaarlandContext>({
      name: "saarland",
      schema,
      dataSource,
      logger,
      createContext: createSaarlandContextFactory(dataSource, logger, authenticate),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
