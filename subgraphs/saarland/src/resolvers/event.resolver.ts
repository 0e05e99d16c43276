import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, fuzzyDateOfText, toFuzzyDate } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandEvent, SaarlandSecurityPartnership } from "../entities/index.js";

@Resolver(() => SaarlandEvent)
export class SaarlandEventResolver {
  @FieldResolver(() => FuzzyDate, { description: "When the event took place or is announced, with the precision the sources give" })
  occursOn(@Root() e: SaarlandEvent): FuzzyDate {
    return toFuzzyDate(e.dateIso, e.datePrecision);
  }

  @FieldResolver(() => [FuzzyDate], { description: "Further dates of the event, as far as the sources give them" })
  alsoOccursOn(@Root() e: SaarlandEvent): FuzzyDate[] {
    return e.additionalDates.map(fuzzyDateOfText);
  }

  @FieldResolver(() => [SaarlandSecurityPartnership], { description: "The partnerships the event concerns" })
  async relatedPartnerships(@Root() e: SaarlandEvent, @Ctx() ctx: SaarlandContext): Promise<SaarlandSecurityPartnership[]> {
    const found = await ctx.loaders.partnershipById.loadMany(e.relatedIds);
    return found.filter((p): p is SaarlandSecurityPartnership => p !== null && !(p instanceof Error));
  }
}
