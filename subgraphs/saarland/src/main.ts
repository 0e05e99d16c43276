import { authConfigFromEnv, createLogger, parseEnv, StateCode, subgraphEnvSchema } from "@laenderhub/shared";
import { createSaarlandSubgraph } from "./subgraph.js";

// Read and check the whole environment first: a bad deployment fails with one message.
const env = parseEnv(subgraphEnvSchema(4001, ".data/saarland.sqlite"), process.env, "saarland");
const logger = createLogger("saarland", env.LOG_LEVEL);

// Token keys are checked on start too (a weak or committed secret, or a bad PEM, stops the
// process); without a key it warns that the subgraph is read-only.
const auth = authConfigFromEnv(env, StateCode.SL, logger);

const service = await createSaarlandSubgraph({ databaseUrl: env.DATABASE_URL, seed: env.SEED, logger, auth });
await service.listen(env.PORT, env.HOST);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping saarland subgraph");
  await service.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
