import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, STATE_SUBGRAPHS, StateCode, type BaseContext, type RawParticipation, type RunningServer, type StateSubgraph, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";
import { createSachsenSubgraph } from "@laenderhub/subgraph-sachsen";
import { createSachsenAnhaltSubgraph } from "@laenderhub/subgraph-sachsen-anhalt";
import type { CompareContext } from "../src/index.js";
import { createTestCompare, run } from "./support/service.js";

/*
 * The comparative API against the real state subgraphs (their factories, seeded ":memory:"
 * databases, served over HTTP on port 0): what compare merges and counts must equal what the
 * test computes straight from shared/data.
 */

const data = loadDataset();

/** The signing date as the sources give it: the day, or the year and month a note states. */
function signedIso(p: RawParticipation): string | null {
  if (p.signed_date) return p.signed_date;
  if (p.signed_date_precision !== "month") return null;
  const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
  const note = (p.signed_date_note ?? "").toLowerCase();
  const year = /\b(\d{4})\b/.exec(note)?.[1];
  const month = months.findIndex((m) => note.includes(m));
  return year && month >= 0 ? `${year}-${String(month + 1).padStart(2, "0")}` : year ?? null;
}

describe("comparative API against the real state subgraphs", () => {
  const services: SubgraphService<BaseContext>[] = [];
  const servers = new Map<StateCode, RunningServer>();
  let registry: StateSubgraph[];
  let compare: SubgraphService<CompareContext>;

  beforeAll(async () => {
    const factories: [StateCode, () => Promise<SubgraphService<any>>][] = [
      [StateCode.SL, () => createSaarlandSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.SN, () => createSachsenSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.ST, () => createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" })],
    ];
    registry = [];
    for (const [code, create] of factories) {
      const service = await create();
      services.push(service);
      const http = await service.listen(0);
      servers.set(code, http);
      const { defaultPort: _port, ...entry } = STATE_SUBGRAPHS.find((s) => s.code === code)!;
      registry.push({ ...entry, url: http.url });
    }
    ({ service: compare } = await createTestCompare(registry, { stateTimeoutMs: 5000 }));
  });
  afterAll(async () => {
    await compare?.close();
    await Promise.all(services.map((s) => s.close()));
  });

  it("counts participations per state and per year as the data files do", async () => {
    const res: any = await run(compare, `{ comparison { unavailableStates { state reason } states { state participations municipalities undatedParticipations firstSignedOn latestSignedOn } timeline { period state participations cumulativeParticipations } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.comparison.unavailableStates).toEqual([]);
    for (const code of [StateCode.SL, StateCode.SN, StateCode.ST]) {
      const rows = data.participations.filter((p) => p.state === code);
      const dated = rows.map(signedIso).filter((d): d is string => d !== null).sort();
      expect(res.data.comparison.states.find((s: any) => s.state === code)).toEqual({
        state: code,
        participations: rows.length,
        municipalities: new Set(rows.map((p) => p.municipality_id)).size,
        undatedParticipations: rows.length - dated.length,
        firstSignedOn: dated[0],
        latestSignedOn: dated[dated.length - 1],
      });
      for (const t of res.data.comparison.timeline.filter((x: any) => x.state === code)) {
        expect(t.participations, `${code} ${t.period}`).toBe(dated.filter((d) => d.startsWith(t.period)).length);
        expect(t.cumulativeParticipations).toBe(dated.filter((d) => d.slice(0, 4) <= t.period).length);
      }
    }
  });

  it("pages through every participation of every state, merged without gaps or duplicates", async () => {
    for (const orderBy of ["SIGNED_ON", "STATE", "MUNICIPALITY_NAME"]) {
      for (const direction of ["ASC", "DESC"]) {
        const ids: string[] = [];
        const dates: (string | null)[] = [];
        let after: string | null = null;
        for (let guard = 0; guard < 100; guard++) {
          const res: any = await run(compare, `query ($o: ParticipationOrder, $d: SortDirection, $a: String) { participations(orderBy: $o, direction: $d, first: 9, after: $a) {
            totalCount edges { node { __typename id state signedOn { iso } municipality { id name } } } pageInfo { hasNextPage endCursor } } }`, { o: orderBy, d: direction, a: after });
          expect(res.errors).toBeUndefined();
          expect(res.data.participations.totalCount).toBe(data.participations.length);
          ids.push(...res.data.participations.edges.map((e: any) => e.node.id));
          dates.push(...res.data.participations.edges.map((e: any) => e.node.signedOn.iso));
          if (!res.data.participations.pageInfo.hasNextPage) break;
          after = res.data.participations.pageInfo.endCursor;
        }
        expect(new Set(ids).size, `${orderBy} ${direction}`).toBe(ids.length);
        expect([...ids].sort()).toEqual(data.participations.map((p) => p.id).sort());
        if (orderBy === "SIGNED_ON") {
          // Known dates in order, unknown ones last in both directions.
          const known = dates.filter((d): d is string => d !== null);
          expect(dates.slice(0, known.length)).toEqual(known);
          expect(known).toEqual(direction === "ASC" ? [...known].sort() : [...known].sort().reverse());
        }
      }
    }
    const first: any = await run(compare, `{ participations(first: 3) { edges { node { __typename id signedOn { iso precision } municipality { name ags district { name } } } } } }`);
    const oldest = [...data.participations].filter((p) => signedIso(p)).sort((a, b) => (signedIso(a)! < signedIso(b)! ? -1 : 1))[0]!;
    expect(first.data.participations.edges[0].node).toMatchObject({ id: oldest.id, signedOn: { iso: oldest.signed_date } });
  });

  it("groups the real people rows and serves municipalities' participations and prevention bodies", async () => {
    const res: any = await run(compare, `{ people(first: 1) { edges { node { name agreementsSigned } } } municipality(id: "SN-M-14626110") { participations { id __typename } preventionBodies { name sources { url } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.people.edges[0].node.agreementsSigned).toBeGreaterThan(1);
    const expected = data.participations.filter((p) => p.municipality_id === "SN-M-14626110").map((p) => p.id).sort();
    expect(res.data.municipality.participations.map((p: any) => p.id).sort()).toEqual(expected);
    expect(res.data.municipality.participations.every((p: any) => p.__typename === "AsskommMembership")).toBe(true);
    const bodies = data.municipalities.find((m) => m.id === "SN-M-14626110")!.prevention_bodies;
    expect(res.data.municipality.preventionBodies.map((b: any) => b.name).sort()).toEqual(bodies.map((b) => b.name).sort());
  });

  it("keeps the other states' answers when one state subgraph is stopped, and names it", async () => {
    await servers.get(StateCode.ST)!.stop();
    const res: any = await run(compare, `{ participations(first: 200) { totalCount unavailableStates { state } } comparison { states { state } unavailableStates { state } } }`);
    expect(res.data.participations.totalCount).toBe(data.participations.filter((p) => p.state !== "ST").length);
    expect(res.data.participations.unavailableStates).toEqual([{ state: "ST" }]);
    expect(res.data.comparison.states.map((s: any) => s.state)).toEqual(["SL", "SN"]);
    const error = res.errors?.find((e: any) => e.extensions?.code === "STATE_UNAVAILABLE");
    expect(error?.extensions?.states).toEqual(["ST"]);
  });
});
