import { StateCode, createHistoryResolver } from "@laenderhub/shared";
import { Sachsen } from "../schema/sachsen.type.js";
import { AsskommEventMutationResolver } from "./event.mutation.js";
import { AsskommEventResolver } from "./event.resolver.js";
import { SachsenGemeindeResolver } from "./gemeinde.resolver.js";
import { AsskommIndicatorMutationResolver } from "./indicator.mutation.js";
import { AsskommMembershipMutationResolver } from "./membership.mutation.js";
import { AsskommMembershipResolver } from "./membership.resolver.js";
import { KommunalerPraeventionsratResolver } from "./prevention-council.resolver.js";
import { AsskommProgrammeResolver } from "./programme.resolver.js";
import { SachsenResolver } from "./sachsen.resolver.js";
import { SachsenSourcesMutationResolver } from "./sources.mutation.js";

export {
  AsskommEventMutationResolver,
  AsskommEventResolver,
  AsskommIndicatorMutationResolver,
  AsskommMembershipMutationResolver,
  AsskommMembershipResolver,
  AsskommProgrammeResolver,
  KommunalerPraeventionsratResolver,
  SachsenGemeindeResolver,
  SachsenResolver,
  SachsenSourcesMutationResolver,
};
export { SachsenSourcedRecord } from "./sources.mutation.js";

/** `sachsen { history(id) }`: the audit history of any of Sachsen's records (a public read). */
export const SachsenHistoryResolver = createHistoryResolver({ state: StateCode.SN, parent: Sachsen });
export { resolveMembershipReference, sachsenReferenceResolvers } from "./membership.reference.js";

/** The Sachsen subgraph's own resolvers (the contract resolver is added by the factory). */
export const SACHSEN_RESOLVERS = [
  SachsenResolver,
  AsskommMembershipResolver,
  AsskommProgrammeResolver,
  AsskommEventResolver,
  SachsenGemeindeResolver,
  KommunalerPraeventionsratResolver,
  SachsenHistoryResolver,
  AsskommMembershipMutationResolver,
  AsskommEventMutationResolver,
  AsskommIndicatorMutationResolver,
  SachsenSourcesMutationResolver,
] as const;
