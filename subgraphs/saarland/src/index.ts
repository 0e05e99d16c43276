// The Saarland subgraph: Sicherheitspartnerschaften of the interior ministry with cities and municipalities.
export { SAARLAND, createSaarlandSubgraph, printSaarlandSchema } from "./state.js";
export type { SaarlandContext } from "./context.js";
export { createSaarlandLoaders, type SaarlandLoaders } from "./loaders/index.js";
export * from "./entities/index.js";
export { Saarland_MIGRATIONS, SaarlandSchema1732190400000, SaarlandContractViews1732190400001 } from "./migrations/index.js";
export { SAARLAND_RESOLVERS, SAARLAND_ORPHANED_TYPES, SAARLAND_REFERENCE_RESOLVERS } from "./resolvers/index.js";
export { Saarland } from "./schema/saarland.type.js";
export { SaarlandAgreementGroup } from "./schema/agreement-group.type.js";
export { SaarlandIndicatorSeries } from "./schema/indicator-series.type.js";
export { MeasureOrigin, PartnershipMeasure } from "./schema/measure.js";
export { PartnershipConnection, PartnershipFilter, PartnershipOrder } from "./schema/partnership.args.js";
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
export {
  PartnershipFieldsInput,
  PartnershipInput,
  PartnershipUpdateInput,
} from "./schema/partnership.input.js";
export { EventInput } from "./schema/event.input.js";
export { IndicatorInput } from "./schema/indicator.input.js";
export { SaarlandRecord, SourcesAttached } from "./schema/record.union.js";
export {
  SaarlandEventMutations,
  SaarlandHistoryResolver,
  SaarlandIndicatorMutations,
  SaarlandPartnershipMutations,
  SaarlandSourcesMutations,
} from "./resolvers/index.js";
export { assignNextId, checkOwnId, kindOfId, nextFreeId, SAARLAND_IDS, type SaarlandIdKind } from "./write/ids.js";
export {
  loadPartnershipRows,
  PARTNERSHIP_COLUMNS,
  partnershipReferenceErrors,
  partnershipRowSchema,
  signedPrecisionOf,
  toPartnershipRow,
  validatePartnershipRow,
  withDerivedPartnershipFields,
  writePartnership,
  type IndexedFieldError,
  type MeasureCatalogueCache,
  type PartnershipRow,
} from "./write/partnership.row.js";
export { EVENT_COLUMNS, eventReferenceErrors, eventRowSchema, loadEventRows, toEventRow, validateEventRow, writeEvent, type EventRow } from "./write/event.row.js";
export {
  INDICATOR_COLUMNS,
  indicatorReferenceErrors,
  indicatorRowSchema,
  loadIndicatorRows,
  toIndicatorRow,
  validateIndicatorRow,
  writeIndicator,
  type IndicatorRow,
} from "./write/indicator.row.js";
export {
  loadMunicipalityRows,
  MUNICIPALITY_COLUMNS,
  municipalityReferenceErrors,
  municipalityRowSchema,
  toMunicipalityRow,
  validateMunicipalityRow,
  writeMunicipality,
  type MunicipalityRow,
  type PreventionBodyRow,
} from "./write/municipality.row.js";
export { eventIo, indicatorIo, municipalityIo, partnershipIo, SAARLAND_RECORD_IO } from "./write/record-io.js";
