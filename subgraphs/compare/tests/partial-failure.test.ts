import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, StateCode, type StateSubgraph, type SubgraphService } from "@laenderhub/shared";
import type { CompareContext } from "../src/index.js";
import { CONTRACT_MAX_PEOPLE } from "../src/comparative/contract-client.js";
import { downState, fakeRows, startFakeState, startHangingState, type FakeState } from "./support/fake-state.js";
import { createTestCompare, run, type Result } from "./support/service.js";

const data = loadDataset();
const count = (code: string) => data.participations.filter((p) => p.state === code).length;

const QUERY = /* GraphQL */ `{
  participations(first: 200) { totalCount unavailableStates { state name reason } edges { node { id state } } }
  comparison { states { state participations } unavailableStates { state reason } }
  programmes { id }
}`;

function stateUnavailable(res: Result) {
  const errors = (res.errors ?? []).filter((e) => e.extensions?.code === "STATE_UNAVAILABLE");
  expect(errors.length, "exactly one STATE_UNAVAILABLE error").toBe(1);
  return errors[0]!;
}

describe("partial failure", () => {
  const started: { stop(): Promise<void> }[] = [];
  let sl: FakeState;
  let st: FakeState;

  beforeAll(async () => {
    sl = await startFakeState(StateCode.SL);
    st = await startFakeState(StateCode.ST);
    started.push(sl, st);
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  });

  async function withCompare(registry: StateSubgraph[], test: (service: SubgraphService<CompareContext>) => Promise<void>, timeoutMs = 5000) {
    const { service } = await createTestCompare(registry, { stateTimeoutMs: timeoutMs });
    try {
      await test(service);
    } finally {
      await service.close();
    }
  }

  it("answers with the states that answered when one is down, and names the missing one", async () => {
    await withCompare([sl.entry, await downState(StateCode.SN), st.entry], async (service) => {
      const res = await run(service, QUERY);
      expect(res.data).toBeTruthy();
      const p = res.data!.participations;
      expect(p.totalCount).toBe(count("SL") + count("ST"));
      expect(new Set(p.edges.map((e: any) => e.node.state))).toEqual(new Set(["SL", "ST"]));
      expect(p.unavailableStates).toEqual([{ state: "SN", name: "Sachsen", reason: expect.stringMatching(/not reachable/) }]);
      expect(res.data!.comparison.states.map((s: any) => s.state)).toEqual(["SL", "ST"]);
      expect(res.data!.comparison.unavailableStates.map((s: any) => s.state)).toEqual(["SN"]);
      expect(res.data!.programmes.map((p: any) => p.id)).toEqual(["SL-PRG-SIPA", "ST-PRG-SIPA"]);
      const error = stateUnavailable(res);
      expect(error.extensions!.states).toEqual(["SN"]);
      expect(error.message).toContain("Sachsen (SN)");
    });
  });

  it("reports a state with more people rows than compare groups, instead of counting them short", async () => {
    const [first, ...rest] = fakeRows(StateCode.SN);
    const crowd = Array.from({ length: CONTRACT_MAX_PEOPLE }, (_, i) => ({ name: `Person ${i}`, role: null, organisation: null, party: null, basis: "SIGNED" }));
    const crowded = await startFakeState(StateCode.SN, { rows: [{ ...first!, signatories: crowd }, ...rest] });
    started.push(crowded);
    await withCompare([sl.entry, crowded.entry], async (service) => {
      const res = await run(service, `{ people(first: 200) { edges { node { name states agreementsSigned } } } }`);
      const error = stateUnavailable(res);
      expect(error.extensions!.states).toEqual(["SN"]);
      expect(JSON.stringify(error.extensions!.reasons)).toContain(`${CONTRACT_MAX_PEOPLE} or more people rows`);
      // Saarland's people are all there; nobody of Sachsen is counted from a cut-off list.
      const people = (res.data!.people as { edges: { node: { states: string[] } }[] }).edges.map((e) => e.node);
      expect(people.length).toBeGreaterThan(0);
      expect(people.every((p) => p.states.length === 1 && p.states[0] === "SL")).toBe(true);
    });
  });

  it("gives up on a state that hangs after the timeout, and keeps the others' answers", async () => {
    const hanging = await startHangingState(StateCode.SN);
    started.push(hanging);
    await withCompare(
      [sl.entry, hanging.entry, st.entry],
      async (service) => {
        const res = await run(service, QUERY);
        expect(res.data!.participations.totalCount).toBe(count("SL") + count("ST"));
        expect(res.data!.participations.unavailableStates).toEqual([{ state: "SN", name: "Sachsen", reason: "no answer within 1500 ms" }]);
        expect(stateUnavailable(res).extensions!.states).toEqual(["SN"]);
      },
      // Long enough that the answering fakes never hit it on a busy machine.
      1500,
    );
  });

  it("treats a state that answers with errors as unavailable", async () => {
    const broken = await startFakeState(StateCode.SN, { failing: true });
    started.push(broken);
    await withCompare([sl.entry, broken.entry], async (service) => {
      const res = await run(service, QUERY);
      expect(res.data!.participations.totalCount).toBe(count("SL"));
      expect(res.data!.participations.unavailableStates[0]).toMatchObject({ state: "SN", reason: expect.stringMatching(/answered with an error/) });
      expect(stateUnavailable(res).extensions!.states).toEqual(["SN"]);
    });
  });

  it("names every missing state, and a state asked for but not registered", async () => {
    await withCompare([sl.entry, await downState(StateCode.ST)], async (service) => {
      const res = await run(service, `{ participations(filter: { states: [SL, SN, ST] }) { totalCount unavailableStates { state reason } } }`);
      expect(res.data!.participations.totalCount).toBe(count("SL"));
      expect(res.data!.participations.unavailableStates.map((s: any) => s.state)).toEqual(["SN", "ST"]);
      expect(res.data!.participations.unavailableStates[0].reason).toMatch(/no subgraph is registered/);
      expect(stateUnavailable(res).extensions!.states).toEqual(["SN", "ST"]);
    });
  });

  it("keeps gazetteer answers intact and reports the state when only its contract fails", async () => {
    await withCompare([sl.entry, await downState(StateCode.SN)], async (service) => {
      const ok = await run(service, `{ municipality(id: "SL-M-10043114") { name participations { id } } }`);
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.municipality.participations.map((p: any) => p.id)).toEqual(["SL-P-01"]);
      const sn = await run(service, `{ municipality(id: "SN-M-14626110") { name ags preventionBodies { name } participations { id } } }`);
      expect(sn.data!.municipality).toMatchObject({ name: "Görlitz", ags: "14626110", preventionBodies: [], participations: [] });
      expect(stateUnavailable(sn).extensions!.states).toEqual(["SN"]);
    });
  });

  it("says so when a municipality's own state has no registered subgraph", async () => {
    await withCompare([sl.entry], async (service) => {
      const res = await run(service, `{ municipality(id: "SN-M-14626110") { name participations { id } } }`);
      expect(res.data!.municipality).toEqual({ name: "Görlitz", participations: [] });
      expect(stateUnavailable(res).extensions!.states).toEqual(["SN"]);
    });
  });

  it("does not report a state that no call needed", async () => {
    await withCompare([sl.entry, await downState(StateCode.SN)], async (service) => {
      const res = await run(service, `{ participations(filter: { states: [SL] }) { totalCount unavailableStates { state } } municipality(ags: "10043114") { id } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.participations).toEqual({ totalCount: count("SL"), unavailableStates: [] });
    });
  });

  it("reports the failure over HTTP too, with the data", async () => {
    await withCompare([sl.entry, await downState(StateCode.SN)], async (service) => {
      const http = await service.listen(0);
      const response = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ participations { totalCount } }" }) });
      const body = (await response.json()) as Result;
      expect(response.status).toBe(200);
      expect(body.data!.participations.totalCount).toBe(count("SL"));
      expect(stateUnavailable(body).extensions!.states).toEqual(["SN"]);
      const health = await fetch(http.url.replace("/graphql", "/health"));
      expect(await health.json()).toMatchObject({ status: "ok", service: "compare", database: "ok" });
    });
  });
});
