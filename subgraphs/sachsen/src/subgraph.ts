import {
  ComparativeContractResolver,
  MunicipalityReference,
  buildFederatedSchema,
  createAuthenticator,
  createLogger,
  createSubgraphService,
  type AuthConfig,
  type Logger,
  type QueryCounter,
  type SubgraphService,
} from "@laenderhub/shared";
import type { NonEmptyArray } from "type-graphql";
import { sachsenContextFactory, type SachsenContext } from "./context.js";
import { openSachsenDataSource } from "./db.js";
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
  /**
   * How bearer tokens are verified (`authConfigFromEnv(process.env)` in main.ts). Default: no
   * key, so every write is refused with the reason NO_KEY_CONFIGURED; reads work.
   */
  auth?: AuthConfig;
}

const NO_KEYS: AuthConfig = { secrets: [], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" };

/**
 * Creates the Sachsen subgraph: opens and migrates the database, seeds it when empty, and
 * builds the federated schema (own resolvers and mutations plus the shared comparative
 * contract). Used by `main.ts`, by the tests and by the gateway's compose step.
 */
export async function createSachsenSubgraph(options: SachsenSubgraphOptions): Promise<SubgraphService<SachsenContext>> {
  const logger = options.logger ?? createLogger("sachsen");
  // Keys are checked before the database is touched: a bad key stops the start at once.
  const authenticate = createAuthenticator(options.auth ?? NO_KEYS);
  // 1. Database: migrations run on open; the seed only ever fills an empty database.
  const dataSource = await openSachsenDataSource(options.databaseUrl, options.counter);
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
      createContext: sachsenContextFactory(dataSource, logger, authenticate),
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
