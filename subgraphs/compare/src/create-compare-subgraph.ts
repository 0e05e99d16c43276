import { CircuitBreakers, createDataSource, createLogger, createSubgraphService, DEFAULT_BREAKER_SETTINGS, type BreakerSettings, type Logger, type QueryCounter, type StateCode, type StateSubgraph, type SubgraphService } from "@laenderhub/shared";
import { DEFAULT_BUDGET, type BudgetLimits } from "./comparative/budget.js";
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
  /**
   * Known states this deployment leaves out (`resolveRegistryWithOmitted().omitted`): every
   * comparative answer names them as STATE_UNAVAILABLE instead of dropping them silently.
   */
  omittedStates?: StateCode[];
  /** Timeout per contract call to a state, in ms (default 5000). */
  stateTimeoutMs?: number;
  /** Per-state overrides of `stateTimeoutMs`. */
  stateTimeoutsMs?: Partial<Record<StateCode, number>>;
  /** When a state's circuit breaker opens and probes again (default 3 failures, 5000 ms). */
  breaker?: Partial<BreakerSettings>;
  /** Contract calls and rows one request may cost (default 300 calls, 10,000 rows). */
  budget?: Partial<BudgetLimits>;
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
    const registry = [...o.registry];
    const timeoutFor = (code: string): number => o.stateTimeoutsMs?.[code as StateCode] ?? o.stateTimeoutMs ?? DEFAULT_STATE_TIMEOUT_MS;
    // One breaker per state for the life of the process: what one request learns, the next
    // uses. While a state's breaker is open, a background probe (`{ __typename }`) finds out
    // when it answers again, so no client request waits on a state known to hang.
    const probe = async (code: string): Promise<void> => {
      const state = registry.find((s) => s.code === code);
      if (!state) return;
      const res = await fetchImpl(state.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
        signal: AbortSignal.timeout(timeoutFor(code)),
      });
      await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    };
    const breakers = new CircuitBreakers({ ...DEFAULT_BREAKER_SETTINGS, ...o.breaker }, logger, "state", probe);
    const client = new ContractClient({
      timeoutMs: o.stateTimeoutMs ?? DEFAULT_STATE_TIMEOUT_MS,
      ...(o.stateTimeoutsMs ? { stateTimeoutsMs: o.stateTimeoutsMs } : {}),
      breakers,
      fetch: fetchImpl,
      logger,
    });
    const budget = { ...DEFAULT_BUDGET, ...o.budget };
    const service = await createSubgraphService({
      name: "compare",
      schema,
      dataSource,
      logger,
      createContext: createContextFactory({ dataSource, logger, client, registry, omitted: o.omittedStates ?? [], budget }),
      plugins: () => [compareResponsePlugin({ schema, states: registry.length })],
      health: () => {
        const status = breakers.status();
        return { states: Object.fromEntries(registry.map((s) => [s.code, status[s.code] ?? "closed"])) };
      },
    });
    return {
      ...service,
      close: async () => {
        breakers.dispose();
        await service.close();
      },
    };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
