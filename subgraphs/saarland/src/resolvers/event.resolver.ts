import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandEvent, SaarlandSecurityPartnership } from "../entities/index.js";

@Resolver(() => SaarlandEvent)
export class SaarlandEventResolver {
  @FieldResolver(() => FuzzyDate, { description: "When the event took place or is announced, with the precision the sources give" })
  date(@Root() e: SaarlandEvent): FuzzyDate {
    return toFuzzyDate(e.dateIso, e.datePrecision);
  }

  @FieldResolver(() => [SaarlandSecurityPartnership], { description: "The partnerships the event concerns" })
  async relatedPartnerships(@Root() e: SaarlandEvent, @Ctx() ctx: SaarlandContext): Promise<SaarlandSecurityPartnership[]> {
    const found = await ctx.loaders.partnershipById.loadMany(e.relatedIds);
    return found.filter((p): p is SaarlandSecurityPartnership => p !== null && !(p instanceof Error));
  }
}
