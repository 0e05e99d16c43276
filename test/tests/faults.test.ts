import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judge, LOAD_QUERIES, type Answer, type GraphQLBody, type Part } from "../faults/load.js";
import { formatResults, runFaultSuite, type ScenarioResult } from "../faults/suite.js";

// The fault suite (test/faults, also `npm run faults`) in short phases on the real npm start:
// whatever is killed or hung, no answer is anything but JSON, every incomplete answer names
// what is missing and only that, the other states keep answering, everything recovers by
// itself, and an import killed in its transaction loses or half-writes nothing. The times are
// printed, not asserted: recovery has a bound of correctness (30 s), not a speed claim.

describe("the fault suite's verdict on one answer", () => {
  const query = (name: string) => LOAD_QUERIES.find((q) => q.name === name)!;
  const answer = (name: string, body: GraphQLBody | null, failure: Answer["failure"] = null): Answer => ({ query: query(name), sentAt: 0, receivedAt: 1, status: 200, body, failure });
  const SN: Part = { kind: "state", code: "SN" };
  const snUnavailable = { message: "No answer from Sachsen (SN)", extensions: { code: "STATE_UNAVAILABLE", states: ["SN"] } };

  it("counts a complete answer, a partial one that names the missing state, and one that does not", () => {
    const complete = { data: { comparison: { states: [{ state: "SL" }, { state: "SN" }, { state: "ST" }], unavailableStates: [] } } };
    expect(judge(answer("comparison", complete), SN)).toBe("complete");
    const partial = { data: { comparison: { states: [{ state: "SL" }, { state: "ST" }], unavailableStates: [{ state: "SN" }] } }, errors: [snUnavailable] };
    expect(judge(answer("comparison", partial), SN)).toBe("named");
    // The same answer while Saarland is the one taken away names the wrong state.
    expect(judge(answer("comparison", partial), { kind: "state", code: "SL" })).toBe("unnamed");
    expect(judge(answer("comparison", { data: null, errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }), SN)).toBe("unnamed");
    // A missing state listed, but next to an unexplained error: not named.
    expect(judge(answer("participations", { data: { participations: { totalCount: 3, unavailableStates: [{ state: "SN" }] } }, errors: [snUnavailable, { message: "boom" }] }), SN)).toBe("unnamed");
    expect(judge(answer("participations", { data: null, errors: [{ message: "the comparative API is unavailable", extensions: { code: "COMPARE_UNAVAILABLE" } }] }), { kind: "compare" })).toBe("named");
  });

  it("tells the missing state's own namespace from another state's failure", () => {
    const unavailable = { data: { sachsen: null }, errors: [{ message: "Sachsen (SN) is unavailable", extensions: { code: "STATE_UNAVAILABLE", state: "SN" } }] };
    expect(judge(answer("sachsen", unavailable), SN)).toBe("named");
    expect(judge(answer("saarland", { data: { saarland: null }, errors: [{ message: "Saarland (SL) is unavailable", extensions: { code: "STATE_UNAVAILABLE", state: "SL" } }] }), SN)).toBe("other-state-failure");
    expect(judge(answer("saarland", { data: { saarland: { partnershipByOrdinal: { id: "SL-P-10" } } } }), SN)).toBe("complete");
    expect(judge(answer("saarland", null, { kind: "not-json", detail: "HTTP 502: <html>" }), SN)).toBe("not-json");
  });
});

describe("faults under load on npm start", () => {
  let results: ScenarioResult[] = [];
  const scenario = (prefix: string) => {
    const found = results.find((r) => r.name.startsWith(prefix));
    if (!found) throw new Error(`no result for ${prefix}: the suite did not run`);
    return found;
  };
  /** The zeros every scenario must keep, with the offending answers in the message. */
  const expectNoBrokenPromise = (r: ScenarioResult) => {
    const why = `${r.name}\n${r.examples.join("\n")}`;
    expect(r.requests, why).toBeGreaterThan(0);
    expect(r.notJson, why).toBe(0);
    expect(r.noAnswer, why).toBe(0);
    expect(r.unnamed, why).toBe(0);
    expect(r.otherStateFailures, why).toBe(0);
    expect(r.recoveryMs, `${r.name}: no complete answers within 30 s of the fault's end`).not.toBeNull();
  };

  beforeAll(async () => {
    results = await runFaultSuite({
      steadySeconds: 2,
      hangSeconds: 3,
      recoveryLimitMs: 30_000,
      loopsPerQuery: 1,
      stateTimeoutMs: 1_000,
      breakerHalfOpenAfterMs: 2_000,
      importRows: 3_000,
    });
    console.info(`fault suite (short phases):\n${formatResults(results)}`);
  }, 300_000);
  afterAll(() => {
    results = [];
  });

  it("a killed state: named in every comparative answer while away, the others answer, the supervisor brings it back", () => {
    const r = scenario("(a)");
    expectNoBrokenPromise(r);
    expect(r.named, "the fault was never seen").toBeGreaterThan(0);
    expect(r.restart).toMatchObject({ newProcess: true, after: r.restart!.before + 1 });
  });

  it("a hung state: named while hung (its breaker open), complete answers again after it resumes", () => {
    const r = scenario("(b)");
    expectNoBrokenPromise(r);
    expect(r.named, "the fault was never seen").toBeGreaterThan(0);
    // Answers after the first timeout were measured (their times are printed, not judged).
    expect(r.hung?.answers ?? 0).toBeGreaterThan(0);
  });

  it("a killed compare: comparative fields answer COMPARE_UNAVAILABLE, the state namespaces answer, compare comes back", () => {
    const r = scenario("(c)");
    expectNoBrokenPromise(r);
    expect(r.named, "the fault was never seen").toBeGreaterThan(0);
    expect(r.restart).toMatchObject({ newProcess: true, after: r.restart!.before + 1 });
  });

  it("an import killed inside its transaction: no row lost or half-written, the state serves throughout", () => {
    const r = scenario("(d)");
    expectNoBrokenPromise(r);
    expect(r.importKilled!.applied).toBeGreaterThan(0);
    expect(r.importKilled!.applied).toBeLessThan(r.importKilled!.total);
    expect(r.rowsLost).toBe(0);
    expect(r.tablesChanged).toBe(0);
    expect(r.integrity).toBe("ok");
  });
});
