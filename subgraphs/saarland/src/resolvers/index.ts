import type { NonEmptyArray } from "type-graphql";
import { ComparativeContractResolver, type ReferenceResolvers } from "@laenderhub/shared";
import { SaarlandSecurityPartnership } from "../entities/index.js";
import { SaarlandEventResolver } from "./event.resolver.js";
import { SaarlandFrameworkDocumentResolver } from "./framework-document.resolver.js";
import { SaarlandFundingStatementResolver } from "./funding-statement.resolver.js";
import { SaarlandIndicatorResolver } from "./indicator.resolver.js";
import { SaarlandMunicipalityResolver } from "./municipality.resolver.js";
import { partnershipReferenceResolvers } from "./partnership.reference.js";
import { SaarlandSecurityPartnershipResolver } from "./partnership.resolver.js";
import { SaarlandPreventionBodyResolver } from "./prevention-body.resolver.js";
import { SaarlandProgrammeResolver } from "./programme.resolver.js";
import { SaarlandResolver } from "./saarland.resolver.js";

export { queryPartnershipPage, validatePartnershipPageArgs, type PartnershipPageArgs } from "./partnerships.query.js";
export { toIndicatorSeries } from "./saarland.resolver.js";

/** Every resolver of the Saarland subgraph, the shared comparative contract included. */
export const SAARLAND_RESOLVERS: NonEmptyArray<Function> = [
  SaarlandResolver,
  SaarlandSecurityPartnershipResolver,
  SaarlandProgrammeResolver,
  SaarlandFrameworkDocumentResolver,
  SaarlandFundingStatementResolver,
  SaarlandMunicipalityResolver,
  SaarlandPreventionBodyResolver,
  SaarlandEventResolver,
  SaarlandIndicatorResolver,
  ComparativeContractResolver,
];

/** Types the schema must hold although type-graphql may not reach them from a resolver (implementations are never auto-registered). */
export const SAARLAND_ORPHANED_TYPES: Function[] = [SaarlandSecurityPartnership];

/** `__resolveReference` of every Saarland entity. */
export const SAARLAND_REFERENCE_RESOLVERS: ReferenceResolvers = { ...partnershipReferenceResolvers };
