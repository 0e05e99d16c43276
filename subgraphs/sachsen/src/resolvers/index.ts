import { AsskommEventResolver } from "./event.resolver.js";
import { SachsenGemeindeResolver } from "./gemeinde.resolver.js";
import { AsskommMembershipResolver } from "./membership.resolver.js";
import { KommunalerPraeventionsratResolver } from "./prevention-council.resolver.js";
import { AsskommProgrammeResolver } from "./programme.resolver.js";
import { SachsenResolver } from "./sachsen.resolver.js";

export { AsskommEventResolver, AsskommMembershipResolver, AsskommProgrammeResolver, KommunalerPraeventionsratResolver, SachsenGemeindeResolver, SachsenResolver };
export { resolveMembershipReference, sachsenReferenceResolvers } from "./membership.reference.js";
export { MAX_PAGE_SIZE } from "./args.js";

/** The Sachsen subgraph's own resolvers (the contract resolver is added by the factory). */
export const SACHSEN_RESOLVERS = [
  SachsenResolver,
  AsskommMembershipResolver,
  AsskommProgrammeResolver,
  AsskommEventResolver,
  SachsenGemeindeResolver,
  KommunalerPraeventionsratResolver,
] as const;
