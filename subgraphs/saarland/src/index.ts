// The Saarland subgraph: Sicherheitspartnerschaften of the interior ministry with cities and municipalities.
export { createSaarlandSubgraph, buildSaarlandSchema, type SaarlandSubgraphOptions } from "./subgraph.js";
export { printSaarlandSchema } from "./print-schema.js";
export { createSaarlandContextFactory, type SaarlandContext } from "./context.js";
export { createSaarlandLoaders, type SaarlandLoaders } from "./loaders/index.js";
export * from "./entities/index.js";
export { Saarland_MIGRATIONS, SaarlandSchema1732190400000, SaarlandContractViews1732190400001 } from "./migrations/index.js";
export { SAARLAND_RESOLVERS, SAARLAND_ORPHANED_TYPES, SAARLAND_REFERENCE_RESOLVERS } from "./resolvers/index.js";
export { Saarland } from "./schema/saarland.type.js";
export { SaarlandCitedText } from "./schema/cited-text.type.js";
export { SaarlandAgreementGroup } from "./schema/agreement-group.type.js";
export { SaarlandIndicatorSeries } from "./schema/indicator-series.type.js";
export { MeasureOrigin, PartnershipMeasure } from "./schema/measure.js";
export { MAX_PARTNERSHIP_PAGE, PartnershipFilter, PartnershipOrder, PartnershipPage } from "./schema/partnership.args.js";
export {
  buildSaarlandSeedRows,
  MEASURE_RULES,
  seedSaarland,
  SeedDataError,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
  signingDate,
  type MeasureRule,
  type SaarlandSeedRows,
} from "./seed/index.js";
