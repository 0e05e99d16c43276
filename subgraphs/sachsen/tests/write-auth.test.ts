import { ErrorCode, stateAudience, StateCode, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph } from "./helpers.js";
import { CREATE, TEST_SOURCE, bearer, counts, createWriteSubgraph, editor, exec, validMembership } from "./write-helpers.js";

let service: SubgraphService<SachsenContext>;
beforeAll(async () => {
  service = await createWriteSubgraph();
});
afterAll(async () => {
  await service.close();
});

async function tampered(): Promise<string> {
  // A genuine Saarland editor token whose claims are rewritten to Sachsen: the signature no longer matches.
  const [header, , signature] = (await bearer(StateCode.SL, "editor")).slice("Bearer ".length).split(".");
  const claims = { sub: "mallory", state: "SN", role: "editor", iss: "laenderhub", aud: "laenderhub", exp: Math.floor(Date.now() / 1000) + 600 };
  return `Bearer ${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${signature}`;
}

const CASES: Array<[string, () => Promise<string | undefined>, ErrorCode, string]> = [
  // Signed with Sachsen's key on purpose: only the audience keeps another state's token out.
  ["an editor token of another state (SL)", () => bearer(StateCode.SL, "editor"), ErrorCode.UNAUTHENTICATED, "WRONG_AUDIENCE"],
  ["an editor token of another state (ST)", () => bearer(StateCode.ST, "editor"), ErrorCode.UNAUTHENTICATED, "WRONG_AUDIENCE"],
  ["a token for Sachsen's audience naming another state's editor", () => bearer(StateCode.SL, "editor", { audience: stateAudience(StateCode.SN) }), ErrorCode.FORBIDDEN, "OTHER_STATE"],
  ["an editor token valid for 100 years", () => bearer(StateCode.SN, "editor", { expiresIn: "100y", maxLifetimeSeconds: Infinity }), ErrorCode.UNAUTHENTICATED, "LIFETIME_TOO_LONG"],
  ["an editor token issued in the future", () => bearer(StateCode.SN, "editor", { now: new Date(Date.now() + 3600_000) }), ErrorCode.UNAUTHENTICATED, "ISSUED_IN_FUTURE"],
  ["no token", async () => undefined, ErrorCode.UNAUTHENTICATED, "NO_TOKEN"],
  ["a viewer token of Sachsen", () => bearer(StateCode.SN, "viewer"), ErrorCode.FORBIDDEN, "NOT_EDITOR"],
  ["an expired editor token", () => bearer(StateCode.SN, "editor", { now: new Date(Date.now() - 3 * 3600_000) }), ErrorCode.UNAUTHENTICATED, "EXPIRED"],
  ["a tampered token", tampered, ErrorCode.UNAUTHENTICATED, "BAD_SIGNATURE"],
  ["an editor token signed with another key", () => bearer(StateCode.SN, "editor", { secret: "another-secret-that-is-long-enough-0123456789" }), ErrorCode.UNAUTHENTICATED, "BAD_SIGNATURE"],
  ["a header that is no bearer token", async () => "Basic c246c24=", ErrorCode.UNAUTHENTICATED, "MALFORMED"],
];

describe("a write without a Sachsen editor token", () => {
  for (const [name, header, code, reason] of CASES) {
    it(`with ${name} is refused with ${code} (${reason}) and changes nothing`, async () => {
      const before = await counts(service);
      const result = await exec(service, CREATE, { input: validMembership() }, await header());
      expect(result.data ?? null).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors![0]!.extensions).toMatchObject({ code, reason });
      expect(await counts(service)).toEqual(before);
    });
  }

  it("is refused for every mutation, before any validation", async () => {
    const viewer = await bearer(StateCode.SN, "viewer");
    const mutations = [
      // Invalid input on purpose: authorisation comes first, so the answer is FORBIDDEN, not a validation error.
      [`mutation { createAsskommMembership(input: { stage: MODEL_MUNICIPALITY, municipalityId: "x", sources: [] }) { id } }`],
      [`mutation { updateAsskommMembership(id: "SN-P-007", input: { signedOn: "2999" }) { id } }`],
      [`mutation { endAsskommMembership(id: "SN-P-007", endedOn: "2024-01-01") { id } }`],
      [`mutation { recordSachsenEvent(input: { title: "", eventType: "x", sources: [] }) { id } }`],
      [`mutation { publishSachsenIndicator(input: { indicator: "x", label: "x", value: -1, unit: "x", sources: [] }) { id } }`],
      [`mutation { attachSachsenSources(recordId: "SN-P-007", sources: [{ url: "https://example.org/x" }]) { __typename } }`],
    ];
    const before = await counts(service);
    for (const [mutation] of mutations) {
      const result = await exec(service, mutation!, {}, viewer);
      expect(result.errors?.[0]?.extensions, mutation).toMatchObject({ code: ErrorCode.FORBIDDEN, reason: "NOT_EDITOR" });
    }
    expect(await counts(service)).toEqual(before);
  });

  it("still reads: reads are public, even with a token that does not verify", async () => {
    for (const header of [undefined, await tampered(), await bearer(StateCode.SL, "editor")]) {
      const result = await exec(service, `{ sachsen { membership(id: "SN-P-007") { id } history(filter: { recordIds: ["SN-P-007"] }) { totalCount } } }`, {}, header);
      expect(result.errors).toBeUndefined();
      expect(result.data?.sachsen).toEqual({ membership: { id: "SN-P-007" }, history: { totalCount: 0 } });
    }
  });
});

describe("without a configured key (the default)", () => {
  it("refuses every write with NO_KEY_CONFIGURED, even a well-signed editor token, and serves reads", async () => {
    const keyless = await createTestSubgraph();
    try {
      const before = await counts(keyless);
      const result = await exec(keyless, CREATE, { input: validMembership() }, await editor());
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, reason: "NO_KEY_CONFIGURED" });
      expect(result.errors?.[0]?.message).toMatch(/writes are disabled/);
      expect(await counts(keyless)).toEqual(before);
      expect((await exec(keyless, `{ sachsen { state } }`)).data).toEqual({ sachsen: { state: "SN" } });
    } finally {
      await keyless.close();
    }
  });
});

describe("over HTTP", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await service.listen(0);
  });

  const post = (body: unknown, authorization?: string) =>
    fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body: JSON.stringify(body) });
  const attach = { query: `mutation ($s: [SourceInput!]!) { attachSachsenSources(recordId: "SN-I-001", sources: $s) { ... on AsskommIndicator { sources { url } } } }`, variables: { s: [TEST_SOURCE] } };

  it("answers a write without a token with HTTP 401 and the coded error", async () => {
    const response = await post(attach);
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_TOKEN" });
  });

  it("takes the editor token from the Authorization header", async () => {
    const response = await post(attach, await editor());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.attachSachsenSources.sources.map((s: { url: string }) => s.url)).toContain(TEST_SOURCE.url);
  });
});
