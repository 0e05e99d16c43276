import { ApolloClient, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { loadDataset } from "@laenderhub/shared";
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { request } from "graphql-request";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// The three GraphQL clients dashboards use most, each with its default settings, against the
// real federation: whatever HTTP method and headers a client picks (urql sends queries as GET
// with no content type, Apollo Client and graphql-request POST JSON), the gateway answers.

const dataset = loadDataset();
const ALL_IDS = dataset.participations.map((p) => p.id).sort();
const bexbach = dataset.municipalities.find((m) => m.name === "Bexbach")!;

const TENTH_PARTNERSHIP = /* GraphQL */ `
  query TenthSaarlandPartnership {
    saarland { partnershipByOrdinal(n: 10) { id ordinal municipality { id name ags } } }
  }
`;

// A page small enough that every state's records need several pages.
const PAGE_SIZE = 25;
const PARTICIPATIONS_PAGE = /* GraphQL */ `
  query ParticipationsPage($first: Int!, $after: String) {
    participations(first: $first, after: $after) {
      totalCount
      edges { node { id state } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

interface TenthPartnership {
  saarland: { partnershipByOrdinal: { id: string; ordinal: number; municipality: { id: string; name: string; ags: string | null } } };
}
interface ParticipationsPage {
  participations: { totalCount: number; edges: { node: { id: string; state: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Runs one page query after another from no cursor until the last page; returns the ids seen and the pages' totals. */
async function pageThrough(fetchPage: (after: string | null) => Promise<ParticipationsPage>) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  // Bounded: twice the pages the dataset needs, so a cursor that never ends fails the test.
  for (let page = 0; page < 2 * Math.ceil(ALL_IDS.length / PAGE_SIZE); page++) {
    const { participations } = await fetchPage(after);
    totals.add(participations.totalCount);
    ids.push(...participations.edges.map((e) => e.node.id));
    if (!participations.pageInfo.hasNextPage) return { ids, totals };
    after = participations.pageInfo.endCursor;
  }
  throw new Error("the cursor never reached the last page");
}

function expectTenthPartnership(data: TenthPartnership | undefined | null) {
  expect(data?.saarland.partnershipByOrdinal).toMatchObject({
    id: "SL-P-10",
    ordinal: 10,
    municipality: { id: bexbach.id, name: "Bexbach", ags: bexbach.ags },
  });
}

function expectEveryParticipation({ ids, totals }: { ids: string[]; totals: Set<number> }) {
  expect([...totals]).toEqual([ALL_IDS.length]);
  expect(ids).toHaveLength(ALL_IDS.length);
  expect([...ids].sort()).toEqual(ALL_IDS);
}

describe("GraphQL clients with their default settings", () => {
  let federation: RunningFederation;
  /** The global fetch every client uses by default, watched to see which method each one picks. */
  let fetchSpy: MockInstance<typeof fetch> | undefined;

  beforeAll(async () => {
    federation = await startFederation();
  });

  afterAll(async () => {
    await federation?.close();
  });

  afterEach(() => {
    fetchSpy?.mockRestore();
  });

  /** The method and content type of each request the client sent to the gateway. */
  function watchGatewayRequests() {
    const spy = vi.spyOn(globalThis, "fetch");
    fetchSpy = spy;
    return () =>
      spy.mock.calls
        .map(([input, init]) => {
          const req = input instanceof Request ? input : new Request(input, init);
          return { url: req.url.split("?")[0], method: req.method, contentType: req.headers.get("content-type") };
        })
        .filter((r) => r.url === federation.gatewayUrl);
  }

  it("Apollo Client (HttpLink, InMemoryCache) runs a query and pages through every participation", async () => {
    const sent = watchGatewayRequests();
    const client = new ApolloClient({ link: new HttpLink({ uri: federation.gatewayUrl }), cache: new InMemoryCache() });
    try {
      const tenth = await client.query<TenthPartnership>({ query: gql(TENTH_PARTNERSHIP) });
      expect(tenth.error).toBeUndefined();
      expectTenthPartnership(tenth.data);

      const pages = await pageThrough(async (after) => {
        const res = await client.query<ParticipationsPage>({ query: gql(PARTICIPATIONS_PAGE), variables: { first: PAGE_SIZE, after } });
        expect(res.error).toBeUndefined();
        return res.data!;
      });
      expectEveryParticipation(pages);
      expect(new Set(sent().map((r) => r.method))).toEqual(new Set(["POST"]));
    } finally {
      client.stop();
    }
  });

  it("urql (cacheExchange, fetchExchange) sends queries as GET with no content type, and they are answered", async () => {
    const sent = watchGatewayRequests();
    const client = createClient({ url: federation.gatewayUrl, exchanges: [cacheExchange, fetchExchange] });

    const tenth = await client.query<TenthPartnership>(TENTH_PARTNERSHIP, {}).toPromise();
    expect(tenth.error).toBeUndefined();
    expectTenthPartnership(tenth.data);

    const pages = await pageThrough(async (after) => {
      const res = await client.query<ParticipationsPage>(PARTICIPATIONS_PAGE, { first: PAGE_SIZE, after }).toPromise();
      expect(res.error).toBeUndefined();
      return res.data!;
    });
    expectEveryParticipation(pages);
    // urql's default (`preferGetMethod: "within-url-limit"`) is the case a CSRF rule on GET would break.
    const requests = sent();
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.every((r) => r.method === "GET" && r.contentType === null)).toBe(true);
  });

  it("graphql-request runs a query and pages through every participation", async () => {
    const sent = watchGatewayRequests();
    // `request` throws on any error in the answer, so reaching the checks means there was none.
    expectTenthPartnership(await request<TenthPartnership>(federation.gatewayUrl, TENTH_PARTNERSHIP));
    const pages = await pageThrough((after) => request<ParticipationsPage>(federation.gatewayUrl, PARTICIPATIONS_PAGE, { first: PAGE_SIZE, after }));
    expectEveryParticipation(pages);
    expect(new Set(sent().map((r) => r.method))).toEqual(new Set(["POST"]));
  });
});
