import { authConfigFromEnv, createLogger, parseEnv, StateCode, subgraphEnvSchema } from "@laenderhub/shared";
import { createSachsenAnhaltSubgraph, SACHSEN_ANHALT_SUBGRAPH_NAME } from "./subgraph.js";

const env = parseEnv(subgraphEnvSchema(4003, ".data/sachsen-anhalt.sqlite"), process.env, SACHSEN_ANHALT_SUBGRAPH_NAME);
const logger = createLogger(SACHSEN_ANHALT_SUBGRAPH_NAME, env.LOG_LEVEL);
// Verification keys for editors' tokens; none configured means reads only (writes refused, and
// a warning says so); a weak or committed secret stops the start.
const auth = authConfigFromEnv(env, StateCode.ST, logger);
const service = await createSachsenAnhaltSubgraph({ databaseUrl: env.DATABASE_URL, seed: env.SEED, logger, auth });
await service.listen(env.PORT, env.HOST);

// Stop cleanly on Ctrl-C and on the container's SIGTERM: drain requests, close the database.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "stopping");
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "error while stopping");
        process.exit(1);
      },
    );
  });
}
