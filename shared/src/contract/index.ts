// The comparative contract (see ../../CONTRACT.md).
export * from "./types.js";
export * from "./sql.js";
export * from "./resolver.js";
export * from "./views.js";
export * from "./tally.js";
