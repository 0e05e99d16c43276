import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ID_LIST, MAX_SEARCH, MAX_STRING, StateCode, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import type { CompareContext } from "../src/index.js";
import { startFakeState, type FakeState } from "./support/fake-state.js";
import { createTestCompare } from "./support/service.js";

// Reported: a search over 50 KB gave an internal error and a false "all three states
// unavailable", because compare forwarded it to every state. Now it is refused up front.
describe("compare's declared input limits", () => {
  let states: FakeState[];
  let service: SubgraphService<CompareContext>;
  let http: RunningServer;

  beforeAll(async () => {
    states = await Promise.all([StateCode.SL, StateCode.SN, StateCode.ST].map((s) => startFakeState(s)));
    ({ service } = await createTestCompare(states.map((s) => s.entry)));
    http = await service.listen(0);
  });
  afterAll(async () => {
    await service?.close();
    await Promise.all((states ?? []).map((s) => s.stop()));
  });

  async function post(query: string, variables: Record<string, unknown> = {}): Promise<{ status: number; text: string; body: any }> {
    const response = await fetch(http.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  }
  const contractCalls = () => states.reduce((n, s) => n + s.calls.length, 0);
  const big = "x".repeat(60_000);

  it("refuses a 60 KB search, as a variable or as a literal, naming field and limit, without asking a state", async () => {
    const before = contractCalls();
    for (const [query, variables] of [
      ["query ($s: String) { people(filter: { search: $s }) { totalCount } }", { s: big }],
      [`{ people(filter: { search: "${big}" }) { totalCount } }`, {}],
      ["query ($s: String) { municipalities(filter: { search: $s }) { totalCount } }", { s: big }],
    ] as const) {
      const res = await post(query, variables);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      const [error] = res.body.errors;
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search", limit: MAX_SEARCH });
      expect(error.message).toContain(`at most ${MAX_SEARCH} characters`);
      expect(error.message).not.toContain("xxxxxxxxxx");
      expect(Buffer.byteLength(res.text), "the answer does not echo the input").toBeLessThan(2048);
    }
    expect(contractCalls(), "no state was asked").toBe(before);
  });

  it("refuses over-long filter values and over-long id lists", async () => {
    const res = await post("query ($f: ParticipationFilterInput) { participations(filter: $f) { totalCount } }", {
      f: { municipalityIds: Array.from({ length: MAX_ID_LIST + 1 }, (_, i) => `SN-M-${i}`), programmeIds: ["P".repeat(5000)] },
    });
    const [error] = res.body.errors;
    expect(error.extensions.code).toBe("BAD_USER_INPUT");
    expect(error.extensions.fields.map((f: any) => [f.field, f.limit])).toEqual([
      ["filter.programmeIds[0]", 100],
      ["filter.municipalityIds", MAX_ID_LIST],
    ]);
    expect(Buffer.byteLength(res.text)).toBeLessThan(2048);
  });

  it("never quotes a value graphql-js cannot coerce (a 900 KB string sent for an Int)", async () => {
    const res = await post("query ($n: Int) { participations(first: $n) { totalCount } }", { n: "9".repeat(900_000) });
    expect(res.body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first", limit: MAX_STRING });
    expect(Buffer.byteLength(res.text)).toBeLessThan(2048);
    // Under the safety net, graphql-js's own coercion message is cut, not echoed.
    const small = await post("query ($n: Int) { participations(first: $n) { totalCount } }", { n: "9".repeat(5000) });
    expect(small.body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(Buffer.byteLength(small.text)).toBeLessThan(2048);
  });

  it("keeps serving: a search within the limit still reaches every state", async () => {
    const before = contractCalls();
    const res = await post("query ($s: String) { people(filter: { search: $s }) { totalCount } }", { s: "a".repeat(MAX_SEARCH) });
    expect(res.body.errors ?? []).toEqual([]);
    expect(contractCalls()).toBeGreaterThan(before);
    const ok = await post("{ comparison { states { state } } }");
    expect(ok.body.data.comparison.states.map((s: any) => s.state)).toEqual(["SL", "SN", "ST"]);
  });
});
