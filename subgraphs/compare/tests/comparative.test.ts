import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, sortableName, StateCode, type RawParticipation, type SubgraphService } from "@laenderhub/shared";
import { Municipality, normalisePersonName, printCompareSchema, type CompareContext } from "../src/index.js";
import { fakeRows, signedIsoOf, startFakeState, type FakeState } from "./support/fake-state.js";
import { createTestCompare, run } from "./support/service.js";

const require = createRequire(import.meta.url);
const PACKAGE_DISTRICTS = require("landkreise-deutschland/data/districts.json") as { AGS: string | number; name: string; population: number }[];
const districtPopulation = (key: string) => PACKAGE_DISTRICTS.find((d) => String(d.AGS).padStart(5, "0") === key)!.population;
const data = loadDataset();
const STATES = [StateCode.SL, StateCode.SN, StateCode.ST];

/** The district key of a dataset municipality, computed here from its AGS or its exact district name. */
function districtKeyOf(municipalityId: string): string | null {
  const m = data.municipalities.find((x) => x.id === municipalityId)!;
  if (m.ags) return m.ags.slice(0, 5);
  const byName: Record<string, string> = { Erzgebirgskreis: "14521", "Landkreis Görlitz": "14626" };
  return m.landkreis ? (byName[m.landkreis] ?? null) : null;
}

/** The order the contract defines, written out independently: by key, then id; unknown dates last. */
function expectedOrder(rows: RawParticipation[], order: string, direction: "ASC" | "DESC"): string[] {
  const key = (p: RawParticipation) => {
    const signed = signedIsoOf(p) ?? (direction === "ASC" ? "~" : "");
    return order === "SIGNED_ON" ? signed : order === "STATE" ? `${p.state}|${signed}` : sortableName(p.municipality_name);
  };
  const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1));
  return (direction === "ASC" ? sorted : sorted.reverse()).map((p) => p.id);
}

const PAGE = /* GraphQL */ `
  query ($filter: ParticipationFilterInput, $orderBy: ParticipationOrder, $direction: SortDirection, $first: Int, $after: String) {
    participations(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
      totalCount
      unavailableStates { state reason }
      pageInfo { hasNextPage endCursor }
      edges { cursor node { __typename id state instrument signedOn { iso precision } municipality { id name ags district { key } } sources { url } } }
    }
  }
`;

async function pageThrough(service: SubgraphService<CompareContext>, variables: Record<string, unknown>, first: number) {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (let guard = 0; guard < 100; guard++) {
    const res: any = await run(service, PAGE, { ...variables, first, after });
    expect(res.errors).toBeUndefined();
    const c = res.data.participations;
    totalCount = c.totalCount;
    ids.push(...c.edges.map((e: any) => e.node.id));
    expect(c.edges.length).toBeLessThanOrEqual(first);
    if (!c.pageInfo.hasNextPage) break;
    after = c.pageInfo.endCursor;
  }
  return { ids, totalCount };
}

describe("comparative API over three fake state subgraphs", () => {
  let states: FakeState[];
  let service: SubgraphService<CompareContext>;
  let counter: Awaited<ReturnType<typeof createTestCompare>>["counter"];
  const callsOf = (code: StateCode) => states.find((s) => s.entry.code === code)!.calls;
  const resetCalls = () => states.forEach((s) => { s.calls.length = 0; s.requests = 0; });

  beforeAll(async () => {
    states = await Promise.all(STATES.map((code) => startFakeState(code)));
    ({ service, counter } = await createTestCompare(states.map((s) => s.entry)));
  });
  afterAll(async () => {
    await service?.close();
    await Promise.all((states ?? []).map((s) => s.stop()));
  });

  it("merges the states' pages in every order, without gaps or duplicates, pushing the page size down", async () => {
    for (const orderBy of ["SIGNED_ON", "STATE", "MUNICIPALITY_NAME"]) {
      for (const direction of ["ASC", "DESC"] as const) {
        resetCalls();
        const { ids, totalCount } = await pageThrough(service, { orderBy, direction }, 7);
        expect(totalCount).toBe(data.participations.length);
        expect(ids, `${orderBy} ${direction}`).toEqual(expectedOrder(data.participations, orderBy, direction));
        // Each state was asked for one row more than a page, never for its whole table.
        for (const s of states) for (const c of s.calls) expect(c.args.first).toBe(8);
      }
    }
  });

  it("returns each state's concrete type with the gazetteer's municipality, in a bounded number of SQL statements", async () => {
    const statementsFor = async (first: number) => {
      counter.start();
      const res: any = await run(service, PAGE, { first });
      const n = counter.stop();
      expect(res.errors).toBeUndefined();
      expect(res.data.participations.edges.length).toBe(first);
      return { n, res };
    };
    const small = await statementsFor(3);
    const large = await statementsFor(60);
    expect(large.n).toBe(small.n);
    expect(large.n).toBeLessThanOrEqual(1);
    const typenames = new Set(large.res.data.participations.edges.map((e: any) => `${e.node.state}:${e.node.__typename}`));
    expect(typenames).toEqual(new Set(["SL:SaarlandSecurityPartnership", "SN:AsskommMembership", "ST:SachsenAnhaltLocalPartnership"]));
    const sl1 = await run(service, PAGE, { filter: { municipalityIds: ["SL-M-10043114"] } });
    const node = sl1.data!.participations.edges[0].node;
    expect(node).toMatchObject({ id: "SL-P-01", signedOn: { iso: "2017-01", precision: "MONTH" }, municipality: { id: "SL-M-10043114", ags: "10043114", district: { key: "10043" } } });
    for (const e of large.res.data.participations.edges) expect(e.node.sources.length).toBeGreaterThan(0);
  });

  it("filters by instrument, dates, states, fields of action and municipalities, pushed down to the states", async () => {
    const cases: { filter: Record<string, unknown>; expected: (p: RawParticipation) => boolean }[] = [
      { filter: { instruments: ["LETTER_OF_INTENT", "TARGET_AGREEMENT"] }, expected: (p) => ["LETTER_OF_INTENT", "TARGET_AGREEMENT"].includes(p.instrument) },
      { filter: { signedFrom: "2021", signedTo: "2021-06" }, expected: (p) => { const d = signedIsoOf(p); return d !== null && d.slice(0, 4) >= "2021" && d.slice(0, 7) <= "2021-06"; } },
      { filter: { states: ["SN", "ST"], signedFrom: "2023-04-05" }, expected: (p) => p.state !== "SL" && (signedIsoOf(p) ?? "") >= "2023-04-05" && signedIsoOf(p)!.length === 10 },
      { filter: { municipalityIds: ["SN-M-14521550", "ST-M-15002000"] }, expected: (p) => ["SN-M-14521550", "ST-M-15002000"].includes(p.municipality_id) },
    ];
    for (const c of cases) {
      const { ids, totalCount } = await pageThrough(service, { filter: c.filter }, 5);
      const expected = data.participations.filter(c.expected);
      expect(expected.length, JSON.stringify(c.filter)).toBeGreaterThan(0);
      expect(totalCount, JSON.stringify(c.filter)).toBe(expected.length);
      expect([...ids].sort()).toEqual(expected.map((p) => p.id).sort());
    }
    // Only the states that own the municipalities asked for are called, with their own ids.
    resetCalls();
    await run(service, PAGE, { filter: { municipalityIds: ["SN-M-14521550"] } });
    expect(callsOf(StateCode.SL)).toEqual([]);
    expect(callsOf(StateCode.ST)).toEqual([]);
    expect(callsOf(StateCode.SN)[0]!.args.filter.municipalityIds).toEqual(["SN-M-14521550"]);
  });

  it("turns district and population filters into municipality ids from the gazetteer", async () => {
    resetCalls();
    const goerlitz = await pageThrough(service, { filter: { districtKeys: ["14626"] } }, 50);
    const expected = data.participations.filter((p) => districtKeyOf(p.municipality_id) === "14626").map((p) => p.id).sort();
    expect(expected).toContain("SN-P-017"); // Krauschwitz: no AGS, district by its exact name
    expect([...goerlitz.ids].sort()).toEqual(expected);
    expect(callsOf(StateCode.SL)).toEqual([]);

    const big = await pageThrough(service, { filter: { minDistrictPopulation: 300_000 } }, 50);
    const bigExpected = data.participations.filter((p) => {
      const key = districtKeyOf(p.municipality_id);
      return key !== null && districtPopulation(key) >= 300_000;
    });
    expect(bigExpected.length).toBeGreaterThan(0);
    expect([...big.ids].sort()).toEqual(bigExpected.map((p) => p.id).sort());

    const none = await run(service, PAGE, { filter: { districtKeys: ["10043"], states: ["SN"] } });
    expect(none.data!.participations).toMatchObject({ totalCount: 0, edges: [], unavailableStates: [] });
  });

  it("rejects bad input with BAD_USER_INPUT and the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { signedFrom: "2021-13" } }, "filter.signedFrom"],
      [{ filter: { signedTo: "2021-02-30" } }, "filter.signedTo"],
      [{ filter: { districtKeys: ["1462"] } }, "filter.districtKeys"],
      [{ first: 0 }, "first"],
      [{ first: 201 }, "first"],
      [{ after: "not-a-cursor" }, "after"],
    ];
    for (const [variables, field] of cases) {
      const res = await run(service, PAGE, variables);
      expect(res.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const page = await run(service, PAGE, { orderBy: "SIGNED_ON", first: 2 });
    const cursor = page.data!.participations.pageInfo.endCursor;
    const otherOrder = await run(service, PAGE, { orderBy: "STATE", first: 2, after: cursor });
    expect(otherOrder.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const otherDirection = await run(service, PAGE, { orderBy: "SIGNED_ON", direction: "DESC", first: 2, after: cursor });
    expect(otherDirection.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const badEnum = await run(service, `{ participations(filter: { states: [XX] }) { totalCount } }`);
    expect(badEnum.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("compares the states with figures computed from the data files, in one HTTP request per state", async () => {
    resetCalls();
    const res: any = await run(service, `{
      comparison(period: YEAR) {
        period unavailableStates { state }
        states { state participations municipalities undatedParticipations yearOnlyParticipations firstSignedOn latestSignedOn
          districtCoverage { districtsCovered districtsInState shareOfDistricts populationOfCoveredDistricts statePopulation shareOfPopulation municipalitiesWithoutDistrict note districts { key } sources { url } } }
        timeline { period state participations cumulativeParticipations }
        byInstrument { state instrument participations municipalities }
        byFieldOfAction { state fieldOfAction participations }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const c = res.data.comparison;
    expect(c.unavailableStates).toEqual([]);
    for (const s of states) expect(s.requests, s.entry.code).toBe(1);
    for (const code of STATES) {
      const rows = data.participations.filter((p) => p.state === code);
      const got = c.states.find((s: any) => s.state === code);
      const dated = rows.map(signedIsoOf).filter((d): d is string => d !== null).sort();
      const keys = [...new Set(rows.map((p) => districtKeyOf(p.municipality_id)).filter((k): k is string => k !== null))];
      const inState = PACKAGE_DISTRICTS.filter((d) => String(d.AGS).padStart(5, "0").startsWith({ SL: "10", SN: "14", ST: "15" }[code]));
      const statePopulation = inState.reduce((sum, d) => sum + d.population, 0);
      const covered = keys.reduce((sum, k) => sum + districtPopulation(k), 0);
      expect(got).toMatchObject({
        participations: rows.length,
        municipalities: new Set(rows.map((p) => p.municipality_id)).size,
        undatedParticipations: rows.length - dated.length,
        yearOnlyParticipations: 0,
        firstSignedOn: dated[0],
        latestSignedOn: dated[dated.length - 1],
      });
      expect(got.districtCoverage).toMatchObject({
        districtsCovered: keys.length,
        districtsInState: inState.length,
        populationOfCoveredDistricts: covered,
        statePopulation,
        municipalitiesWithoutDistrict: 0,
      });
      expect(got.districtCoverage.shareOfPopulation).toBeCloseTo(covered / statePopulation, 3);
      expect(got.districtCoverage.note).toMatch(/district/i);
      // Per-year counts and running totals.
      const years = c.timeline.filter((t: any) => t.state === code);
      let cumulative = 0;
      for (const t of years) {
        const n = dated.filter((d) => d.startsWith(t.period)).length;
        cumulative += n;
        expect(t, `${code} ${t.period}`).toMatchObject({ participations: n, cumulativeParticipations: cumulative });
      }
      expect(cumulative).toBe(dated.length);
      for (const instrument of new Set(rows.map((p) => p.instrument))) {
        const entry = c.byInstrument.find((b: any) => b.state === code && b.instrument === instrument);
        expect(entry.participations).toBe(rows.filter((p) => p.instrument === instrument).length);
      }
    }
    // The timeline runs without gaps from the first to the last signing year of all states.
    const allYears = data.participations.map(signedIsoOf).filter((d): d is string => d !== null).map((d) => Number(d.slice(0, 4)));
    const periods = [...new Set(c.timeline.map((t: any) => t.period))];
    expect(periods.length).toBe(Math.max(...allYears) - Math.min(...allYears) + 1);
    // Only aggregates travel: the comparison made no participation page calls.
    expect(states.flatMap((s) => s.calls.map((x) => x.field)).every((f) => f === "_comparativeSummary")).toBe(true);
  });

  it("builds a quarterly timeline and compares on a filter", async () => {
    const res: any = await run(service, `{ comparison(period: QUARTER, filter: { states: [SN], instruments: [COOPERATION_AGREEMENT] }) {
      states { state participations undatedParticipations } timeline { period state participations cumulativeParticipations } } }`);
    expect(res.errors).toBeUndefined();
    const rows = data.participations.filter((p) => p.state === "SN" && p.instrument === "COOPERATION_AGREEMENT");
    expect(res.data.comparison.states).toEqual([{ state: "SN", participations: rows.length, undatedParticipations: rows.filter((p) => signedIsoOf(p) === null).length }]);
    const quarter = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
    for (const t of res.data.comparison.timeline) {
      expect(t.participations, t.period).toBe(rows.filter((p) => signedIsoOf(p) && quarter(signedIsoOf(p)!) === t.period).length);
    }
    expect(res.data.comparison.timeline[0].period).toBe(quarter(rows.map(signedIsoOf).filter((d): d is string => !!d).sort()[0]!));
  });

  it("groups people across agreements: a joint agreement counts once", async () => {
    const res: any = await run(service, `{ people(first: 200) { edges { node { name normalisedName agreementsSigned agreementsPresent agreementCount states agreements { agreementId basis signed municipalityIds } } } } }`);
    const withSources: any = await run(service, `{ people(first: 1) { edges { node { agreements { participations { id } sources { url } } } } } }`);
    expect(withSources.errors).toBeUndefined();
    for (const a of withSources.data.people.edges[0].node.agreements) {
      expect(a.sources.length).toBeGreaterThan(0);
      expect(a.participations.length).toBeGreaterThan(0);
    }
    expect(res.errors).toBeUndefined();
    const people = res.data.people.edges.map((e: any) => e.node);
    // Independently: distinct (state, agreement) per normalised name among signatories.
    const signedBy = new Map<string, Set<string>>();
    for (const p of data.participations) {
      for (const s of p.signatories) {
        const key = normalisePersonName(s.name);
        signedBy.set(key, (signedBy.get(key) ?? new Set()).add(`${p.state}/${p.agreement_id}`));
      }
    }
    const ranking = [...signedBy].map(([k, v]) => [k, v.size] as const).sort((a, b) => b[1] - a[1]);
    expect(people[0].agreementsSigned).toBe(ranking[0]![1]);
    expect(people[0].normalisedName).toBe(ranking[0]![0]);
    for (const [key, n] of ranking) expect(people.find((p: any) => p.normalisedName === key)?.agreementsSigned, key).toBe(n);
    for (let i = 1; i < people.length; i++) expect(people[i - 1].agreementsSigned).toBeGreaterThanOrEqual(people[i].agreementsSigned);
    // Titles do not split a person.
    expect(normalisePersonName("Prof. Dr. Roland Wöller")).toBe(normalisePersonName("Roland Wöller"));
    const silberberg = people.flatMap((p: any) => p.agreements).find((a: any) => a.agreementId === "SN-KV-2021-12-17-SILBERBERG");
    expect(silberberg.municipalityIds.length).toBe(5);
    const search = await run(service, `{ people(filter: { search: "forkert" }) { edges { node { name agreementsSigned } } } }`);
    expect(search.data!.people.edges.map((e: any) => e.node).map((p: any) => p.name)).toEqual(["Sven Forkert"]);
  });

  it("sends identical calls once per request and batches a state's calls into one HTTP request", async () => {
    resetCalls();
    const res = await run(service, `{ a: participations(first: 5) { totalCount } b: participations(first: 5) { totalCount } c: programmes { id } d: comparison { states { state } } }`);
    expect(res.errors).toBeUndefined();
    for (const s of states) {
      expect(s.calls.filter((c) => c.field === "_comparativeParticipations").length).toBe(1);
      expect(s.requests).toBeLessThanOrEqual(2);
    }
  });

  it("resolves municipalities' participations and prevention bodies from the owning state, batched", async () => {
    resetCalls();
    const res: any = await run(service, `{ municipalities(filter: { states: [SN] }, first: 200) { edges { node { id participations { id __typename } preventionBodies { name status sources { url } } } } } }`);
    expect(res.errors).toBeUndefined();
    for (const e of res.data.municipalities.edges) {
      const expected = data.participations.filter((p) => p.municipality_id === e.node.id).map((p) => p.id).sort();
      expect(e.node.participations.map((p: any) => p.id).sort(), e.node.id).toEqual(expected);
      // Register municipalities that no record of the data names have neither.
      const bodies = data.municipalities.find((m) => m.id === e.node.id)?.prevention_bodies ?? [];
      expect(e.node.preventionBodies.map((b: any) => b.name)).toEqual(bodies.map((b) => b.name));
    }
    // One batched call per kind, to Sachsen only.
    expect(callsOf(StateCode.SN).filter((c) => c.field === "_comparativeParticipations").length).toBe(1);
    expect(callsOf(StateCode.SN).filter((c) => c.field === "_comparativePreventionBodies").length).toBe(1);
    expect(callsOf(StateCode.SL)).toEqual([]);
    const district: any = await run(service, `{ district(key: "14626") { participations { id } } }`);
    expect(district.data.district.participations.map((p: any) => p.id).sort()).toEqual(data.participations.filter((p) => districtKeyOf(p.municipality_id) === "14626").map((p) => p.id).sort());
  });

  it("does not resolve the concrete participation types by key: the owning state does", async () => {
    const printCompareSchemaSdl = await printCompareSchema();
    // A plan that starts at a state goes on to the gazetteer's Municipality, never to this copy
    // (the gateway's fetch-count test holds the plan to that).
    const res: any = await run(service, `query ($r: [_Any!]!) { _entities(representations: $r) { __typename ... on SaarlandSecurityPartnership { id } } }`, {
      r: [{ __typename: "SaarlandSecurityPartnership", id: "SL-P-10" }],
    });
    // No reference resolver: @apollo/subgraph echoes the representation, and no state is asked.
    expect(res.data._entities).toEqual([{ __typename: "SaarlandSecurityPartnership", id: "SL-P-10" }]);
    expect(callsOf(StateCode.SL)).toEqual([]);
    expect(printCompareSchemaSdl).toMatch(/type SaarlandSecurityPartnership implements Participation @key\(fields: "id", resolvable: false\)/);
  });

  it("merges programmes, events and indicators across states", async () => {
    const res: any = await run(service, `{ programmes { id state sources { url } } events(first: 200, filter: { occursFrom: "2019", statuses: [HELD] }) { edges { node { id occursOn { iso } status sources { url } } } } indicators(first: 200, filter: { indicator: "member_municipalities" }) { edges { node { id state value qualifier referenceOn { iso } } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.programmes.map((p: any) => p.id)).toEqual(["SL-PRG-SIPA", "SN-PRG-ASSKOMM", "ST-PRG-SIPA"]);
    const events = data.events.filter((e) => e.status === "HELD" && e.date !== null && e.date >= "2019");
    expect(res.data.events.edges.map((e: any) => e.node).map((e: any) => e.id).sort()).toEqual(events.map((e) => e.id).sort());
    const dates = res.data.events.edges.map((e: any) => e.node).map((e: any) => e.occursOn.iso);
    expect(dates).toEqual([...dates].sort());
    expect(res.data.indicators.edges.length).toBe(data.indicators.filter((i) => i.indicator === "member_municipalities").length);
    const bad = await run(service, `{ events(filter: { occursFrom: "2019-00" }) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.occursFrom" });
  });
});

describe("gazetteer additions from a state", () => {
  it("asks the owning state for an unknown municipality, stores it with its district, and serves it from then on", async () => {
    const extra = { id: "SN-M-14522999", name: "Neustadt am Test", ags: "14522999", districtName: "Landkreis Mittelsachsen", type: "Gemeinde", sources: [{ url: "https://example.org/neustadt", publisher: "Test", title: null, publishedOn: "2025" }] };
    const sn = await startFakeState(StateCode.SN, { municipalities: [extra] });
    const { service } = await createTestCompare([sn.entry]);
    try {
      const res: any = await run(service, `{ municipality(id: "SN-M-14522999") { id name ags agsStatus origin district { key } sources { url } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.municipality).toMatchObject({ id: extra.id, name: extra.name, ags: extra.ags, agsStatus: "CONFIRMED", origin: "STATE", district: { key: "14522" } });
      expect(await service.dataSource.getRepository(Municipality).findOneBy({ id: extra.id })).not.toBeNull();
      sn.calls.length = 0;
      const byAgs: any = await run(service, `{ municipality(ags: "14522999") { id } }`);
      expect(byAgs.data.municipality.id).toBe(extra.id);
      expect(sn.calls).toEqual([]);
      // An AGS not yet in the gazetteer is tried as <state>-M-<AGS> at the owning state.
      const unknown: any = await run(service, `{ municipality(ags: "14522888") { id } }`);
      expect(unknown.errors).toBeUndefined();
      expect(unknown.data.municipality).toBeNull();
      expect(sn.calls.map((c) => c.args.ids)).toEqual([["SN-M-14522888"]]);
    } finally {
      await service.close();
      await sn.stop();
    }
  });
});

describe("a participation whose municipality nobody knows", () => {
  it("is served, not dropped, with the name the state gives and no key", async () => {
    const rows = fakeRows(StateCode.ST).map((r) => (r.id === "ST-P-06" ? { ...r, municipalityId: "ST-M-NOWHERE", municipalityName: "Nirgendwo" } : r));
    const st = await startFakeState(StateCode.ST, { rows });
    const { service } = await createTestCompare([st.entry]);
    try {
      const res: any = await run(service, `{ participations(filter: { states: [ST] }, first: 50) { totalCount edges { node { id municipality { id name ags agsStatus agsNote sources { url } } } } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data.participations.totalCount).toBe(rows.length);
      const node = res.data.participations.edges.find((e: any) => e.node.id === "ST-P-06").node;
      expect(node.municipality).toMatchObject({ id: "ST-M-NOWHERE", name: "Nirgendwo", ags: null, agsStatus: "UNCONFIRMED" });
      expect(node.municipality.agsNote).toMatch(/not in the gazetteer/i);
      expect(node.municipality.sources.length).toBeGreaterThan(0);
    } finally {
      await service.close();
      await st.stop();
    }
  });
});

describe("comparison of dates known only to the year", () => {
  it("places them in a yearly timeline, counts them apart in a quarterly one, and never drops them", async () => {
    const rows = fakeRows(StateCode.SL).map((r) =>
      r.id === "SL-P-08" ? { ...r, signedOn: { iso: "2020", precision: "YEAR", year: 2020, month: null, day: null, note: "year only" } } : r,
    );
    const sl = await startFakeState(StateCode.SL, { rows });
    const { service } = await createTestCompare([sl.entry]);
    try {
      const query = `query ($p: ComparisonPeriod) { comparison(period: $p) { states { participations undatedParticipations yearOnlyParticipations } timeline { period participations cumulativeParticipations } } }`;
      const yearly: any = await run(service, query, { p: "YEAR" });
      const quarterly: any = await run(service, query, { p: "QUARTER" });
      expect(yearly.errors).toBeUndefined();
      const total = rows.length;
      expect(yearly.data.comparison.states[0]).toEqual({ participations: total, undatedParticipations: 0, yearOnlyParticipations: 1 });
      expect(yearly.data.comparison.timeline.find((t: any) => t.period === "2020").participations).toBe(1);
      expect(yearly.data.comparison.timeline.at(-1).cumulativeParticipations).toBe(total);
      expect(quarterly.data.comparison.states[0].yearOnlyParticipations).toBe(1);
      expect(quarterly.data.comparison.timeline.at(-1).cumulativeParticipations).toBe(total - 1);
      expect(quarterly.data.comparison.timeline.some((t: any) => t.period.startsWith("2020") && t.participations > 0)).toBe(false);
    } finally {
      await service.close();
      await sl.stop();
    }
  });
});
