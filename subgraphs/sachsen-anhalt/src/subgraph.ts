import {
  buildFederatedSchema,
  createDataSource,
  createLogger,
  createSubgraphService,
  type Logger,
  type QueryCounter,
  type SubgraphService,
} from "@laenderhub/shared";
import type { SachsenAnhaltContext } from "./context.js";
import { SachsenAnhalt_ENTITIES, SachsenAnhaltLocalPartnership } from "./entities/index.js";
import { createSachsenAnhaltLoaders } from "./loaders/index.js";
import { SachsenAnhalt_MIGRATIONS } from "./migrations/index.js";
import { SachsenAnhalt_REFERENCE_RESOLVERS, SachsenAnhalt_RESOLVERS } from "./resolvers/index.js";
import { seedSachsenAnhalt } from "./seed/index.js";

export interface SachsenAnhaltSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default createLogger("sachsen-anhalt"). */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
}

/** The subgraph's name in the supergraph and in logs. */
export const SACHSEN_ANHALT_SUBGRAPH_NAME = "sachsen-anhalt";

/**
 * Creates the Sachsen-Anhalt subgraph: opens and migrates the database, seeds it with the
 * cited records if it is empty, builds the federated schema and wraps it in a service that
 * tests drive with `executeOperation` and `main.ts` serves over HTTP.
 */
export async function createSachsenAnhaltSubgraph(options: SachsenAnhaltSubgraphOptions): Promise<SubgraphService<SachsenAnhaltContext>> {
  const logger = options.logger ?? createLogger(SACHSEN_ANHALT_SUBGRAPH_NAME);

  // Database: opened and migrated (never synchronised), then seeded once.
  const dataSource = await createDataSource({
    url: options.databaseUrl,
    entities: SachsenAnhalt_ENTITIES,
    migrations: SachsenAnhalt_MIGRATIONS,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    if (options.seed ?? true) {
      const seeded = await seedSachsenAnhalt(dataSource);
      logger.info({ seeded }, seeded ? "seeded the empty database with the cited records" : "database already holds data; not seeded");
    }

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
      // Authentication is wired in a later step; reads are anonymous.
      createContext: async () => ({ principal: null, authError: null, logger, dataSource, loaders: createSachsenAnhaltLoaders(dataSource) }),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
