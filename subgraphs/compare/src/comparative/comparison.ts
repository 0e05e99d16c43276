import type { StateSubgraph } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { DISTRICT_REFERENCE_DATE, DISTRICT_SOURCE, DISTRICTS, STATES, districtsOfState } from "../gazetteer/districts.js";
import type { GazetteerLoaders } from "../loaders/gazetteer.loaders.js";
import type { Comparison, FieldOfActionCount, InstrumentCount, StateComparison, TimelinePoint } from "../schema/comparison.types.js";
import { toDistrict } from "../schema/gazetteer.types.js";
import { ComparisonPeriod } from "../vocabulary.js";
import { contract, type ContractSummaryRow } from "./contract-client.js";
import { attachCoverage, CoverageSource } from "./coverage.js";
import type { ResolvedFilter } from "./filter.js";
import type { StateContracts } from "./state-contracts.js";

const COVERAGE_NOTE =
  "District-level figures: a district counts as covered when at least one of its municipalities takes part; its whole population " +
  "is then counted. They bound the reach of a programme from above and are not the population of the participating municipalities.";

interface StateSummaries {
  state: StateSubgraph;
  totals: ContractSummaryRow[];
  municipalities: ContractSummaryRow[];
  periods: ContractSummaryRow[];
  instruments: ContractSummaryRow[];
  fields: ContractSummaryRow[];
}

const sum = (rows: readonly ContractSummaryRow[], pick: (r: ContractSummaryRow) => number) => rows.reduce((s, r) => s + pick(r), 0);
const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);

/** Consecutive periods from `first` to `last` inclusive ("2019", "2020" or "2019-Q4", "2020-Q1"). */
function periodRange(first: string, last: string, period: ComparisonPeriod): string[] {
  const out: string[] = [];
  if (period === ComparisonPeriod.YEAR) {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y));
    return out;
  }
  let y = Number(first.slice(0, 4));
  let q = Number(first.slice(6));
  const end = Number(last.slice(0, 4)) * 4 + Number(last.slice(6));
  while (y * 4 + q <= end) {
    out.push(`${y}-Q${q}`);
    if (q === 4) {
      q = 1;
      y++;
    } else q++;
  }
  return out;
}

/**
 * Compares the states on one filter from their `_comparativeSummary` answers (SQL GROUP BY in
 * each state; no participation rows travel). The five summaries of a state go out in one
 * HTTP request. A state that fails is missing from every figure and listed as unavailable.
 */
export async function computeComparison(
  resolved: ResolvedFilter,
  period: ComparisonPeriod,
  contracts: StateContracts,
  gazetteer: GazetteerLoaders,
  dataSource: DataSource,
): Promise<Comparison> {
  const settled = await Promise.allSettled(
    resolved.targets.map(async (state): Promise<StateSummaries> => {
      const filter = resolved.filterFor(state);
      const [totals, municipalities, periods, instruments, fields] = await Promise.all([
        contracts.call(state, contract.summary(filter, ["STATE"])),
        contracts.call(state, contract.summary(filter, ["MUNICIPALITY"])),
        contracts.call(state, contract.summary(filter, ["YEAR", "QUARTER"])),
        contracts.call(state, contract.summary(filter, ["INSTRUMENT"])),
        contracts.call(state, contract.summary(filter, ["FIELD_OF_ACTION"])),
      ]);
      return { state, totals, municipalities, periods, instruments, fields };
    }),
  );
  const answered: StateSummaries[] = [];
  const unavailable = [...resolved.unavailable];
  settled.forEach((s, i) => {
    if (s.status === "fulfilled") answered.push(s.value);
    else unavailable.push({ state: resolved.targets[i]!.code, name: resolved.targets[i]!.name, reason: (s.reason as { reason?: string }).reason ?? String(s.reason) });
  });
  answered.sort((a, b) => (a.state.code < b.state.code ? -1 : 1));

  // Districts of the participating municipalities: one gazetteer lookup for all states.
  const municipalityIds = [...new Set(answered.flatMap((a) => a.municipalities.map((r) => r.municipalityId!).filter(Boolean)))];
  const records = await gazetteer.municipalityById.loadMany(municipalityIds);
  const districtOf = new Map<string, string | null>();
  records.forEach((m, i) => districtOf.set(municipalityIds[i]!, m && !(m instanceof Error) ? m.districtKey : null));

  const placed = (r: ContractSummaryRow) => (period === ComparisonPeriod.YEAR ? (r.year !== null ? String(r.year) : null) : r.quarter);
  const allPeriods = answered.flatMap((a) => a.periods.map(placed).filter((p): p is string => p !== null)).sort();
  const range = allPeriods.length ? periodRange(allPeriods[0]!, allPeriods[allPeriods.length - 1]!, period) : [];

  const states: StateComparison[] = [];
  const timeline: TimelinePoint[] = [];
  const byInstrument: InstrumentCount[] = [];
  const byFieldOfAction: FieldOfActionCount[] = [];
  for (const a of answered) {
    const code = a.state.code;
    const covered = [...new Set(a.municipalities.map((r) => districtOf.get(r.municipalityId!) ?? null).filter((k): k is string => k !== null))].sort();
    const coveredDistricts = covered.map((k) => DISTRICTS.get(k)!).filter(Boolean);
    const inState = districtsOfState(code);
    const statePopulation = STATES.get(code)!.population;
    const populationCovered = coveredDistricts.reduce((s, d) => s + d.population, 0);
    const firsts = a.totals.map((r) => r.firstSignedOn).filter((d): d is string => d !== null).sort();
    const latests = a.totals.map((r) => r.latestSignedOn).filter((d): d is string => d !== null).sort();
    states.push({
      state: code,
      name: a.state.name,
      participations: sum(a.totals, (r) => r.participations),
      municipalities: sum(a.totals, (r) => r.municipalities),
      undatedParticipations: sum(a.periods.filter((r) => r.year === null), (r) => r.participations),
      yearOnlyParticipations: sum(a.periods.filter((r) => r.year !== null && r.quarter === null), (r) => r.participations),
      firstSignedOn: firsts[0] ?? null,
      latestSignedOn: latests[latests.length - 1] ?? null,
      districtCoverage: {
        districtsCovered: coveredDistricts.length,
        districtsInState: inState.length,
        shareOfDistricts: ratio(coveredDistricts.length, inState.length),
        populationOfCoveredDistricts: populationCovered,
        statePopulation,
        shareOfPopulation: ratio(populationCovered, statePopulation),
        municipalitiesWithoutDistrict: a.municipalities.filter((r) => !districtOf.get(r.municipalityId!)).length,
        districts: coveredDistricts.map(toDistrict),
        referenceDate: DISTRICT_REFERENCE_DATE,
        note: COVERAGE_NOTE,
        sources: [DISTRICT_SOURCE],
      },
    });

    const perPeriod = new Map<string, number>();
    for (const r of a.periods) {
      const p = placed(r);
      if (p !== null) perPeriod.set(p, (perPeriod.get(p) ?? 0) + r.participations);
    }
    let cumulative = 0;
    for (const p of range) {
      const n = perPeriod.get(p) ?? 0;
      cumulative += n;
      timeline.push({ period: p, state: code, participations: n, cumulativeParticipations: cumulative });
    }
    for (const r of a.instruments) {
      if (r.instrument) byInstrument.push({ state: code, instrument: r.instrument, participations: r.participations, municipalities: r.municipalities });
    }
    for (const r of a.fields) {
      byFieldOfAction.push({ state: code, fieldOfAction: r.fieldOfAction, participations: r.participations, municipalities: r.municipalities });
    }
  }
  // Coverage is counted only when asked for: the states' dates are fetched then, with the same filter.
  const coverage = new CoverageSource({ dataSource, contracts, states: answered.map((a) => ({ state: a.state, filter: resolved.filterFor(a.state) })) });
  for (const s of states) attachCoverage(s, coverage);
  byInstrument.sort((x, y) => (x.state + x.instrument < y.state + y.instrument ? -1 : 1));
  byFieldOfAction.sort((x, y) => (x.state !== y.state ? (x.state < y.state ? -1 : 1) : (x.fieldOfAction ?? "~") < (y.fieldOfAction ?? "~") ? -1 : 1));
  const comparison: Comparison = {
    period,
    states,
    timeline,
    byInstrument,
    byFieldOfAction,
    unavailableStates: unavailable.sort((x, y) => (x.state < y.state ? -1 : 1)),
  };
  attachCoverage(comparison, coverage);
  return comparison;
}
