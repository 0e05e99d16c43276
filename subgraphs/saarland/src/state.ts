import { defineStateSubgraph, registeredState, StateCode } from "@laenderhub/shared";
import { Saarland_ENTITIES } from "./entities/index.js";
import { createSaarlandLoaders } from "./loaders/index.js";
import { Saarland_MIGRATIONS, SaarlandContractViews1732190400001 } from "./migrations/index.js";
import { SAARLAND_ORPHANED_TYPES, SAARLAND_REFERENCE_RESOLVERS, SAARLAND_RESOLVERS } from "./resolvers/index.js";
import { seedSaarland } from "./seed/index.js";
import { SAARLAND_RECORD_IO } from "./write/record-io.js";

/** The Saarland subgraph, declared: what is Saarland's own; the assembly is the shared one. */
export const SAARLAND = defineStateSubgraph({
  state: registeredState(StateCode.SL),
  entities: Saarland_ENTITIES,
  migrations: Saarland_MIGRATIONS,
  contractViews: SaarlandContractViews1732190400001,
  resolvers: SAARLAND_RESOLVERS,
  orphanedTypes: SAARLAND_ORPHANED_TYPES,
  referenceResolvers: SAARLAND_REFERENCE_RESOLVERS,
  loaders: createSaarlandLoaders,
  seed: seedSaarland,
  records: SAARLAND_RECORD_IO,
});

/** Creates the Saarland subgraph (database, schema, context): tests and `main` use this one factory. */
export const createSaarlandSubgraph = SAARLAND.create;

/** The Saarland SDL the gateway's compose step reads. */
export const printSaarlandSchema = SAARLAND.printSchema;
