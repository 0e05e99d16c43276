import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, stateAudience, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";
import { bearer, CREATE, createWritableSaarland, editor, newPartnership, OTHER_SECRET, runAs, SECRET, tableCounts } from "./write-helpers.js";

/** Flips one character of the payload: the signature no longer matches. */
function tamper(authorization: string): string {
  const [header, payload, signature] = authorization.slice("Bearer ".length).split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, role: "editor", state: "SL", sub: "mallory" })).toString("base64url");
  return `Bearer ${header}.${forged}.${signature}`;
}

describe("saarland write path: authentication and authorisation", () => {
  let service: SubgraphService<SaarlandContext>;

  beforeAll(async () => {
    service = await createWritableSaarland();
  });
  afterAll(async () => {
    await service?.close();
  });

  const cases: Array<[string, () => Promise<string | undefined>, string, string]> = [
    ["no token", async () => undefined, "UNAUTHENTICATED", "NO_TOKEN"],
    ["an editor token of Sachsen signed with Sachsen's key", () => bearer(StateCode.SN, "editor", { secret: OTHER_SECRET }), "UNAUTHENTICATED", "BAD_SIGNATURE"],
    // The same key as Saarland's (one key for several states): Sachsen's audience is not Saarland's.
    ["an editor token of Sachsen signed with this key", () => bearer(StateCode.SN, "editor"), "UNAUTHENTICATED", "WRONG_AUDIENCE"],
    ["a token for Saarland's audience naming a Sachsen editor", () => bearer(StateCode.SN, "editor", { audience: stateAudience(StateCode.SL) }), "FORBIDDEN", "OTHER_STATE"],
    ["an editor token valid for longer than 8 h", () => bearer(StateCode.SL, "editor", { expiresIn: "100y", maxLifetimeSeconds: Infinity }), "UNAUTHENTICATED", "LIFETIME_TOO_LONG"],
    ["an editor token issued in the future", () => bearer(StateCode.SL, "editor", { now: new Date(Date.now() + 3600_000) }), "UNAUTHENTICATED", "ISSUED_IN_FUTURE"],
    ["a viewer token of Saarland", () => bearer(StateCode.SL, "viewer"), "FORBIDDEN", "NOT_EDITOR"],
    ["an expired editor token", () => bearer(StateCode.SL, "editor", { expiresIn: "1h", now: new Date(Date.now() - 3 * 3600_000) }), "UNAUTHENTICATED", "EXPIRED"],
    ["a tampered token", async () => tamper(await bearer(StateCode.SL, "viewer")), "UNAUTHENTICATED", "BAD_SIGNATURE"],
    ["a header that is not a bearer token", async () => "Basic dXNlcjpwYXNz", "UNAUTHENTICATED", "MALFORMED"],
  ];

  for (const [what, token, code, reason] of cases) {
    it(`refuses a create with ${what} (${code}) and changes nothing`, async () => {
      const before = await tableCounts(service);
      const result = await runAs(service, await token(), CREATE, { input: newPartnership() });
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code, reason });
      expect(await tableCounts(service)).toEqual(before);
    });
  }

  it("refuses every kind of write from a viewer before validating anything", async () => {
    const viewer = await bearer(StateCode.SL, "viewer");
    const before = await tableCounts(service);
    for (const mutation of [
      `mutation { updateSaarlandPartnership(id: "SL-P-10", input: { place: "x" }) { id } }`,
      `mutation { endSaarlandPartnership(id: "SL-P-10", endedOn: "not a date") { id } }`,
      `mutation { recordSaarlandEvent(input: { title: "", eventType: "x", sources: [] }) { id } }`,
      `mutation { publishSaarlandIndicator(input: { indicator: "x", label: "x", value: 1, unit: "x", sources: [] }) { id } }`,
      `mutation { attachSaarlandSources(recordId: "SL-P-10", sources: [{ url: "https://example.org/x" }]) { recordId } }`,
    ]) {
      const result = await runAs(service, viewer, mutation);
      expect(result.errors?.[0]?.extensions, mutation).toMatchObject({ code: "FORBIDDEN", reason: "NOT_EDITOR" });
    }
    expect(await tableCounts(service)).toEqual(before);
  });

  it("keeps reads public, whatever token is sent", async () => {
    for (const authorization of [undefined, "Bearer not-a-jwt", await bearer(StateCode.SN, "viewer", { secret: OTHER_SECRET })]) {
      const result = await runAs(service, authorization, `{ saarland { partnershipByOrdinal(n: 10) { municipalityName } } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data).toEqual({ saarland: { partnershipByOrdinal: { municipalityName: "Bexbach" } } });
    }
  });

  it("accepts the editor of its own state", async () => {
    const result = await runAs(service, await editor(), CREATE, { input: newPartnership() });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createSaarlandPartnership.id).toBe("SL-P-12");
  });
});

describe("saarland write path without a configured key", () => {
  let service: SubgraphService<SaarlandContext>;

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service?.close();
  });

  it("refuses every write with NO_KEY_CONFIGURED and still serves reads", async () => {
    const token = `Bearer ${await issueToken({ secret: SECRET, state: StateCode.SL, role: "editor", subject: "alice", expiresIn: "1h" })}`;
    const before = await tableCounts(service);
    const result = await runAs(service, token, CREATE, { input: newPartnership() });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_KEY_CONFIGURED" });
    expect(result.errors?.[0]?.message).toMatch(/no token verification key is configured/);
    expect(await tableCounts(service)).toEqual(before);
    expect((await data(service, `{ saarland { partnerships { totalCount } } }`)).saarland.partnerships.totalCount).toBe(11);
  });
});
