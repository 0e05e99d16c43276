import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { SachsenGemeinde } from "../schema/gemeinde.type.js";
import { toMembership, toPreventionCouncil, type MembershipRoot } from "../schema/mappers.js";
import { AsskommMembership } from "../schema/membership.type.js";
import { KommunalerPraeventionsrat } from "../schema/prevention-council.type.js";

@Resolver(() => SachsenGemeinde)
export class SachsenGemeindeResolver {
  @FieldResolver(() => [AsskommMembership], { description: "The municipality's ASSKomm memberships" })
  async memberships(@Root() gemeinde: SachsenGemeinde, @Ctx() ctx: SachsenContext): Promise<MembershipRoot[]> {
    return (await ctx.loaders.membershipsByMunicipality.load(gemeinde.id)).map(toMembership);
  }

  @FieldResolver(() => [KommunalerPraeventionsrat])
  async preventionBodies(@Root() gemeinde: SachsenGemeinde, @Ctx() ctx: SachsenContext): Promise<KommunalerPraeventionsrat[]> {
    return (await ctx.loaders.preventionBodiesByMunicipality.load(gemeinde.id)).map(toPreventionCouncil);
  }
}
