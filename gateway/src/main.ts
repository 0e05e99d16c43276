import { GATEWAY_DEFAULT_PORT, STATE_SUBGRAPHS, createLogger, parseEnv, portSchema, resolveRegistry, subgraphUrlVariable } from "@laenderhub/shared";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { z } from "zod";
import { runPrimary, workerHooks } from "./cluster.js";
import { edgeConfigFromEnv, edgeEnvSchema } from "./config.js";
import { COMPARE_DEFAULT_URL, createGateway } from "./index.js";

// Every variable is validated here at once (the registry's URL overrides and the edge's
// limits included), so a bad deployment reports all its mistakes in one message before
// anything listens.
const envSchema = edgeEnvSchema.extend({
  PORT: portSchema.default(GATEWAY_DEFAULT_PORT),
  HOST: z.string().min(1).default("127.0.0.1"),
  COMPARE_URL: z.url().default(COMPARE_DEFAULT_URL),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // Worker processes sharing the port (node:cluster); "auto": one per CPU.
  GATEWAY_WORKERS: z
    .union([z.literal("auto"), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .transform((v) => (v === "auto" ? availableParallelism() : v)),
  ...Object.fromEntries(STATE_SUBGRAPHS.map((s) => [subgraphUrlVariable(s.code), z.url().optional()])),
});

async function main(): Promise<void> {
  const env = parseEnv(envSchema, process.env, "gateway");
  const logger = createLogger("gateway", env.LOG_LEVEL);
  if (env.GATEWAY_WORKERS > 1 && cluster.isPrimary) {
    await runPrimary(env.GATEWAY_WORKERS, logger);
    process.exit(0);
  }
  const config = edgeConfigFromEnv(env);
  // A worker without Redis keeps its cache in step with the others through the primary.
  const hooks = cluster.isWorker ? workerHooks() : null;
  const gateway = createGateway({
    registry: resolveRegistry(process.env),
    compareUrl: env.COMPARE_URL,
    logger,
    config,
    ...(hooks ? { metricsText: hooks.metricsText, ...(config.cache.redisUrl ? {} : { cacheStore: hooks.cacheStore }) } : {}),
  });
  hooks?.shareMetrics(gateway.metricsRegistry);
  await gateway.listen(env.PORT, env.HOST);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "gateway stopping");
    gateway.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "gateway did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
