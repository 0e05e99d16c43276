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
import type { SachsenAnhaltContext } from "./context.js";
import { openSachsenAnhaltDatabase } from "./database.js";
import { SachsenAnhaltLocalPartnership } from "./entities/index.js";
import { createSachsenAnhaltLoaders } from "./loaders/index.js";
import { SachsenAnhalt_REFERENCE_RESOLVERS, SachsenAnhalt_RESOLVERS } from "./resolvers/index.js";

export interface SachsenAnhaltSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default createLogger("sachsen-anhalt"). */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
  /**
   * How bearer tokens are verified (`authConfigFromEnv`). Default: no key, so reads work and
   * every write is refused with the reason NO_KEY_CONFIGURED.
   */
  auth?: AuthConfig;
}

/** The subgraph's name in the supergraph and in logs. */
export const SACHSEN_ANHALT_SUBGRAPH_NAME = "sachsen-anhalt";

const NO_KEYS: AuthConfig = { secrets: [], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" };

/**
 * Creates the Sachsen-Anhalt subgraph: opens and migrates the database, seeds it with the
 * cited records if it is empty, builds the federated schema and wraps it in a service that
 * tests drive with `executeOperation` and `main.ts` serves over HTTP. Each request's context
 * carries the verified caller (writes need an editor token of ST) and fresh DataLoaders.
 */
export async function createSachsenAnhaltSubgraph(options: SachsenAnhaltSubgraphOptions): Promise<SubgraphService<SachsenAnhaltContext>> {
  const logger = options.logger ?? createLogger(SACHSEN_ANHALT_SUBGRAPH_NAME);
  // Keys are decoded first: a bad key stops the start before the database is opened.
  const authenticate = createAuthenticator(options.auth ?? NO_KEYS);

  // Database: opened and migrated (never synchronised), then seeded once.
  const { dataSource, seeded } = await openSachsenAnhaltDatabase(options.databaseUrl, {
    seed: options.seed ?? true,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    if (options.seed ?? true) logger.info({ seeded }, seeded ? "seeded the empty database with the cited records" : "database already holds data; not seeded");

    // Schema: type-graphql resolvers plus the federation reference resolvers.
    const schema = await buildFederatedSchema(
      { resolvers: SachsenAnhalt_RESOLVERS, orphanedTypes: [SachsenAnhaltLocalPartnership] },
      SachsenAnhalt_REFERENCE_RESOLVERS,
    );

    return await createSubgraphService<SachsenAnhaltContext>({
      name: SACHSEN_ANHALT_SUBGRAPH_NAME,
      schema,
      dataSource,
      logger,
      createContext: async (authorization) => ({
        ...(await authenticate(authorization)),
        logger,
        dataSource,
        loaders: createSachsenAnhaltLoaders(dataSource),
      }),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
