import { createDataSource, createLogger, createSubgraphService, type Logger, type QueryCounter, type StateSubgraph, type SubgraphService } from "@laenderhub/shared";
import { ContractClient } from "./comparative/contract-client.js";
import { createContextFactory, type CompareContext } from "./context.js";
import { COMPARE_ENTITIES } from "./entities/index.js";
import { COMPARE_MIGRATIONS } from "./migrations/index.js";
import { buildCompareSchema } from "./schema/build-schema.js";
import { seedGazetteer } from "./seed/seed-gazetteer.js";
import { compareResponsePlugin } from "./server/state-unavailable.plugin.js";

export interface CompareSubgraphOptions {
  /** Gazetteer database: SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Seed an empty gazetteer with the cited municipalities (default true). */
  seed?: boolean;
  /** The state subgraphs to call (shared `resolveRegistry()`); url per state. */
  registry: StateSubgraph[];
  /** Timeout per contract call to a state, in ms (default 5000). */
  stateTimeoutMs?: number;
  logger?: Logger;
  /** Optional SQL statement counter (tests). */
  counter?: QueryCounter;
  /** Injectable for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export const DEFAULT_STATE_TIMEOUT_MS = 5000;

/**
 * Creates the compare subgraph: opens and migrates the gazetteer database, seeds it when
 * empty, builds the federated schema and wraps it in a service that tests drive through
 * `executeOperation` and `main.ts` serves over HTTP.
 */
export async function createCompareSubgraph(o: CompareSubgraphOptions): Promise<SubgraphService<CompareContext>> {
  const logger = o.logger ?? createLogger("compare");
  // Open the gazetteer and run pending migrations.
  const dataSource = await createDataSource({ url: o.databaseUrl, entities: COMPARE_ENTITIES, migrations: COMPARE_MIGRATIONS, ...(o.counter ? { counter: o.counter } : {}) });
  try {
    // Seed only an empty gazetteer, so records added later survive restarts.
    if (o.seed ?? true) await seedGazetteer(dataSource);
    const schema = await buildCompareSchema();
    const fetchImpl = o.fetch ?? ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => fetch(input, init));
    const client = new ContractClient({ timeoutMs: o.stateTimeoutMs ?? DEFAULT_STATE_TIMEOUT_MS, fetch: fetchImpl, logger });
    return await createSubgraphService({
      name: "compare",
      schema,
      dataSource,
      logger,
      createContext: createContextFactory({ dataSource, logger, client, registry: [...o.registry] }),
      plugins: () => [compareResponsePlugin()],
    });
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
