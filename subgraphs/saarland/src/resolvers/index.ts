import type { NonEmptyArray } from "type-graphql";
import { ComparativeContractResolver, createHistoryResolver, StateCode, type ReferenceResolvers } from "@laenderhub/shared";
import { SaarlandSecurityPartnership } from "../entities/index.js";
import { Saarland } from "../schema/saarland.type.js";
import { SaarlandEventMutations } from "./event.mutation.js";
import { SaarlandEventResolver } from "./event.resolver.js";
import { SaarlandFrameworkDocumentResolver } from "./framework-document.resolver.js";
import { SaarlandFundingStatementResolver } from "./funding-statement.resolver.js";
import { SaarlandIndicatorMutations } from "./indicator.mutation.js";
import { SaarlandIndicatorResolver } from "./indicator.resolver.js";
import { SaarlandMunicipalityResolver } from "./municipality.resolver.js";
import { SaarlandPartnershipMutations } from "./partnership.mutation.js";
import { partnershipReferenceResolvers } from "./partnership.reference.js";
import { SaarlandSecurityPartnershipResolver } from "./partnership.resolver.js";
import { SaarlandPreventionBodyResolver } from "./prevention-body.resolver.js";
import { SaarlandProgrammeResolver } from "./programme.resolver.js";
import { SaarlandResolver } from "./saarland.resolver.js";
import { SaarlandSourcesMutations } from "./sources.mutation.js";

export { queryPartnershipPage, validatePartnershipPageArgs, type PartnershipPageArgs } from "./partnerships.query.js";
export { toIndicatorSeries } from "./saarland.resolver.js";

export { SaarlandEventMutations } from "./event.mutation.js";
export { SaarlandIndicatorMutations } from "./indicator.mutation.js";
export { SaarlandPartnershipMutations } from "./partnership.mutation.js";
export { SaarlandSourcesMutations } from "./sources.mutation.js";

/** `saarland { history(id) }`: the audit history of a Saarland record, a public read. */
export const SaarlandHistoryResolver = createHistoryResolver({ state: StateCode.SL, parent: Saarland });

/** Every resolver of the Saarland subgraph: reads, writes, history and the shared comparative contract. */
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
  SaarlandPartnershipMutations,
  SaarlandEventMutations,
  SaarlandIndicatorMutations,
  SaarlandSourcesMutations,
  SaarlandHistoryResolver,
  ComparativeContractResolver,
];

/** Types the schema must hold although type-graphql may not reach them from a resolver (implementations are never auto-registered). */
export const SAARLAND_ORPHANED_TYPES: Function[] = [SaarlandSecurityPartnership];

/** `__resolveReference` of every Saarland entity. */
export const SAARLAND_REFERENCE_RESOLVERS: ReferenceResolvers = { ...partnershipReferenceResolvers };
