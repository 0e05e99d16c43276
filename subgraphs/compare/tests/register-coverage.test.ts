import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, STATE_SUBGRAPHS, StateCode, type BaseContext, type RawParticipation, type StateSubgraph, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";
import { createSachsenSubgraph } from "@laenderhub/subgraph-sachsen";
import { createSachsenAnhaltSubgraph } from "@laenderhub/subgraph-sachsen-anhalt";
import type { CompareContext } from "../src/index.js";
import { createTestCompare, run } from "./support/service.js";

/*
 * The whole municipal register in the gazetteer, and coverage counted against it, checked
 * against what this test computes by hand from the register's CSV (read with csv-parse, not
 * with the code under test) and the participations of shared/data.
 */

interface RegisterRow { ags: string; name: string; district_key: string; population: string; area_km2: string }
const register: RegisterRow[] = parse(readFileSync(new URL("../../../shared/data/register/gemeinden-sl-sn-st.csv", import.meta.url), "utf8"), { columns: true });
const byAgs = new Map(register.map((r) => [r.ags, r]));
const data = loadDataset();
const PREFIX: Record<StateCode, string> = { SL: "10", SN: "14", ST: "15" };
/** The two keys the dataset leaves null, as the register's README gives them. */
const KEY_FROM_README: Record<string, string> = { "SN-M-SCHNEEBERG": "14521530", "SN-M-KRAUSCHWITZ": "14626250" };
const agsOf = (municipalityId: string) => data.municipalities.find((m) => m.id === municipalityId)?.ags ?? KEY_FROM_README[municipalityId] ?? null;

/** The year a record was signed in, where the sources give one (the day, or a month named in the note). */
function signedYear(p: RawParticipation): number | null {
  if (p.signed_date) return Number(p.signed_date.slice(0, 4));
  if (p.signed_date_precision !== "month") return null;
  const year = /\b(\d{4})\b/.exec(p.signed_date_note ?? "")?.[1];
  return year ? Number(year) : null;
}

/** Coverage by hand: register municipalities of the state with one of the given participations. */
function expected(state: StateCode, participations: RawParticipation[]) {
  const all = register.filter((r) => r.ags.startsWith(PREFIX[state]));
  const keys = new Set(participations.filter((p) => p.state === state).map((p) => agsOf(p.municipality_id)).filter((k): k is string => k !== null && byAgs.has(k)));
  const taking = all.filter((r) => keys.has(r.ags));
  const sum = (rows: RegisterRow[]) => rows.reduce((s, r) => s + Number(r.population), 0);
  return { municipalitiesTakingPart: taking.length, municipalities: all.length, populationTakingPart: sum(taking), population: sum(all) };
}

const FIGURES = "municipalitiesTakingPart municipalities populationTakingPart population shareOfMunicipalities shareOfPopulation";

describe("the municipal register in the gazetteer, and coverage against it", () => {
  const services: SubgraphService<BaseContext>[] = [];
  let compare: SubgraphService<CompareContext>;
  let counter: Awaited<ReturnType<typeof createTestCompare>>["counter"];

  beforeAll(async () => {
    const registry: StateSubgraph[] = [];
    for (const [code, create] of [
      [StateCode.SL, () => createSaarlandSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.SN, () => createSachsenSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.ST, () => createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" })],
    ] as const) {
      const service = (await create()) as SubgraphService<BaseContext>;
      services.push(service);
      const http = await service.listen(0);
      const { defaultPort: _port, ...entry } = STATE_SUBGRAPHS.find((s) => s.code === code)!;
      registry.push({ ...entry, url: http.url });
    }
    ({ service: compare, counter } = await createTestCompare(registry));
  });
  afterAll(async () => {
    await compare?.close();
    await Promise.all(services.map((s) => s.close()));
  });

  it("holds the register's 688 municipalities of SL, SN and ST, the dataset's ids kept", async () => {
    const res: any = await run(compare, `{ all: municipalities(first: 1) { totalCount } sl: municipalities(filter: { states: [SL] }, first: 1) { totalCount }
      sn: municipalities(filter: { states: [SN] }, first: 1) { totalCount } st: municipalities(filter: { states: [ST] }, first: 1) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(register).toHaveLength(688);
    expect([res.data.all, res.data.sl, res.data.sn, res.data.st].map((c: any) => c.totalCount)).toEqual([
      688,
      register.filter((r) => r.ags.startsWith("10")).length,
      register.filter((r) => r.ags.startsWith("14")).length,
      register.filter((r) => r.ags.startsWith("15")).length,
    ]);
    for (const m of data.municipalities) {
      const got: any = await run(compare, `query($id: ID!) { municipality(id: $id) { id ags population } }`, { id: m.id });
      expect(got.data.municipality).toMatchObject({ id: m.id, ags: agsOf(m.id), population: Number(byAgs.get(agsOf(m.id)!)!.population) });
    }
  });

  it("answers for Dresden, which no programme record names, with the register's figures, credit and no participations", async () => {
    const res: any = await run(compare, `{ municipality(ags: "14612000") { id name officialName type ags agsStatus origin population populationReferenceOn areaKm2
      district { key } state { code } sources { url publisher } agsSources { publisher } participations { __typename } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.municipality).toMatchObject({
      id: "SN-M-14612000", name: "Dresden", officialName: "Dresden, Stadt", type: "Stadt", ags: "14612000", agsStatus: "CONFIRMED", origin: "REGISTER",
      population: Number(byAgs.get("14612000")!.population), populationReferenceOn: "2024-12-31", areaKm2: Number(byAgs.get("14612000")!.area_km2),
      district: { key: "14612" }, state: { code: "SN" }, participations: [],
    });
    expect(res.data.municipality.sources[0].publisher).toContain("© Statistisches Bundesamt (Destatis), 2025");
  });

  it("gives Schneeberg and Krauschwitz their keys from the register, cited, under their old ids", async () => {
    const res: any = await run(compare, `{ a: municipality(ags: "14521530") { id ags agsStatus agsNote agsSources { publisher } district { key } }
      b: municipality(ags: "14626250") { id ags agsStatus district { key } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a).toMatchObject({ id: "SN-M-SCHNEEBERG", ags: "14521530", agsStatus: "CONFIRMED", district: { key: "14521" } });
    expect(res.data.a.agsNote).toMatch(/municipal register \(Destatis GV100AD/);
    expect(res.data.a.agsSources[0].publisher).toContain("Destatis");
    expect(res.data.b).toMatchObject({ id: "SN-M-KRAUSCHWITZ", ags: "14626250", agsStatus: "CONFIRMED", district: { key: "14626" } });
  });

  it("filters municipalities by participation, key status, population and name, with cursor paging", async () => {
    const taking = new Set(data.participations.filter((p) => p.state === "SN").map((p) => p.municipality_id));
    const q = `query($f: MunicipalityFilterInput, $after: String) { municipalities(filter: $f, first: 100, after: $after) { totalCount edges { node { id population } } pageInfo { hasNextPage endCursor } } }`;
    const yes: any = await run(compare, q, { f: { states: ["SN"], participating: true } });
    expect(yes.errors).toBeUndefined();
    expect(new Set(yes.data.municipalities.edges.map((e: any) => e.node.id))).toEqual(taking);
    const no: any = await run(compare, q, { f: { states: ["SN"], participating: false } });
    expect(no.data.municipalities.totalCount).toBe(register.filter((r) => r.ags.startsWith("14")).length - taking.size);

    const big = register.filter((r) => Number(r.population) >= 50_000 && Number(r.population) <= 300_000).map((r) => r.ags).sort();
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: any = await run(compare, `query($after: String) { municipalities(filter: { minPopulation: 50000, maxPopulation: 300000 }, first: 2, after: $after) {
        totalCount edges { node { ags } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.data.municipalities.totalCount).toBe(big.length);
      ids.push(...res.data.municipalities.edges.map((e: any) => e.node.ags));
      if (!res.data.municipalities.pageInfo.hasNextPage) break;
      after = res.data.municipalities.pageInfo.endCursor;
    }
    expect(ids.sort()).toEqual(big);

    const unconfirmed: any = await run(compare, q, { f: { agsStatus: "UNCONFIRMED" } });
    expect(unconfirmed.data.municipalities.totalCount).toBe(0);
    const named: any = await run(compare, `{ municipalities(filter: { search: "dresd" }) { edges { node { ags } } } }`);
    expect(named.data.municipalities.edges.map((e: any) => e.node.ags)).toEqual(["14612000"]);
  });

  it("gives each state's share of municipalities and inhabitants taking part, equal to the hand count, and per district", async () => {
    const res: any = await run(compare, `{ comparison { unavailableStates { state } states { state coverage { asOf ${FIGURES} municipalitiesOutsideRegister
      populationReferenceOn sources { publisher } districts { district { key } ${FIGURES} } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.comparison.unavailableStates).toEqual([]);
    for (const code of [StateCode.SL, StateCode.SN, StateCode.ST]) {
      const got = res.data.comparison.states.find((s: any) => s.state === code).coverage;
      const want = expected(code, data.participations);
      expect(got).toMatchObject({ ...want, asOf: null, municipalitiesOutsideRegister: 0, populationReferenceOn: "2024-12-31" });
      expect(got.shareOfMunicipalities).toBeCloseTo(want.municipalitiesTakingPart / want.municipalities, 12);
      expect(got.shareOfPopulation).toBeCloseTo(want.populationTakingPart / want.population, 12);
      expect(got.sources[0].publisher).toContain("Destatis");
      // The districts add up to the state, and each is the hand count over its own municipalities.
      expect(got.districts.reduce((s: number, d: any) => s + d.municipalities, 0)).toBe(want.municipalities);
      for (const d of got.districts) {
        const inDistrict = register.filter((r) => r.district_key === d.district.key);
        expect(d.municipalities).toBe(inDistrict.length);
        expect(d.population).toBe(inDistrict.reduce((s, r) => s + Number(r.population), 0));
      }
      expect(got.districts.reduce((s: number, d: any) => s + d.populationTakingPart, 0)).toBe(want.populationTakingPart);
    }
  });

  it("counts as of a date and year by year only what was provably signed by then", async () => {
    const res: any = await run(compare, `{ comparison { states { state coverage(asOf: "2019") { asOf municipalitiesTakingPart populationTakingPart } }
      timeline { period } coverageTimeline { period state countedOn municipalitiesTakingPart populationTakingPart } } }`);
    expect(res.errors).toBeUndefined();
    for (const code of [StateCode.SL, StateCode.SN, StateCode.ST]) {
      const by2019 = expected(code, data.participations.filter((p) => (signedYear(p) ?? Infinity) <= 2019));
      expect(res.data.comparison.states.find((s: any) => s.state === code).coverage).toMatchObject({
        asOf: "2019", municipalitiesTakingPart: by2019.municipalitiesTakingPart, populationTakingPart: by2019.populationTakingPart,
      });
      const points = res.data.comparison.coverageTimeline.filter((p: any) => p.state === code);
      expect(points.map((p: any) => p.period)).toEqual([...new Set(res.data.comparison.timeline.map((t: any) => t.period))]);
      for (const point of points) {
        const want = expected(code, data.participations.filter((p) => (signedYear(p) ?? Infinity) <= Number(point.period)));
        expect(point).toMatchObject({ countedOn: `${point.period}-12-31`, municipalitiesTakingPart: want.municipalitiesTakingPart, populationTakingPart: want.populationTakingPart });
      }
      // Coverage only grows when nothing has ended.
      const counts = points.map((p: any) => p.municipalitiesTakingPart);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => a - b));
    }
  });

  it("applies the comparison's filter: one instrument counts only the municipalities with that instrument", async () => {
    const res: any = await run(compare, `{ all: comparison { states { state coverage { municipalitiesTakingPart populationTakingPart } districtCoverage { districtsCovered } } }
      one: comparison(filter: { instruments: [COOPERATION_AGREEMENT] }) { states { state coverage { municipalitiesTakingPart populationTakingPart } districtCoverage { districtsCovered } } }
      model: comparison(filter: { instruments: [MODEL_MUNICIPALITY] }) { states { state districtCoverage { districtsCovered } } } }`);
    expect(res.errors).toBeUndefined();
    const sn = (which: string) => res.data[which].states.find((s: any) => s.state === "SN").coverage;
    const want = expected(StateCode.SN, data.participations.filter((p) => p.instrument === "COOPERATION_AGREEMENT"));
    expect(sn("one")).toMatchObject({ municipalitiesTakingPart: want.municipalitiesTakingPart, populationTakingPart: want.populationTakingPart });
    expect(sn("one").municipalitiesTakingPart).toBeLessThan(sn("all").municipalitiesTakingPart);
    // The district-level figures follow the filter too.
    const districts = (which: string) => res.data[which].states.find((s: any) => s.state === "SN").districtCoverage.districtsCovered;
    expect(districts("model")).toBeLessThan(districts("all"));
  });

  it("counts any number of dates and periods in one SQL statement per tick", async () => {
    const statements = async (query: string) => {
      counter.start();
      const res: any = await run(compare, query);
      expect(res.errors).toBeUndefined();
      return counter.stop();
    };
    const one = await statements(`{ comparison { states { coverage(asOf: "2019") { municipalitiesTakingPart } } } }`);
    const many = await statements(`{ comparison { states { a: coverage(asOf: "2019") { municipalitiesTakingPart } b: coverage(asOf: "2021-06") { municipalitiesTakingPart }
      c: coverage { municipalitiesTakingPart districts { municipalitiesTakingPart } } } } }`);
    const timeline = await statements(`{ comparison(period: QUARTER) { states { coverage(asOf: "2019") { municipalitiesTakingPart } } coverageTimeline { period } } }`);
    expect(many).toBe(one);
    // The timeline's periods are counted in the same statement as the dates asked beside them.
    expect(timeline).toBe(one);
  });

  it("rejects a malformed date", async () => {
    const res: any = await run(compare, `{ comparison { states { coverage(asOf: "2019-13") { municipalities } } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
