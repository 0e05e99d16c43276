export { createSachsenAnhaltSubgraph, SACHSEN_ANHALT_SUBGRAPH_NAME, type SachsenAnhaltSubgraphOptions } from "./subgraph.js";
export type { SachsenAnhaltContext } from "./context.js";
export * from "./entities/index.js";
export * from "./schema/index.js";
export * from "./migrations/index.js";
export { createSachsenAnhaltLoaders, type SachsenAnhaltLoaders } from "./loaders/index.js";
export * from "./resolvers/index.js";
export * from "./seed/index.js";
export { printSachsenAnhaltSchema } from "./print-schema.js";
