import { COMPARE_DEFAULT_PORT, ConfigError, createLogger, parseEnv, resolveRegistry, subgraphEnvSchema, type StateSubgraph } from "@laenderhub/shared";
import { z } from "zod";
import { createCompareSubgraph, DEFAULT_STATE_TIMEOUT_MS } from "./create-compare-subgraph.js";

const envSchema = subgraphEnvSchema(COMPARE_DEFAULT_PORT, ".data/compare.sqlite").extend({
  /** Timeout per contract call to a state subgraph, in ms. */
  STATE_TIMEOUT_MS: z.coerce.number().int().positive().default(DEFAULT_STATE_TIMEOUT_MS),
});

async function main(): Promise<void> {
  // Read and check the whole configuration before touching anything.
  const env = parseEnv(envSchema, process.env, "compare");
  let registry: StateSubgraph[];
  try {
    registry = resolveRegistry(process.env);
  } catch (err) {
    throw new ConfigError(`compare: invalid state registry (SUBGRAPH_URL_<CODE>, SUBGRAPH_STATES)\n  ${String(err)}`);
  }
  const logger = createLogger("compare", env.LOG_LEVEL);
  // Open, migrate and (when empty) seed the gazetteer; build the schema.
  const service = await createCompareSubgraph({ databaseUrl: env.DATABASE_URL, seed: env.SEED, registry, stateTimeoutMs: env.STATE_TIMEOUT_MS, logger });
  // Serve /graphql and /health.
  const http = await service.listen(env.PORT, env.HOST);
  logger.info({ url: http.url, states: registry.map((s) => `${s.code} ${s.url}`) }, "compare ready");

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
