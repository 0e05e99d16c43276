import { defineStateSubgraph, registeredState, StateCode } from "@laenderhub/shared";
import { SachsenAnhalt_ENTITIES, SachsenAnhaltLocalPartnership } from "./entities/index.js";
import { SACHSEN_ANHALT_IO_SPECS } from "./io/index.js";
import { createSachsenAnhaltLoaders } from "./loaders/index.js";
import { SachsenAnhalt_MIGRATIONS, SachsenAnhaltContractViews1763726400001 } from "./migrations/index.js";
import { SachsenAnhalt_REFERENCE_RESOLVERS, SachsenAnhalt_RESOLVERS } from "./resolvers/index.js";
import { seedSachsenAnhalt } from "./seed/index.js";

/** The Sachsen-Anhalt subgraph, declared: what is Sachsen-Anhalt's own; the assembly is the shared one. */
export const SACHSEN_ANHALT = defineStateSubgraph({
  state: registeredState(StateCode.ST),
  entities: SachsenAnhalt_ENTITIES,
  migrations: SachsenAnhalt_MIGRATIONS,
  contractViews: SachsenAnhaltContractViews1763726400001,
  resolvers: SachsenAnhalt_RESOLVERS,
  orphanedTypes: [SachsenAnhaltLocalPartnership],
  referenceResolvers: SachsenAnhalt_REFERENCE_RESOLVERS,
  loaders: createSachsenAnhaltLoaders,
  async seed(dataSource, logger) {
    const seeded = await seedSachsenAnhalt(dataSource);
    logger?.info({ seeded }, seeded ? "seeded the empty database with the cited records" : "database already holds data; not seeded");
    return seeded;
  },
  records: SACHSEN_ANHALT_IO_SPECS,
});

/** Creates the Sachsen-Anhalt subgraph (database, schema, context): tests and `main` use this one factory. */
export const createSachsenAnhaltSubgraph = SACHSEN_ANHALT.create;

/** The Sachsen-Anhalt SDL the gateway's compose step reads. */
export const printSachsenAnhaltSchema = SACHSEN_ANHALT.printSchema;
