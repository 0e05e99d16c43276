import {
  buildFederatedSchema,
  createDataSource,
  createLogger,
  createSubgraphService,
  type Logger,
  type QueryCounter,
  type SubgraphService,
} from "@laenderhub/shared";
import { createSaarlandContextFactory, type SaarlandContext } from "./context.js";
import { Saarland_ENTITIES } from "./entities/index.js";
import { Saarland_MIGRATIONS } from "./migrations/index.js";
import { SAARLAND_ORPHANED_TYPES, SAARLAND_REFERENCE_RESOLVERS, SAARLAND_RESOLVERS } from "./resolvers/index.js";
import { seedSaarland } from "./seed/index.js";

export interface SaarlandSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default createLogger("saarland"). */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
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
  // Open and migrate the database.
  const dataSource = await createDataSource({
    url: options.databaseUrl,
    entities: Saarland_ENTITIES,
    migrations: Saarland_MIGRATIONS,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    // Seed an empty database only; a database with content keeps its edits.
    if (options.seed ?? true) await seedSaarland(dataSource, logger);
    const schema = await buildSaarlandSchema();
    return await createSubgraphService<SaarlandContext>({
      name: "saarland",
      schema,
      dataSource,
      logger,
      createContext: createSaarlandContextFactory(dataSource, logger),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
