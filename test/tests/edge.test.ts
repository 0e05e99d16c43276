import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { print } from "graphql";
import { SignJWT } from "jose";
import { STATE_SECRETS } from "../support/federation.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// The gateway as a public edge, on the real federation: the query that took @apollo/gateway
// down, deeper ones, alias floods, and how many subgraph fetches each dashboard query takes.

/** `municipality { participations { … } }` nested `levels` times inside a page of participations. */
function nested(levels: number): string {
  let inner = "id";
  for (let i = 0; i < levels; i++) inner = `municipality { participations { ${inner} } }`;
  return `{ participations(first: 1) { edges { node { ${inner} } } } }`;
}

const TENTH_SAARLAND = `{ saarland { partnershipByOrdinal(n: 10) { id signedOn { iso precision } signatories { name role } sources { publisher publishedOn } municipality { name ags district { name } } } } }`;
const LIMIT_CODES = ["QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_TOKENS", "TOO_MANY_DIRECTIVES", "QUERY_TOO_COSTLY"];

describe("the gateway as a public edge", () => {
  let federation: RunningFederation;
  const fetches: string[] = [];
  const recorder: GatewayPlugin = {
    // "compare" for a root fetch, "compare/Municipality" for an entity fetch of that type.
    onSubgraphExecute({ subgraphName, executionRequest }) {
      const entity = /_entities[\s\S]*?\.\.\. on (\w+)/.exec(print(executionRequest.document))?.[1];
      fetches.push(entity ? `${subgraphName}/${entity}` : subgraphName);
    },
  };

  beforeAll(async () => {
    // The response cache would answer repeated queries without a fetch: off, to count plans.
    federation = await startFederation({ edge: { cache: { enabled: false } }, plugins: [recorder] });
  });
  afterAll(async () => {
    await federation?.close();
  });
  beforeEach(() => {
    fetches.length = 0;
  });

  it("answers the 167-byte query that ran @apollo/gateway out of memory", async () => {
    // Verbatim from the report.
    const query = "{ participations(first: 1) { edges { node { municipality { participations { municipality { participations { municipality { participations { id } } } } } } } } } }";
    const body = await federation.post(query);
    expect(body.errors).toBeUndefined();
    expect(body.data?.participations.edges).toHaveLength(1);
  });

  it.each([
    ["the same nesting at depth 20", nested(20)],
    ["a 50-level query", nested(50)],
    ["1,000 aliases", `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: comparison { unavailableStates { state } }`).join(" ")} }`],
    ["100 aliases of comparison", `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: comparison { states { state } }`).join(" ")} }`],
  ])("refuses %s with a code before any subgraph is asked, and keeps serving", async (_what, query) => {
    const [refused, readme] = await Promise.all([federation.post(query), federation.post(TENTH_SAARLAND)]);
    expect(LIMIT_CODES).toContain(refused.errors?.[0]?.extensions?.code);
    expect(refused.data ?? null).toBeNull();
    expect(readme.errors).toBeUndefined();
    expect(readme.data?.saarland.partnershipByOrdinal.municipality.name).toBe("Bexbach");
    // Only the README query reached subgraphs: the refused one was never planned.
    expect(fetches.filter((s) => s === "saarland")).toHaveLength(1);
  });

  it("refuses a 60 KB search, a 1 MB note and a token valid for 100 years, each with a code, and keeps serving", async () => {
    const search = await federation.post(`query ($s: String) { people(first: 5, filter: { search: $s }) { totalCount } }`, { s: "x".repeat(60_000) });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search", limit: 200 });
    expect(JSON.stringify(search).length).toBeLessThan(2_000);

    const mutation = `mutation ($note: String) { updateSaarlandPartnership(id: "SL-P-11", input: { place: "Losheim am See" }, note: $note) { id } }`;
    const editor = await federation.bearer("SL", "editor");
    const res = await fetch(federation.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...editor },
      body: JSON.stringify({ query: mutation, variables: { note: "x".repeat(1_000_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("PAYLOAD_TOO_LARGE");

    // Signed with Saarland's own key and for Saarland, but valid for 100 years.
    const now = Math.floor(Date.now() / 1000);
    const forever = await new SignJWT({ state: "SL", role: "editor" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setSubject("e2e-forever")
      .setIssuer("laenderhub")
      .setAudience("laenderhub:SL")
      .setIssuedAt(now)
      .setExpirationTime(now + 100 * 365 * 86_400)
      .sign(new TextEncoder().encode(STATE_SECRETS.SL));
    const refused = await federation.post(mutation, { note: "e2e" }, { authorization: `Bearer ${forever}` });
    expect(refused.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(refused.data?.updateSaarlandPartnership ?? null).toBeNull();

    const readme = await federation.post(TENTH_SAARLAND);
    expect(readme.data?.saarland.partnershipByOrdinal.municipality.name).toBe("Bexbach");
  });

  describe("subgraph fetches per dashboard query, as the plan intends", () => {
    it("one-state page with its municipalities: Saarland once, then the gazetteer's municipalities from compare", async () => {
      const body = await federation.post(`{ saarland { partnerships(first: 50) { totalCount edges { node { id ordinal signedOn { iso precision } municipality { id name ags district { key name } } } } } } }`);
      expect(body.errors).toBeUndefined();
      // Not compare/SaarlandSecurityPartnership: that detour made compare fetch the same
      // partnerships from Saarland's contract again.
      expect(fetches).toEqual(["saarland", "compare/Municipality"]);
    });

    it("participations with state fragments: compare once, then one fetch per state for its own fields", async () => {
      const body = await federation.post(`{ participations(first: 50, orderBy: SIGNED_ON, direction: DESC) { totalCount edges { node { __typename id state signedOn { iso } municipality { name ags }
        ... on SaarlandSecurityPartnership { ordinal } ... on AsskommMembership { polizeidirektion } } } } }`);
      expect(body.errors).toBeUndefined();
      expect(fetches.sort()).toEqual(["compare", "saarland/SaarlandSecurityPartnership", "sachsen/AsskommMembership"]);
    });

    it("comparison by year: compare alone", async () => {
      const body = await federation.post(`{ comparison(period: YEAR) { states { state participations } timeline { period state participations cumulativeParticipations } } }`);
      expect(body.errors).toBeUndefined();
      expect(fetches).toEqual(["compare"]);
    });
  });
});
