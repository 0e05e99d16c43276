import { loadDataset, type RawParticipation } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

const KEYS_FROM_REGISTER: Record<string, string> = { "SN-M-SCHNEEBERG": "14521530", "SN-M-KRAUSCHWITZ": "14626250" };

// The researcher's question in one request through the gateway: how many participations each
// state has, per year and since when; who joined which programme in a date range, with each
// state's own fields; and one district's participations. Every expected figure is computed
// here from the cited data files, not copied from an answer.

const dataset = loadDataset();
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The signing as far as the cited record knows it: the ISO date, or year and month from the note. */
function knownSigning(p: RawParticipation): string | null {
  if (p.signed_date) return p.signed_date;
  if (p.signed_date_precision !== "month") return null;
  const m = new RegExp(`(${MONTHS.join("|")}) (\\d{4})`).exec(p.signed_date_note ?? "");
  return m ? `${m[2]}-${String(MONTHS.indexOf(m[1]!) + 1).padStart(2, "0")}` : null;
}

/** The Polizeidirektion among a Saxon agreement's parties, as the record lists them. */
const polizeidirektion = (p: RawParticipation) => p.parties.find((party) => party.startsWith("Polizeidirektion ")) ?? null;

const ONE_REQUEST = /* GraphQL */ `
  query ($from: String!, $to: String!, $district: String!) {
    comparison(period: YEAR) {
      states { state name participations firstSignedOn latestSignedOn }
      timeline { state period participations cumulativeParticipations }
      unavailableStates { state }
    }
    joined: participations(first: 100, orderBy: SIGNED_ON, filter: { signedFrom: $from, signedTo: $to }) {
      totalCount
      edges { node {
        __typename id state programmeId signedOn { iso precision }
        municipality { name ags }
        ... on SaarlandSecurityPartnership { ordinal }
        ... on AsskommMembership { stage polizeidirektion }
        ... on SachsenAnhaltLocalPartnership { policePartner { name kind } }
      } }
      pageInfo { hasNextPage }
      unavailableStates { state }
    }
    district(key: $district) {
      name
      participations { __typename id state municipality { name } }
    }
  }
`;

describe("comparing the states in one request", () => {
  let federation: RunningFederation;
  let answer: any;

  beforeAll(async () => {
    federation = await startFederation();
    const body = await federation.post(ONE_REQUEST, { from: "2020", to: "2023", district: "14521" });
    expect(body.errors).toBeUndefined();
    answer = body.data;
  });

  afterAll(async () => {
    await federation?.close();
  });

  it("counts each state's participations, since when and until when", () => {
    const expected = new Map<string, { participations: number; first: string | null; latest: string | null }>();
    for (const p of dataset.participations) {
      const e = expected.get(p.state) ?? { participations: 0, first: null, latest: null };
      e.participations += 1;
      const known = knownSigning(p);
      if (known && (e.first === null || known < e.first)) e.first = known;
      if (known && (e.latest === null || known > e.latest)) e.latest = known;
      expected.set(p.state, e);
    }
    expect(answer.comparison.unavailableStates).toEqual([]);
    expect(answer.comparison.states.map((s: any) => s.state).sort()).toEqual([...expected.keys()].sort());
    for (const s of answer.comparison.states) {
      const e = expected.get(s.state)!;
      expect({ state: s.state, participations: s.participations, first: s.firstSignedOn, latest: s.latestSignedOn }).toEqual({
        state: s.state,
        participations: e.participations,
        first: e.first,
        latest: e.latest,
      });
    }
  });

  it("counts them per year, with running totals over every year from the first signing to the last", () => {
    const yearOf = (p: RawParticipation) => knownSigning(p)?.slice(0, 4) ?? null;
    const allYears = dataset.participations.map(yearOf).filter((y): y is string => y !== null).map(Number);
    // One span for all states, so their series line up side by side in a chart.
    const first = Math.min(...allYears);
    const last = Math.max(...allYears);
    for (const state of ["SL", "SN", "ST"]) {
      const years = dataset.participations.filter((p) => p.state === state).map(yearOf).filter((y): y is string => y !== null);
      const points = answer.comparison.timeline.filter((t: any) => t.state === state);
      // Every year in the span, gaps filled with zero, so a missing year cannot pass unnoticed.
      expect(points.map((t: any) => t.period)).toEqual(Array.from({ length: last - first + 1 }, (_, i) => String(first + i)));
      let running = 0;
      for (const point of points) {
        const inYear = years.filter((y) => y === point.period).length;
        running += inYear;
        expect({ period: point.period, participations: point.participations, cumulative: point.cumulativeParticipations }).toEqual({
          period: point.period,
          participations: inYear,
          cumulative: running,
        });
      }
      expect(running).toBe(years.length);
    }
  });

  it("lists who joined in 2020-2023 across the states, in date order, with each state's own fields", () => {
    const inRange = dataset.participations.filter((p) => {
      const known = knownSigning(p);
      return known !== null && known.slice(0, 4) >= "2020" && known.slice(0, 4) <= "2023";
    });
    const { joined } = answer;
    expect(joined.unavailableStates).toEqual([]);
    expect(joined.pageInfo.hasNextPage).toBe(false);
    expect(joined.totalCount).toBe(inRange.length);
    expect(new Set(inRange.map((p) => p.state))).toEqual(new Set(["SL", "SN", "ST"]));
    const nodes = joined.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id).sort()).toEqual(inRange.map((p) => p.id).sort());
    const isos = nodes.map((n: any) => n.signedOn.iso);
    expect([...isos].sort()).toEqual(isos);

    for (const node of nodes) {
      const record = inRange.find((p) => p.id === node.id)!;
      expect(node.state).toBe(record.state);
      expect(node.programmeId).toBe(record.programme_id);
      expect(node.municipality.name).toBe(record.municipality_name);
      // The two towns without a confirmed key in the data get theirs from the municipal
      // register (shared/data/register/README.md names both).
      expect(node.municipality.ags).toBe(record.ags ?? KEYS_FROM_REGISTER[record.municipality_id]);
      if (record.state === "SL") {
        expect(node.__typename).toBe("SaarlandSecurityPartnership");
        expect(node.ordinal).toBe(record.ordinal);
      } else if (record.state === "SN") {
        expect(node.__typename).toBe("AsskommMembership");
        expect(node.polizeidirektion).toBe(polizeidirektion(record));
      } else {
        expect(node.__typename).toBe("SachsenAnhaltLocalPartnership");
        const police = record.parties.find((party) => party.startsWith("Polizei"));
        expect(node.policePartner?.name ?? null).toBe(police ?? null);
      }
    }
    // The state-specific fields really came from the owning subgraphs: some are set in each.
    expect(nodes.some((n: any) => n.__typename === "SaarlandSecurityPartnership" && n.ordinal !== null)).toBe(true);
    expect(nodes.some((n: any) => n.__typename === "AsskommMembership" && n.polizeidirektion !== null)).toBe(true);
    expect(nodes.some((n: any) => n.__typename === "SachsenAnhaltLocalPartnership" && n.policePartner !== null)).toBe(true);
  });

  it("gives one district's participations from every state that has any there", () => {
    // By the district the record names: a town whose AGS no source confirms (Schneeberg) still belongs.
    const inDistrict = dataset.participations.filter((p) => p.landkreis === "Erzgebirgskreis");
    expect(inDistrict.some((p) => p.ags === null)).toBe(true);
    expect(inDistrict.length).toBeGreaterThan(1);
    expect(answer.district.name).toBe("Erzgebirgskreis");
    expect(answer.district.participations.map((p: any) => p.id).sort()).toEqual(inDistrict.map((p) => p.id).sort());
    for (const p of answer.district.participations) {
      expect(p.municipality.name).toBe(inDistrict.find((r) => r.id === p.id)!.municipality_name);
    }
  });
});
