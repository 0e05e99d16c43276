import { ComparativeContractResolver, createHistoryResolver, StateCode } from "@laenderhub/shared";
import type { NonEmptyArray } from "type-graphql";
import { SachsenAnhaltEventResolver } from "./event.resolver.js";
import { SachsenAnhaltIndicatorResolver } from "./indicator.resolver.js";
import { SachsenAnhaltJointDeclarationResolver } from "./joint-declaration.resolver.js";
import { SachsenAnhaltLandespraeventionsratResolver } from "./landespraeventionsrat.resolver.js";
import { SachsenAnhaltLocalPartnershipReference } from "./local-partnership.reference.js";
import { SachsenAnhaltLocalPartnershipResolver } from "./local-partnership.resolver.js";
import { SachsenAnhaltMunicipalityResolver } from "./municipality.resolver.js";
import { SachsenAnhaltPreventionBodyResolver } from "./prevention-body.resolver.js";
import { SachsenAnhaltProgrammeResolver } from "./programme.resolver.js";
import { SachsenAnhaltResolver } from "./sachsen-anhalt.resolver.js";
import { SachsenAnhaltStrategicLineResolver } from "./strategic-line.resolver.js";
import { SachsenAnhaltPartnershipMutationResolver } from "./partnership.mutation.js";
import { SachsenAnhaltRecordMutationResolver } from "./record.mutation.js";
import { SachsenAnhaltSourcesMutationResolver } from "./sources.mutation.js";
import { SachsenAnhalt } from "../schema/sachsen-anhalt.type.js";

/** `sachsenAnhalt { history(id) }`: the audit history of the state's own records (a public read). */
export const SachsenAnhaltHistoryResolver = createHistoryResolver({ state: StateCode.ST, parent: SachsenAnhalt });

export {
  SachsenAnhaltEventResolver,
  SachsenAnhaltIndicatorResolver,
  SachsenAnhaltJointDeclarationResolver,
  SachsenAnhaltLandespraeventionsratResolver,
  SachsenAnhaltLocalPartnershipReference,
  SachsenAnhaltLocalPartnershipResolver,
  SachsenAnhaltMunicipalityResolver,
  SachsenAnhaltPreventionBodyResolver,
  SachsenAnhaltProgrammeResolver,
  SachsenAnhaltResolver,
  SachsenAnhaltStrategicLineResolver,
  SachsenAnhaltPartnershipMutationResolver,
  SachsenAnhaltRecordMutationResolver,
  SachsenAnhaltSourcesMutationResolver,
};

/** Every resolver class of the subgraph: its own, plus the shared comparative contract over its `cmp_*` views. */
export const SachsenAnhalt_RESOLVERS: NonEmptyArray<Function> = [
  ComparativeContractResolver,
  SachsenAnhaltResolver,
  SachsenAnhaltProgrammeResolver,
  SachsenAnhaltJointDeclarationResolver,
  SachsenAnhaltStrategicLineResolver,
  SachsenAnhaltLocalPartnershipResolver,
  SachsenAnhaltMunicipalityResolver,
  SachsenAnhaltPreventionBodyResolver,
  SachsenAnhaltEventResolver,
  SachsenAnhaltIndicatorResolver,
  SachsenAnhaltLandespraeventionsratResolver,
  SachsenAnhaltHistoryResolver,
  SachsenAnhaltPartnershipMutationResolver,
  SachsenAnhaltRecordMutationResolver,
  SachsenAnhaltSourcesMutationResolver,
];

/** Federation reference resolvers, by entity type name. */
export const SachsenAnhalt_REFERENCE_RESOLVERS = {
  SachsenAnhaltLocalPartnership: SachsenAnhaltLocalPartnershipReference,
};
