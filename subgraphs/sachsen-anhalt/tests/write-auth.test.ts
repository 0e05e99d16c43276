import { stateAudience, StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";
import { data, run } from "./helpers.js";
import { bearer, counts, CREATE, createWritableSubgraph, newPartnership, TEST_AUTH, TEST_SECRET } from "./write-helpers.js";

describe("write authorisation", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createWritableSubgraph();
  });
  afterAll(async () => {
    await service.close();
  });

  const tampered = async () => {
    // A Sachsen editor's token whose claims were rewritten to Sachsen-Anhalt: the signature no longer matches.
    const [header, , signature] = (await bearer(StateCode.SN, "editor")).slice("Bearer ".length).split(".");
    const claims = { sub: "mallory", state: "ST", role: "editor", iss: "laenderhub", aud: "laenderhub", exp: Math.floor(Date.now() / 1000) + 600 };
    return `Bearer ${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
  };

  const cases: Array<[string, () => Promise<string | undefined>, string, string]> = [
    ["no token", async () => undefined, "UNAUTHENTICATED", "NO_TOKEN"],
    // Signed with this subgraph's key on purpose: only the audience keeps another state's token out.
    ["an editor token of another state (Sachsen)", () => bearer(StateCode.SN, "editor"), "UNAUTHENTICATED", "WRONG_AUDIENCE"],
    ["an editor token of Saarland", () => bearer(StateCode.SL, "editor"), "UNAUTHENTICATED", "WRONG_AUDIENCE"],
    ["a token for this state's audience naming a Sachsen editor", () => bearer(StateCode.SN, "editor", { audience: stateAudience(StateCode.ST) }), "FORBIDDEN", "OTHER_STATE"],
    ["an editor token valid for 100 years", () => bearer(StateCode.ST, "editor", { expiresIn: "100y", maxLifetimeSeconds: Infinity }), "UNAUTHENTICATED", "LIFETIME_TOO_LONG"],
    ["an editor token issued in the future", () => bearer(StateCode.ST, "editor", { now: new Date(Date.now() + 3600_000) }), "UNAUTHENTICATED", "ISSUED_IN_FUTURE"],
    ["a viewer token of Sachsen-Anhalt", () => bearer(StateCode.ST, "viewer"), "FORBIDDEN", "NOT_EDITOR"],
    ["an expired token", () => bearer(StateCode.ST, "editor", { now: new Date(Date.now() - 3 * 3600_000) }), "UNAUTHENTICATED", "EXPIRED"],
    ["a tampered token", tampered, "UNAUTHENTICATED", "BAD_SIGNATURE"],
    ["a token signed with another key", async () => bearer(StateCode.ST, "editor", { secret: "another-secret-that-is-long-enough-0123456789" }), "UNAUTHENTICATED", "BAD_SIGNATURE"],
    ["a header that is not a bearer token", async () => `Basic ${Buffer.from("st:editor").toString("base64")}`, "UNAUTHENTICATED", "MALFORMED"],
  ];

  it.each(cases)("refuses a create with %s and changes nothing", async (_name, header, code, reason) => {
    const before = await counts(service);
    const result = await run(service, CREATE, { input: newPartnership() }, await header());
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code, reason });
    expect(await counts(service)).toEqual(before);
  });

  it("refuses the other mutations the same way, before looking at their input", async () => {
    const viewer = await bearer(StateCode.ST, "viewer");
    const before = await counts(service);
    for (const mutation of [
      `mutation { updateSachsenAnhaltPartnership(id: "ST-P-01", input: { place: "x" }) { id } }`,
      `mutation { endSachsenAnhaltPartnership(id: "ST-P-01", endedOn: "2020-01-01") { id } }`,
      `mutation { recordSachsenAnhaltEvent(input: { title: "x", eventType: "CONFERENCE", status: HELD, sources: [] }) { id } }`,
      `mutation { publishSachsenAnhaltIndicator(input: { indicator: "x", label: "x", value: 1, unit: "x", sources: [] }) { id } }`,
      `mutation { attachSachsenAnhaltSources(recordId: "ST-P-01", sources: [{ url: "https://example.org" }]) { __typename } }`,
    ]) {
      const result = await run(service, mutation, {}, viewer);
      expect(result.errors?.[0]?.extensions, mutation).toMatchObject({ code: "FORBIDDEN", reason: "NOT_EDITOR" });
    }
    expect(await counts(service)).toEqual(before);
  });

  it("keeps reads public whatever token comes with them", async () => {
    for (const header of [undefined, await bearer(StateCode.SN, "viewer"), await tampered()]) {
      const result = await run(service, `{ sachsenAnhalt { partnership(id: "ST-P-01") { id } } }`, {}, header);
      expect(result.errors).toBeUndefined();
      expect(result.data!.sachsenAnhalt.partnership).toEqual({ id: "ST-P-01" });
    }
  });

  it("accepts a token signed with the older secret during a rotation", async () => {
    const rotated = await createSachsenAnhaltSubgraph({
      databaseUrl: ":memory:",
      auth: { ...TEST_AUTH, secrets: ["the-new-secret-that-is-long-enough-0123456789", TEST_SECRET] },
    });
    try {
      const result = await run(rotated, CREATE, { input: newPartnership() }, await bearer(StateCode.ST, "editor"));
      expect(result.errors).toBeUndefined();
      expect(result.data!.createSachsenAnhaltPartnership.id).toBe("ST-P-07");
    } finally {
      await rotated.close();
    }
  });
});

describe("a subgraph without a verification key (the default)", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service.close();
  });

  it("refuses every write with NO_KEY_CONFIGURED, even with a well-signed token, and serves reads", async () => {
    const before = await counts(service);
    const result = await run(service, CREATE, { input: newPartnership() }, await bearer(StateCode.ST, "editor"));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_KEY_CONFIGURED" });
    expect(result.errors?.[0]?.message).toMatch(/writes are disabled/);
    expect(await counts(service)).toEqual(before);
    expect((await data(service, `{ sachsenAnhalt { partnerships { totalCount } } }`)).sachsenAnhalt.partnerships.totalCount).toBe(6);
  });
});
