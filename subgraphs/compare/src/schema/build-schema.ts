import { buildFederatedSchema, type ReferenceResolvers } from "@laenderhub/shared";
import type { GraphQLSchema } from "graphql";
import {
  ComparisonCoverageResolver,
  ComparisonResolver,
  DistrictResolver,
  MunicipalityResolver,
  ParticipationResolver,
  PeopleResolver,
  ProgrammeResolver,
  StateCoverageResolver,
  StateResolver,
  resolveMunicipalityReference,
} from "../resolvers/index.js";
import { PARTICIPATION_TYPES } from "./participation.types.js";

/**
 * Builds the compare subgraph schema: the gazetteer, the public comparative API, and the
 * states' concrete participation types (orphaned: resolvers return the interface, and
 * implementations are never auto-registered).
 */
export async function buildCompareSchema(): Promise<GraphQLSchema> {
  const references: ReferenceResolvers = { Municipality: { __resolveReference: resolveMunicipalityReference } };
  return buildFederatedSchema(
    {
      resolvers: [MunicipalityResolver, DistrictResolver, StateResolver, ProgrammeResolver, ParticipationResolver, ComparisonResolver, StateCoverageResolver, ComparisonCoverageResolver, PeopleResolver],
      orphanedTypes: [...PARTICIPATION_TYPES.values()],
    },
    references,
  );
}
