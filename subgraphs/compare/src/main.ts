import { COMPARE_DEFAULT_PORT, ConfigError, createLogger, DEFAULT_BREAKER_SETTINGS, parseEnv, resolveRegistryWithOmitted, STATE_SUBGRAPHS, subgraphEnvSchema, type ResolvedRegistry, type StateCode } from "@laenderhub/shared";
import { z } from "zod";
import { DEFAULT_BUDGET } from "./comparative/budget.js";
import { createCompareSubgraph, DEFAULT_STATE_TIMEOUT_MS } from "./create-compare-subgraph.js";

const positiveInt = z.coerce.number().int().positive();
/** `STATE_TIMEOUT_MS_SL`, …: a state's own timeout, overriding STATE_TIMEOUT_MS. */
const stateTimeoutVariable = (code: StateCode) => `STATE_TIMEOUT_MS_${code}`;

const envSchema = subgraphEnvSchema(COMPARE_DEFAULT_PORT, ".data/compare.sqlite").extend({
  /** Timeout per contract call to a state subgraph, in ms. */
  STATE_TIMEOUT_MS: positiveInt.default(DEFAULT_STATE_TIMEOUT_MS),
  ...Object.fromEntries(STATE_SUBGRAPHS.map((s) => [stateTimeoutVariable(s.code), positiveInt.optional()])),
  /** Consecutive failed requests to a state that open its circuit breaker. */
  STATE_BREAKER_FAILURES: positiveInt.default(DEFAULT_BREAKER_SETTINGS.failureThreshold),
  /** How long an open breaker skips the state before a probe, in ms. */
  STATE_BREAKER_HALF_OPEN_AFTER_MS: positiveInt.default(DEFAULT_BREAKER_SETTINGS.halfOpenAfterMs),
  /** Contract calls to the states one request may cost. */
  MAX_CONTRACT_CALLS_PER_REQUEST: positiveInt.default(DEFAULT_BUDGET.maxContractCalls),
  /** Rows one request may be served. */
  MAX_ROWS_PER_REQUEST: positiveInt.default(DEFAULT_BUDGET.maxRows),
});

async function main(): Promise<void> {
  // Read and check the whole configuration before touching anything.
  const env = parseEnv(envSchema, process.env, "compare");
  let resolved: ResolvedRegistry;
  try {
    resolved = resolveRegistryWithOmitted(process.env);
  } catch (err) {
    throw new ConfigError(`compare: invalid state registry (SUBGRAPH_URL_<CODE>, SUBGRAPH_STATES)\n  ${String(err)}`);
  }
  const logger = createLogger("compare", env.LOG_LEVEL);
  // Open, migrate and (when empty) seed the gazetteer; build the schema.
  const { registry, omitted } = resolved;
  const stateTimeoutsMs: Partial<Record<StateCode, number>> = {};
  for (const s of STATE_SUBGRAPHS) {
    const ms = (env as Record<string, unknown>)[stateTimeoutVariable(s.code)];
    if (typeof ms === "number") stateTimeoutsMs[s.code] = ms;
  }
  const service = await createCompareSubgraph({
    databaseUrl: env.DATABASE_URL,
    seed: env.SEED,
    registry,
    omittedStates: omitted,
    stateTimeoutMs: env.STATE_TIMEOUT_MS,
    stateTimeoutsMs,
    breaker: { failureThreshold: env.STATE_BREAKER_FAILURES, halfOpenAfterMs: env.STATE_BREAKER_HALF_OPEN_AFTER_MS },
    budget: { maxContractCalls: env.MAX_CONTRACT_CALLS_PER_REQUEST, maxRows: env.MAX_ROWS_PER_REQUEST },
    logger,
  });
  // Serve /graphql and /health.
  const http = await service.listen(env.PORT, env.HOST);
  logger.info({ url: http.url, states: registry.map((s) => `${s.code} ${s.url}`), notConfigured: omitted }, "compare ready");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping");
    await service.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof ConfigError ? err.message : (err as Error)?.stack ?? String(err)}\n`);
  process.exit(1);
});
