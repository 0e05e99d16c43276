// Loads the shared package (and with it reflect-metadata) before any decorated class.
import "@laenderhub/shared";

export { createSachsenSubgraph, type SachsenSubgraphOptions } from "./subgraph.js";
export { printSachsenSchema } from "./print-schema.js";
export { sachsenContextFactory, type SachsenContext } from "./context.js";
export { createSachsenLoaders, type SachsenLoaders } from "./loaders/index.js";
export * from "./entities/index.js";
export { Sachsen_MIGRATIONS, SACHSEN_COMPARATIVE_VIEWS, SachsenSchema1763800000000, SachsenComparativeViews1763800000001 } from "./migrations/index.js";
export { buildSachsenSeed, seedSachsen, SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE, type SachsenSeedRows, type SeedResult } from "./seed/index.js";
export { SACHSEN_RESOLVERS, MAX_PAGE_SIZE, sachsenReferenceResolvers } from "./resolvers/index.js";
export { AsskommStage, STAGE_INSTRUMENT } from "./schema/stage.js";
export { Sachsen } from "./schema/sachsen.type.js";
export { AsskommJointAgreement, AsskommMembership, AsskommMembershipPage, AsskommOrdinal } from "./schema/membership.type.js";
export { AsskommNote } from "./schema/note.type.js";
export { AsskommFieldOfAction, AsskommFrameworkDocument, AsskommFundingStatement, AsskommOffer, AsskommProgramme } from "./schema/programme.type.js";
export { AsskommEvent } from "./schema/event.type.js";
export { AsskommIndicator, AsskommIndicatorSeries } from "./schema/indicator.type.js";
export { KommunalerPraeventionsrat } from "./schema/prevention-council.type.js";
export { SachsenGemeinde } from "./schema/gemeinde.type.js";
