import { defineStateSubgraph, MunicipalityReference, registeredState, StateCode } from "@laenderhub/shared";
import { Sachsen_ENTITIES } from "./entities/index.js";
import { SACHSEN_RECORD_IO } from "./io/specs.js";
import { createSachsenLoaders } from "./loaders/index.js";
import { Sachsen_MIGRATIONS, SachsenComparativeViews1763800000001 } from "./migrations/index.js";
import { SACHSEN_RESOLVERS, sachsenReferenceResolvers } from "./resolvers/index.js";
import { AsskommMembership } from "./schema/membership.type.js";
import { seedSachsen } from "./seed/index.js";

/** The Sachsen subgraph, declared: what is Sachsen's own; the assembly is the shared one. */
export const SACHSEN = defineStateSubgraph({
  state: registeredState(StateCode.SN),
  entities: Sachsen_ENTITIES,
  migrations: Sachsen_MIGRATIONS,
  contractViews: SachsenComparativeViews1763800000001,
  resolvers: [...SACHSEN_RESOLVERS],
  // The concrete Participation type stays in the schema whatever the namespace exposes.
  orphanedTypes: [AsskommMembership, MunicipalityReference],
  referenceResolvers: sachsenReferenceResolvers,
  loaders: createSachsenLoaders,
  seed: seedSachsen,
  records: SACHSEN_RECORD_IO,
});

/** Creates the Sachsen subgraph (database, schema, context): tests and `main` use this one factory. */
export const createSachsenSubgraph = SACHSEN.create;

/** The Sachsen SDL the gateway's compose step reads. */
export const printSachsenSchema = SACHSEN.printSchema;
