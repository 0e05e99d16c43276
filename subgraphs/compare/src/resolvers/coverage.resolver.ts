import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { REGISTER_POPULATION_REFERENCE_ON, REGISTER_SOURCE } from "@laenderhub/shared";
import { coverageOf, periodPrefix, windowOf, type CoverageCounts } from "../comparative/coverage.js";
import { checkIsoBound } from "../comparative/filter.js";
import { DISTRICTS, districtsOfState } from "../gazetteer/districts.js";
import { Comparison, StateComparison } from "../schema/comparison.types.js";
import { Coverage, CoveragePoint, DistrictMunicipalCoverage, type CoverageFigures } from "../schema/coverage.types.js";
import { toDistrict } from "../schema/gazetteer.types.js";

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function figures(counts: CoverageCounts | undefined): CoverageFigures {
  const c = counts ?? { municipalitiesTakingPart: 0, municipalities: 0, populationTakingPart: 0, population: 0 };
  return { ...c, shareOfMunicipalities: share(c.municipalitiesTakingPart, c.municipalities), shareOfPopulation: share(c.populationTakingPart, c.population) };
}

@Resolver(() => StateComparison)
export class StateCoverageResolver {
  @FieldResolver(() => Coverage, {
    nullable: true,
    description:
      "Municipalities and inhabitants taking part under the comparison's filter, against every municipality of the register, per state and " +
      "per district; as of a date or now. Null when the state did not answer (it is then listed as unavailable).",
  })
  async coverage(
    @Root() state: StateComparison,
    @Arg("asOf", () => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD; omitted: now" }) asOfArg: string | null | undefined,
  ): Promise<Coverage | null> {
    const asOf = asOfArg ?? null;
    checkIsoBound("asOf", asOf);
    const source = coverageOf(state);
    if (!source) return null;
    const counts = (await source.in(windowOf(asOf))).states.get(state.state);
    if (!counts) return null;
    return Object.assign(new Coverage(), {
      ...figures(counts),
      state: state.state,
      asOf,
      municipalitiesOutsideRegister: counts.outsideRegister,
      districts: districtsOfState(state.state).map((d) =>
        Object.assign(new DistrictMunicipalCoverage(), { ...figures(counts.districts.get(d.key)), district: toDistrict(DISTRICTS.get(d.key)!) }),
      ),
      populationReferenceOn: REGISTER_POPULATION_REFERENCE_ON,
      sources: [REGISTER_SOURCE],
    });
  }
}

@Resolver(() => Comparison)
export class ComparisonCoverageResolver {
  @FieldResolver(() => [CoveragePoint], {
    description:
      "How coverage grew: each state's municipalities and inhabitants taking part on the last day of every timeline period (a participation " +
      "counts from the end of the period its signing date is known to; undated ones never count here). All periods in one SQL statement.",
  })
  async coverageTimeline(@Root() comparison: Comparison): Promise<CoveragePoint[]> {
    const source = coverageOf(comparison);
    if (!source) return [];
    const periods = [...new Set(comparison.timeline.map((t) => t.period))].sort();
    const answers = await Promise.all(
      periods.map((period) => {
        const last = periodPrefix(period).last;
        return source.in({ key: `period:${period}`, from: last, signedBy: last });
      }),
    );
    return periods.flatMap((period, i) =>
      comparison.states.flatMap((s) => {
        const counts = answers[i]!.states.get(s.state);
        return counts ? [Object.assign(new CoveragePoint(), { ...figures(counts), period, state: s.state, countedOn: periodPrefix(period).last })] : [];
      }),
    );
  }
}
