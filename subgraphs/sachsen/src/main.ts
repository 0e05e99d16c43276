import { authConfigFromEnv, createLogger, parseEnv, StateCode, subgraphEnvSchema } from "@laenderhub/shared";
import { createSachsenSubgraph } from "./index.js";

// Thin entry point: read the environment, create the subgraph, listen, stop on a signal.
const env = parseEnv(subgraphEnvSchema(4002, ".data/sachsen.sqlite"), process.env, "sachsen");
const logger = createLogger("sachsen", env.LOG_LEVEL);
// Token keys come from AUTH_JWT_SECRETS / AUTH_JWT_PUBLIC_KEYS; a weak or committed secret or a
// bad key stops the start, and no key at all is announced as read-only.
const auth = authConfigFromEnv(env, StateCode.SN, logger);
const service = await createSachsenSubgraph({ databaseUrl: env.DATABASE_URL, seed: env.SEED, logger, auth });
await service.listen(env.PORT, env.HOST);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "stopping");
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "failed to stop cleanly");
        process.exit(1);
      },
    );
  });
}
