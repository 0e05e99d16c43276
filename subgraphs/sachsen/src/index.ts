// Loads the shared package (and with it reflect-metadata) before any decorated class.
import "@laenderhub/shared";

export { SACHSEN, createSachsenSubgraph, printSachsenSchema } from "./state.js";
export type { SachsenContext } from "./context.js";
export { createSachsenLoaders, type SachsenLoaders } from "./loaders/index.js";
export * from "./entities/index.js";
export { Sachsen_MIGRATIONS, SACHSEN_COMPARATIVE_VIEWS, SachsenSchema1763800000000, SachsenComparativeViews1763800000001 } from "./migrations/index.js";
export { buildSachsenSeed, seedSachsen, SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE, type SachsenSeedRows, type SeedResult } from "./seed/index.js";
export { SACHSEN_RESOLVERS, sachsenReferenceResolvers } from "./resolvers/index.js";
export { AsskommStage, STAGE_INSTRUMENT } from "./schema/stage.js";
export { Sachsen } from "./schema/sachsen.type.js";
export { AsskommJointAgreement, AsskommMembership, AsskommMembershipConnection } from "./schema/membership.type.js";
export { AsskommFieldOfAction, AsskommFrameworkDocument, AsskommFundingStatement, AsskommOffer, AsskommProgramme } from "./schema/programme.type.js";
export { AsskommEvent } from "./schema/event.type.js";
export { AsskommIndicator, AsskommIndicatorSeries } from "./schema/indicator.type.js";
export { KommunalerPraeventionsrat } from "./schema/prevention-council.type.js";
export { SachsenGemeinde } from "./schema/gemeinde.type.js";
export { AsskommMembershipInput, AsskommMembershipPatch } from "./schema/membership.input.js";
export { AsskommEventInput } from "./schema/event.input.js";
export { AsskommIndicatorInput } from "./schema/indicator.input.js";
export { SachsenSourcedRecord, SachsenHistoryResolver } from "./resolvers/index.js";
export { SACHSEN_RECORD_IO, SACHSEN_IMPORT_ORDER, eventIo, gemeindeIo, indicatorIo, membershipIo, programmeIo } from "./io/specs.js";
export {
  ASSKOMM_PROGRAMME_ID,
  RECORD_TYPES,
  type EventRecord,
  type GemeindeRecord,
  type IndicatorRecord,
  type MembershipRecord,
  type ProgrammeRecord,
} from "./write/records.js";
