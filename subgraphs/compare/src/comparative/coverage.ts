import DataLoader from "dataloader";
import { ParticipationStatus, todayIso, type StateCode, type StateSubgraph } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { contract, type ContractCoverageRow, type ContractFilter } from "./contract-client.js";
import type { StateContracts } from "./state-contracts.js";

/*
 * Coverage: which share of a state's municipalities, and of its inhabitants, take part, counted
 * against the municipal register the gazetteer holds. The states say which municipality took
 * part when (grouped in their SQL, see ContractCoverageRow); the counting against the register
 * is one SQL statement here, for any number of dates and states.
 *
 * "Taking part as of D" (D an ISO prefix, read as the whole day, month or year): a participation
 * matching the filter whose signing date is provably on or before the end of D, whose status is
 * not ANNOUNCED, and which did not end before D began. A date known to the month counts from the
 * end of that month; a participation without a known year never counts as of a date; an ENDED
 * participation without an end date cannot be shown to run on any day and is not counted.
 * Without a date ("now"), every matching participation counts that has not been announced only
 * and has not ended before today, whether its signing date is known or not.
 */

/** The first day of the period an ISO prefix names ("2021" → 2021-01-01). */
export function firstDayOf(prefix: string): string {
  return prefix.length === 4 ? `${prefix}-01-01` : prefix.length === 7 ? `${prefix}-01` : prefix;
}

/** The last day of the period an ISO prefix names ("2021-02" → 2021-02-28). */
export function lastDayOf(prefix: string): string {
  if (prefix.length === 4) return `${prefix}-12-31`;
  if (prefix.length === 7) {
    const [y, m] = prefix.split("-").map(Number) as [number, number];
    const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${prefix}-${String(day).padStart(2, "0")}`;
  }
  return prefix;
}

/** The ISO prefix of a timeline period: a year stays, "2021-Q3" becomes its last month "2021-09". */
export function periodPrefix(period: string): { first: string; last: string } {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return { first: firstDayOf(period), last: lastDayOf(period) };
  const startMonth = (Number(q[2]) - 1) * 3 + 1;
  return { first: `${q[1]}-${String(startMonth).padStart(2, "0")}-01`, last: lastDayOf(`${q[1]}-${String(startMonth + 2).padStart(2, "0")}`) };
}

/** A moment coverage is counted for: participations not ended before `from`, signed provably by `signedBy` (null: now, date not needed). */
export interface CoverageWindow {
  key: string;
  from: string;
  signedBy: string | null;
}

/** The window of an `asOf` argument (null: now). */
export function windowOf(asOf: string | null, now: Date = new Date()): CoverageWindow {
  if (asOf === null) return { key: "now", from: todayIso(now), signedBy: null };
  return { key: asOf, from: firstDayOf(asOf), signedBy: lastDayOf(asOf) };
}

/** Counts of one state, or of one district of a state, for one window. */
export interface CoverageCounts {
  municipalitiesTakingPart: number;
  municipalities: number;
  populationTakingPart: number;
  population: number;
}

/** One window's counts: per state with its districts, and participating municipalities the register lacks. */
export interface CoverageAnswer {
  states: Map<StateCode, CoverageCounts & { outsideRegister: number; districts: Map<string, CoverageCounts> }>;
}

interface RawCoverageRow {
  kind: string;
  window_key: string;
  state: string;
  district_key: string | null;
  municipalities: number | string;
  population: number | string | null;
  covered: number | string;
  covered_population: number | string | null;
}

/** A participation as coverage needs it: municipality, last day it was provably signed by, day it ended ("" = ended, day unknown). */
type Tuple = [string, string | null, string | null];

function tuplesOf(rows: readonly ContractCoverageRow[]): Tuple[] {
  const out: Tuple[] = [];
  for (const r of rows) {
    if (r.status === ParticipationStatus.ANNOUNCED) continue;
    // An ended participation with no known end is given the empty day: before every window.
    const ended = r.endedOn ?? (r.status === ParticipationStatus.ENDED ? "" : null);
    out.push([r.municipalityId, r.signedOn === null ? null : lastDayOf(r.signedOn), ended]);
  }
  return out;
}

/** A JSON array bound as one parameter and read as a table: no limit on the number of bound values. */
function jsonTable(dataSource: DataSource, parameter: string, columns: string[]): string {
  if (dataSource.options.type === "postgres") {
    return `SELECT ${columns.map((c, i) => `j.v->>${i} AS ${c}`).join(", ")} FROM json_array_elements(CAST(:${parameter} AS json)) AS j(v)`;
  }
  return `SELECT ${columns.map((c, i) => `json_extract(j.value, '$[${i}]') AS ${c}`).join(", ")} FROM json_each(:${parameter}) AS j`;
}

/**
 * Counts coverage for several windows and states in ONE SQL statement over the gazetteer:
 * register municipalities (those with a population) per state and district, and how many of
 * them, and how many of their inhabitants, have a participation inside each window; plus, per
 * state, participating municipalities the register does not hold (never counted as covered).
 */
export async function countCoverage(
  dataSource: DataSource,
  states: readonly StateCode[],
  rows: readonly ContractCoverageRow[],
  windows: readonly CoverageWindow[],
): Promise<Map<string, CoverageAnswer>> {
  const answers = new Map<string, CoverageAnswer>(windows.map((w) => [w.key, { states: new Map() }]));
  if (states.length === 0 || windows.length === 0) return answers;
  const sql = `
    WITH p AS (${jsonTable(dataSource, "participations", ["m", "s", "x"])}),
         w AS (${jsonTable(dataSource, "windows", ["k", "b", "e"])}),
         c AS (
           SELECT DISTINCT w.k AS k, p.m AS m FROM w JOIN p
             ON (p.x IS NULL OR p.x >= w.b)
            AND ((p.s IS NULL AND w.e IS NULL) OR p.s <= COALESCE(w.e, w.b))
         )
    SELECT 'R' AS kind, w.k AS window_key, g.state AS state, g.district_key AS district_key,
           COUNT(*) AS municipalities, SUM(g.population) AS population,
           COUNT(c.m) AS covered, SUM(CASE WHEN c.m IS NULL THEN 0 ELSE g.population END) AS covered_population
      FROM gazetteer_municipality g CROSS JOIN w
      LEFT JOIN c ON c.k = w.k AND c.m = g.id
     WHERE g.population IS NOT NULL AND g.state IN (:...states)
     GROUP BY w.k, g.state, g.district_key
    UNION ALL
    SELECT 'X', c.k, substr(c.m, 1, 2), NULL, 0, 0, COUNT(*), 0
      FROM c LEFT JOIN gazetteer_municipality g ON g.id = c.m AND g.population IS NOT NULL
     WHERE g.id IS NULL AND substr(c.m, 1, 2) IN (:...states)
     GROUP BY c.k, substr(c.m, 1, 2)`;
  const [query, parameters] = dataSource.driver.escapeQueryWithParameters(
    sql,
    {
      states: [...states],
      participations: JSON.stringify(tuplesOf(rows)),
      windows: JSON.stringify(windows.map((w) => [w.key, w.from, w.signedBy])),
    },
  );
  const raw = (await dataSource.query(query, parameters)) as RawCoverageRow[];
  const empty = (): CoverageCounts => ({ municipalitiesTakingPart: 0, municipalities: 0, populationTakingPart: 0, population: 0 });
  for (const r of raw) {
    const answer = answers.get(r.window_key);
    if (!answer) continue;
    const code = r.state as StateCode;
    const state = answer.states.get(code) ?? { ...empty(), outsideRegister: 0, districts: new Map<string, CoverageCounts>() };
    answer.states.set(code, state);
    if (r.kind === "X") {
      state.outsideRegister += Number(r.covered);
      continue;
    }
    const counts: CoverageCounts = {
      municipalitiesTakingPart: Number(r.covered),
      municipalities: Number(r.municipalities),
      populationTakingPart: Number(r.covered_population ?? 0),
      population: Number(r.population ?? 0),
    };
    if (r.district_key !== null) state.districts.set(r.district_key, counts);
    state.municipalitiesTakingPart += counts.municipalitiesTakingPart;
    state.municipalities += counts.municipalities;
    state.populationTakingPart += counts.populationTakingPart;
    state.population += counts.population;
  }
  return answers;
}

/**
 * The coverage of one comparison: the states' dates are fetched once, when a coverage field is
 * first asked for (one contract call per state), and every window asked in the same tick is
 * counted in one SQL statement.
 */
export class CoverageSource {
  private rows: Promise<{ states: StateCode[]; rows: ContractCoverageRow[] }> | undefined;
  private readonly loader: DataLoader<string, CoverageAnswer>;
  private readonly windows = new Map<string, CoverageWindow>();

  constructor(
    private readonly deps: {
      dataSource: DataSource;
      contracts: StateContracts;
      /** The states that answered the comparison, with the contract filter each was asked. */
      states: ReadonlyArray<{ state: StateSubgraph; filter: ContractFilter }>;
    },
  ) {
    this.loader = new DataLoader(async (keys) => {
      const { states, rows } = await this.fetchRows();
      const answers = await countCoverage(this.deps.dataSource, states, rows, keys.map((k) => this.windows.get(k)!));
      return keys.map((k) => answers.get(k)!);
    });
  }

  private fetchRows(): Promise<{ states: StateCode[]; rows: ContractCoverageRow[] }> {
    this.rows ??= (async () => {
      const settled = await Promise.allSettled(this.deps.states.map(({ state, filter }) => this.deps.contracts.call(state, contract.coverage(filter))));
      const states: StateCode[] = [];
      const rows: ContractCoverageRow[] = [];
      // A state that fails here is recorded as unavailable by the contract client and left out.
      settled.forEach((s, i) => {
        if (s.status !== "fulfilled") return;
        states.push(this.deps.states[i]!.state.code);
        rows.push(...s.value);
      });
      return { states, rows };
    })();
    return this.rows;
  }

  /** Coverage in one window; `null` for a state that did not answer. */
  async in(window: CoverageWindow): Promise<CoverageAnswer> {
    this.windows.set(window.key, window);
    return this.loader.load(window.key);
  }
}

const sources = new WeakMap<object, CoverageSource>();

/** Ties a coverage source to a comparison (and its per-state rows) without a field in the schema. */
export function attachCoverage(owner: object, source: CoverageSource): void {
  sources.set(owner, source);
}

/** The coverage source of a comparison object. */
export function coverageOf(owner: object): CoverageSource | undefined {
  return sources.get(owner);
}
