import {
  ComparativeContractResolver,
  MunicipalityReference,
  buildFederatedSchema,
  createDataSource,
  createLogger,
  createSubgraphService,
  type Logger,
  type QueryCounter,
  type SubgraphService,
} from "@laenderhub/shared";
import type { NonEmptyArray } from "type-graphql";
import { sachsenContextFactory, type SachsenContext } from "./context.js";
import { Sachsen_ENTITIES } from "./entities/index.js";
import { Sachsen_MIGRATIONS } from "./migrations/index.js";
import { SACHSEN_RESOLVERS, sachsenReferenceResolvers } from "./resolvers/index.js";
import { AsskommMembership } from "./schema/membership.type.js";
import { seedSachsen } from "./seed/index.js";

export interface SachsenSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default createLogger("sachsen"). */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
}

/**
 * Creates the Sachsen subgraph: opens and migrates the database, seeds it when empty, and
 * builds the federated schema (own resolvers plus the shared comparative contract). Used by
 * `main.ts`, by the tests and by the gateway's compose step.
 */
export async function createSachsenSubgraph(options: SachsenSubgraphOptions): Promise<SubgraphService<SachsenContext>> {
  const logger = options.logger ?? createLogger("sachsen");
  // 1. Database: migrations run on open; the seed only ever fills an empty database.
  const dataSource = await createDataSource({
    url: options.databaseUrl,
    entities: Sachsen_ENTITIES,
    migrations: Sachsen_MIGRATIONS,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    if (options.seed ?? true) await seedSachsen(dataSource, logger);
    // 2. Schema: the concrete Participation type is reached from resolvers, listed as orphan too
    // so that it stays in the schema whatever the namespace exposes.
    const schema = await buildFederatedSchema(
      {
        resolvers: [...SACHSEN_RESOLVERS, ComparativeContractResolver] as unknown as NonEmptyArray<Function>,
        orphanedTypes: [AsskommMembership, MunicipalityReference],
      },
      sachsenReferenceResolvers,
    );
    // 3. Service: Apollo Server for executeOperation, listen() for HTTP.
    return await createSubgraphService<SachsenContext>({
      name: "sachsen",
      schema,
      dataSource,
      logger,
      createContext: sachsenContextFactory(dataSource, logger),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
