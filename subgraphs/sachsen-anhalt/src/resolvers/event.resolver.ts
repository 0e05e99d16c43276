import { FuzzyDate, fuzzyDateOfText, StateCode } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltEvent, SachsenAnhaltLocalPartnership } from "../entities/index.js";
import { fuzzy } from "./dates.js";

@Resolver(() => SachsenAnhaltEvent)
export class SachsenAnhaltEventResolver {
  @FieldResolver(() => StateCode)
  state(): StateCode {
    return StateCode.ST;
  }

  @FieldResolver(() => FuzzyDate, { description: "Date with the precision the sources give (HALF_YEAR: the half is in datePeriod)" })
  occursOn(@Root() event: SachsenAnhaltEvent): FuzzyDate {
    return fuzzy(event.dateIso, event.datePrecision, event.dateNote);
  }

  @FieldResolver(() => [FuzzyDate], { description: "Further dates or periods, as far as the sources give them" })
  alsoOccursOn(@Root() event: SachsenAnhaltEvent): FuzzyDate[] {
    return event.additionalDates.map(fuzzyDateOfText);
  }

  @FieldResolver(() => [SachsenAnhaltLocalPartnership], { description: "The local partnerships the event concerns" })
  async relatedPartnerships(@Root() event: SachsenAnhaltEvent, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLocalPartnership[]> {
    const found = await ctx.loaders.partnershipById.loadMany(event.relatedIds);
    return found.filter((p): p is SachsenAnhaltLocalPartnership => p !== null && !(p instanceof Error));
  }
}
