import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { CompareContext } from "../context.js";
import { computeComparison } from "../comparative/comparison.js";
import { resolveParticipationFilter } from "../comparative/filter.js";
import { Comparison } from "../schema/comparison.types.js";
import { ParticipationFilterInput } from "../schema/filters.input.js";
import { ComparisonPeriod } from "../vocabulary.js";

@Resolver()
export class ComparisonResolver {
  @Query(() => Comparison, {
    description:
      "The states compared on one filter: per state totals, first and latest signing, district-level coverage, a timeline by year or " +
      "quarter with cumulative counts, breakdowns by instrument and field of action. Aggregated in each state with SQL GROUP BY.",
  })
  async comparison(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => ParticipationFilterInput, { nullable: true }) filter: ParticipationFilterInput | null,
    @Arg("period", () => ComparisonPeriod, { defaultValue: ComparisonPeriod.YEAR }) period: ComparisonPeriod,
  ): Promise<Comparison> {
    const resolved = await resolveParticipationFilter(filter, ctx.contracts, ctx.gazetteer);
    return computeComparison(resolved, period, ctx.contracts, ctx.gazetteer, ctx.dataSource);
  }
}
