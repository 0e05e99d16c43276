import { GATEWAY_DEFAULT_PORT, STATE_SUBGRAPHS, createLogger, parseEnv, portSchema, resolveRegistry, subgraphUrlVariable } from "@laenderhub/shared";
import { z } from "zod";
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
  ...Object.fromEntries(STATE_SUBGRAPHS.map((s) => [subgraphUrlVariable(s.code), z.url().optional()])),
});

async function main(): Promise<void> {
  const env = parseEnv(envSchema, process.env, "gateway");
  const logger = createLogger("gateway", env.LOG_LEVEL);
  const gateway = createGateway({
    registry: resolveRegistry(process.env),
    compareUrl: env.COMPARE_URL,
    logger,
    config: edgeConfigFromEnv(env),
  });
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
