import { FuzzyDate } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltEvent, SachsenAnhaltIndicator, SachsenAnhaltLandespraeventionsrat } from "../entities/index.js";
import { fuzzyFromIso } from "./dates.js";

/** The indicator code of the Landespräventionsrat's membership figures. */
const MEMBERS_INDICATOR = "lpr_members";

@Resolver(() => SachsenAnhaltLandespraeventionsrat)
export class SachsenAnhaltLandespraeventionsratResolver {
  @FieldResolver(() => FuzzyDate, { description: "When it was constituted" })
  constitutedOn(@Root() lpr: SachsenAnhaltLandespraeventionsrat): FuzzyDate {
    return fuzzyFromIso(lpr.constitutedIso);
  }

  @FieldResolver(() => FuzzyDate, { description: "The state government's decision it was constituted after" })
  cabinetDecisionOn(@Root() lpr: SachsenAnhaltLandespraeventionsrat): FuzzyDate {
    return fuzzyFromIso(lpr.cabinetDecisionIso);
  }

  @FieldResolver(() => SachsenAnhaltEvent, { nullable: true })
  constitutionEvent(@Root() lpr: SachsenAnhaltLandespraeventionsrat, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltEvent | null> | null {
    return lpr.constitutionEventId === null ? null : ctx.loaders.eventById.load(lpr.constitutionEventId);
  }

  @FieldResolver(() => [SachsenAnhaltIndicator], { description: "Its membership figures over time (indicator lpr_members)" })
  memberCounts(@Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltIndicator[]> {
    return ctx.dataSource
      .getRepository(SachsenAnhaltIndicator)
      .createQueryBuilder("i")
      .where("i.indicator = :indicator", { indicator: MEMBERS_INDICATOR })
      .addSelect("CASE WHEN i.reference_on IS NULL THEN 1 ELSE 0 END", "unknown_date")
      .orderBy("unknown_date", "ASC")
      .addOrderBy("i.reference_on", "ASC")
      .addOrderBy("i.id", "ASC")
      .getMany();
  }
}
