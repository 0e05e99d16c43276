import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadDataset, resolveRegistry, resolveRegistryWithOmitted, StateCode, type StateSubgraph } from "@laenderhub/shared";
import { request } from "node:http";
import type { CompareSubgraphOptions } from "../src/index.js";
import { startFakeState, startSwitchableState, type FakeState, type SwitchableState } from "./support/fake-state.js";
import { createTestCompare, run, type Result } from "./support/service.js";

/*
 * One state's fault stays that state's: a hanging state is skipped by its circuit breaker
 * until a probe finds it answering, a client that goes away takes its outgoing calls with it,
 * a request that would cost too much is refused before the work, and a state the deployment
 * leaves out is named rather than dropped.
 */

const data = loadDataset();
const count = (code: string) => data.participations.filter((p) => p.state === code).length;

const QUERY = /* GraphQL */ `{
  participations(first: 200) { totalCount unavailableStates { state name reason } }
  comparison { states { state participations } unavailableStates { state reason } }
  programmes { id }
}`;

const stateErrors = (res: Result) => (res.errors ?? []).filter((e) => e.extensions?.code === "STATE_UNAVAILABLE");

describe("failure containment", () => {
  const started: { stop(): Promise<void> }[] = [];
  const services: { close(): Promise<void> }[] = [];
  let sl: FakeState;
  let st: FakeState;

  beforeAll(async () => {
    sl = await startFakeState(StateCode.SL);
    st = await startFakeState(StateCode.ST);
    started.push(sl, st);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await Promise.all(services.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
  });

  async function compare(registry: StateSubgraph[], extra: Partial<CompareSubgraphOptions> = {}) {
    const { service } = await createTestCompare(registry, extra);
    services.push(service);
    return service;
  }

  async function switchable(): Promise<SwitchableState> {
    const sn = await startSwitchableState(StateCode.SN);
    started.push(sn);
    return sn;
  }

  describe("circuit breaker", () => {
    it("skips a hung state after it timed out, without calling it, until a probe finds it answering", async () => {
      // Only Date is faked: the breaker's "half-open after" clock moves when the test says so.
      vi.useFakeTimers({ toFake: ["Date"] });
      const sn = await switchable();
      const service = await compare([sl.entry, sn.entry, st.entry], { stateTimeoutMs: 1500, breaker: { failureThreshold: 1, halfOpenAfterMs: 60_000 } });
      const http = await service.listen(0);
      const health = async () => ((await (await fetch(http.url.replace("/graphql", "/health"))).json()) as { states: Record<string, string> }).states;
      expect(await health()).toEqual({ SL: "closed", SN: "closed", ST: "closed" });

      sn.hang();
      const first = await run(service, QUERY);
      expect(first.data!.participations.totalCount).toBe(count("SL") + count("ST"));
      expect(first.data!.participations.unavailableStates).toEqual([{ state: "SN", name: "Sachsen", reason: "no answer within 1500 ms" }]);
      expect(stateErrors(first)[0]!.extensions!.states).toEqual(["SN"]);
      const reached = sn.requests;
      expect(reached).toBeGreaterThan(0);
      expect(await health()).toEqual({ SL: "closed", SN: "open", ST: "closed" });

      // While the breaker is open, Sachsen is named at once and never called.
      for (let i = 0; i < 3; i++) {
        const skipped = await run(service, QUERY);
        expect(skipped.data!.participations.totalCount).toBe(count("SL") + count("ST"));
        expect(skipped.data!.participations.unavailableStates).toEqual([{ state: "SN", name: "Sachsen", reason: expect.stringMatching(/^circuit breaker open after 1 consecutive failures \(last: no answer within 1500 ms\)/) }]);
        expect(skipped.data!.comparison.unavailableStates).toEqual([{ state: "SN", reason: expect.stringMatching(/circuit breaker open/) }]);
        const error = stateErrors(skipped)[0]!;
        expect(error.extensions!.states).toEqual(["SN"]);
        expect(error.extensions!.reasons.SN).toMatch(/circuit breaker open/);
      }
      expect(sn.requests).toBe(reached);

      // Sachsen answers again; once the delay has passed, the breaker's background probe (checked
      // every second) finds it and closes the breaker: no client request was the probe.
      sn.answer();
      vi.setSystemTime(Date.now() + 60_001);
      for (let i = 0; i < 50 && (await health()).SN !== "closed"; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await health()).toEqual({ SL: "closed", SN: "closed", ST: "closed" });
      expect(sn.requests).toBe(reached + 1);

      const full = await run(service, QUERY);
      expect(full.errors).toBeUndefined();
      expect(full.data!.participations).toEqual({ totalCount: count("SL") + count("SN") + count("ST"), unavailableStates: [] });
    });

    it("opens only after the configured number of consecutive failures", async () => {
      const sn = await switchable();
      sn.hang();
      const service = await compare([sl.entry, sn.entry], { stateTimeoutMs: 1000, breaker: { failureThreshold: 2, halfOpenAfterMs: 600_000 } });
      const query = `{ programmes { id } }`;
      const first = await run(service, query);
      expect(stateErrors(first)[0]!.extensions!.reasons.SN).toBe("no answer within 1000 ms");
      const second = await run(service, query);
      expect(stateErrors(second)[0]!.extensions!.reasons.SN).toBe("no answer within 1000 ms");
      expect(sn.requests).toBe(2);
      const third = await run(service, query);
      expect(stateErrors(third)[0]!.extensions!.reasons.SN).toMatch(/^circuit breaker open after 2 consecutive failures/);
      expect(sn.requests).toBe(2);
    });

    it("gives a state its own timeout when one is configured", async () => {
      const sn = await switchable();
      sn.hang();
      const service = await compare([sl.entry, sn.entry], { stateTimeoutMs: 60_000, stateTimeoutsMs: { SN: 1000 } });
      const res = await run(service, `{ programmes { id } }`);
      expect(res.data!.programmes.map((p: { id: string }) => p.id)).toEqual(["SL-PRG-SIPA"]);
      expect(stateErrors(res)[0]!.extensions!.reasons).toEqual({ SN: "no answer within 1000 ms" });
    });
  });

  it("abandons the outgoing contract call when the client disconnects", async () => {
    const sn = await switchable();
    sn.hang();
    // A timeout far beyond the test's own: only the client's going away can end the call.
    const service = await compare([sl.entry, sn.entry], { stateTimeoutMs: 120_000 });
    const http = await service.listen(0);
    const body = JSON.stringify({ query: `{ programmes(filter: { states: [SN] }) { id } }` });
    const client = request(http.url, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } });
    client.on("error", () => {});
    client.end(body);
    await vi.waitFor(() => expect(sn.held).toBe(1), { timeout: 10_000, interval: 20 });
    expect(sn.abandoned).toBe(0);
    client.destroy();
    await vi.waitFor(() => expect(sn.abandoned).toBe(1), { timeout: 10_000, interval: 20 });
    // Abandoning is not the state's fault: its breaker stays closed.
    const health = (await (await fetch(http.url.replace("/graphql", "/health"))).json()) as { states: Record<string, string> };
    expect(health.states.SN).toBe("closed");
  });

  describe("budget per request", () => {
    const budgetError = (res: Result) => {
      expect(res.data ?? undefined).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      return res.errors![0]!;
    };
    const callsTo = (...fakes: FakeState[]) => fakes.reduce((n, f) => n + f.calls.length, 0);

    it("refuses 1,000 comparison aliases before calling any state", async () => {
      const service = await compare([sl.entry, st.entry]);
      const before = callsTo(sl, st);
      const aliases = Array.from({ length: 1000 }, (_, i) => `c${i}: comparison { states { state participations } }`).join("\n");
      const error = budgetError(await run(service, `{ ${aliases} }`));
      expect(error.extensions).toMatchObject({ code: "BUDGET_EXCEEDED", budget: "contractCalls", limit: 300 });
      expect(error.message).toContain("MAX_CONTRACT_CALLS_PER_REQUEST");
      expect(callsTo(sl, st)).toBe(before);
    });

    it("refuses pages whose sizes add up past the row budget before calling any state", async () => {
      const service = await compare([sl.entry, st.entry], { budget: { maxRows: 1000 } });
      const before = callsTo(sl, st);
      const pages = Array.from({ length: 6 }, (_, i) => `p${i}: participations(first: 200, filter: { signedFrom: "20${10 + i}" }) { totalCount }`).join("\n");
      const error = budgetError(await run(service, `{ ${pages} }`));
      expect(error.extensions).toMatchObject({ code: "BUDGET_EXCEEDED", budget: "rows", limit: 1000 });
      expect(callsTo(sl, st)).toBe(before);
      // Five such pages fit.
      const fits = await run(service, `{ ${pages.split("\n").slice(0, 5).join("\n")} }`);
      expect(fits.errors).toBeUndefined();
    });

    it("stops a short query that fans out to megabytes at the row budget, with the code and no data", async () => {
      const sn = await startFakeState(StateCode.SN);
      started.push(sn);
      const service = await compare([sl.entry, sn.entry, st.entry]);
      const http = await service.listen(0);
      // Districts → participations → municipality → district → participations → …: each level multiplies the rows.
      const query = `{districts{participations{municipality{district{participations{municipality{district{participations{municipality{district{participations{id signatories{name}sources{url title}}}}}}}}}}}}}`;
      expect(Buffer.byteLength(query)).toBeLessThanOrEqual(218);
      const response = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text.length).toBeLessThan(1000);
      const error = budgetError(JSON.parse(text) as Result);
      expect(error.extensions).toMatchObject({ code: "BUDGET_EXCEEDED", budget: "rows", limit: 10_000 });
      // The same data, asked for once, is served in full.
      const once = await run(service, `{ districts { participations { id } } }`);
      expect(once.errors).toBeUndefined();
    });
  });

  it("names a state that SUBGRAPH_STATES leaves out in every comparative answer", async () => {
    const env = { SUBGRAPH_STATES: "SL,ST", SUBGRAPH_URL_SL: sl.entry.url, SUBGRAPH_URL_ST: st.entry.url };
    const { registry, omitted } = resolveRegistryWithOmitted(env);
    expect(omitted).toEqual(["SN"]);
    // The gateway's view of the registry is unchanged.
    expect(resolveRegistry(env).map((s) => s.code)).toEqual(["SL", "ST"]);
    const service = await compare(registry, { omittedStates: omitted });
    const res = await run(service, QUERY);
    expect(res.data!.participations.totalCount).toBe(count("SL") + count("ST"));
    expect(res.data!.participations.unavailableStates).toEqual([{ state: "SN", name: "Sachsen", reason: expect.stringMatching(/^not configured in this deployment/) }]);
    expect(res.data!.comparison.unavailableStates.map((s: { state: string }) => s.state)).toEqual(["SN"]);
    const error = stateErrors(res);
    expect(error).toHaveLength(1);
    expect(error[0]!.extensions!.states).toEqual(["SN"]);
    expect(error[0]!.message).toContain("Sachsen (SN)");
    const people = await run(service, `{ people(first: 1) { edges { node { name } } } state(code: SN) { programmes { id } } }`);
    expect(stateErrors(people)[0]!.extensions!.reasons.SN).toMatch(/not configured in this deployment/);
  });
});
