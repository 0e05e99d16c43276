import "reflect-metadata";

export * from "./vocabulary.js";
export * from "./errors.js";
export * from "./config.js";
export * from "./logger.js";
export * from "./schema/value-types.js";
export * from "./schema/dates.js";
export * from "./schema/build-federated-schema.js";
export * from "./db/data-source.js";
export * from "./server/http-server.js";
export * from "./server/subgraph.js";
export * from "./registry.js";
export * from "./dataset/index.js";
export * from "./contract/index.js";
export * from "./auth/index.js";
export * from "./write/index.js";
export * from "./schema/names.js";
export * from "./schema/participation.js";
