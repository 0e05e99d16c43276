import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { SachsenGemeinde } from "../schema/gemeinde.type.js";
import { toGemeinde } from "../schema/mappers.js";
import { KommunalerPraeventionsrat } from "../schema/prevention-council.type.js";

@Resolver(() => KommunalerPraeventionsrat)
export class KommunalerPraeventionsratResolver {
  @FieldResolver(() => SachsenGemeinde, { description: "Sachsen's register entry of the municipality" })
  async registeredMunicipality(@Root() council: KommunalerPraeventionsrat, @Ctx() ctx: SachsenContext): Promise<SachsenGemeinde> {
    const row = await ctx.loaders.municipalityById.load(council.municipalityId);
    if (!row) throw new Error(`municipality ${council.municipalityId} of ${council.id} is missing`);
    return toGemeinde(row);
  }
}
