import { ApolloClient, HttpLink, gql } from "@apollo/client";
import { loadDataset } from "@laenderhub/shared";
import { createClient, fetchExchange } from "@urql/core";
import { request } from "graphql-request";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { APOLLO_ERROR_POLICY, laenderhubApolloCache, laenderhubGraphcache } from "../clients/cache-config.js";
import { startFederation, type RunningFederation } from "../support/federation.js";

// Apollo Client and urql configured as docs/API.md says, against the real federation: they page
// through every participation under two filters and two orders, on one cache each, with fields of
// the shared interface, a state's own fields, a keyed municipality with its district and state,
// and values (dates, notes, sources). The lists must be the server's, and the caches silent.

const dataset = loadDataset();
const PAGE_SIZE = 7;

const PAGE = /* GraphQL */ `
  query Participations($filter: ParticipationFilterInput, $orderBy: ParticipationOrder, $direction: SortDirection, $first: Int!, $after: String) {
    participations(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          __typename id state instrument
          signedOn { iso precision }
          ...Shared
          ... on AsskommMembership { stage polizeidirektion }
          municipality { id name district { key name } state { code name } }
        }
      }
      pageInfo { hasNextPage endCursor }
      unavailableStates { state }
    }
  }
  fragment Shared on Participation { ordinal format place effectiveOn { iso } notes { text } sources { url } }
`;

/** Two filters and two orders; a cache that mixed two of them would serve a wrong list. */
const CASES = [
  { name: "Sachsen by signing date", filter: { states: ["SN"] }, orderBy: "SIGNED_ON", direction: "ASC" },
  { name: "Sachsen by state, descending", filter: { states: ["SN"] }, orderBy: "STATE", direction: "DESC" },
  { name: "cooperation agreements by signing date", filter: { instruments: ["COOPERATION_AGREEMENT"] }, orderBy: "SIGNED_ON", direction: "ASC" },
  { name: "cooperation agreements by name, descending", filter: { instruments: ["COOPERATION_AGREEMENT"] }, orderBy: "MUNICIPALITY_NAME", direction: "DESC" },
] as const;

interface Page {
  participations: { totalCount: number; edges: { cursor: string; node: { id: string; notes: { text: string }[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const expectedIds = (c: (typeof CASES)[number]) =>
  dataset.participations.filter((p) => ("states" in c.filter ? c.filter.states.includes(p.state as "SN") : p.instrument === "COOPERATION_AGREEMENT")).map((p) => p.id).sort();

/**
 * Pages through every case at once, round-robin (a page of each case in turn), the way a
 * dashboard's lists interleave: a cache that keyed the lists by too few arguments would append
 * one case's page to another's list. With relay pagination in the cache each answer holds every
 * page of its list so far; the last answer of a case is the client's whole list.
 */
async function pageThroughAll(fetchPage: (c: (typeof CASES)[number], after: string | null) => Promise<Page>, pages: number): Promise<Map<string, string[]>> {
  const lists = new Map<string, string[]>();
  const cursors = new Map<string, string | null>(CASES.map((c) => [c.name, null]));
  for (let round = 0; round <= pages && cursors.size > 0; round++) {
    for (const c of CASES) {
      if (!cursors.has(c.name)) continue;
      const { participations } = await fetchPage(c, cursors.get(c.name)!);
      lists.set(c.name, participations.edges.map((e) => e.node.id));
      if (participations.pageInfo.hasNextPage) cursors.set(c.name, participations.pageInfo.endCursor);
      else cursors.delete(c.name);
    }
  }
  if (cursors.size > 0) throw new Error(`the cursor never reached the last page of ${[...cursors.keys()].join(", ")}`);
  return lists;
}

describe("Apollo Client and urql configured as docs/API.md says", () => {
  let federation: RunningFederation;
  let warnings: string[];
  let spies: MockInstance[];
  /** Each case's list in one page of the server, uncached: what the clients must end up with. */
  const serverLists = new Map<string, string[]>();

  beforeAll(async () => {
    federation = await startFederation();
    for (const c of CASES) {
      const one = await request<Page>(federation.gatewayUrl, PAGE, { ...c, first: 200 });
      expect(one.participations.pageInfo.hasNextPage).toBe(false);
      const ids = one.participations.edges.map((e) => e.node.id);
      expect([...ids].sort(), c.name).toEqual(expectedIds(c));
      expect(ids.length, c.name).toBeGreaterThan(PAGE_SIZE);
      serverLists.set(c.name, ids);
    }
  });

  afterAll(async () => {
    await federation?.close();
  });

  /** Bounded: the pages the longest list needs, so a cursor that never ends fails the test. */
  const maxPages = () => Math.max(...[...serverLists.values()].map((l) => Math.ceil(l.length / PAGE_SIZE)));

  beforeEachWarningWatch();

  function beforeEachWarningWatch() {
    // Apollo Client reports cache trouble ("Cache data may be lost…", missing fields) on the console.
    afterEach(() => {
      for (const spy of spies ?? []) spy.mockRestore();
    });
  }

  function watchWarnings() {
    warnings = [];
    const record = (...args: unknown[]) => void warnings.push(args.map(String).join(" "));
    spies = [vi.spyOn(console, "warn").mockImplementation(record), vi.spyOn(console, "error").mockImplementation(record)];
  }

  it("Apollo Client (possibleTypes, type policies, keyArgs, errorPolicy all) pages every case into the server's list, without a warning", async () => {
    watchWarnings();
    const client = new ApolloClient({ link: new HttpLink({ uri: federation.gatewayUrl }), cache: laenderhubApolloCache() });
    try {
      const lists = await pageThroughAll(async (c, after) => {
        const res = await client.query<Page>({ query: gql(PAGE), variables: { ...c, first: PAGE_SIZE, after }, errorPolicy: APOLLO_ERROR_POLICY, fetchPolicy: "network-only" });
        expect(res.error).toBeUndefined();
        return res.data!;
      }, maxPages());
      for (const c of CASES) expect(lists.get(c.name), c.name).toEqual(serverLists.get(c.name));
      // The interface fragment matched (possibleTypes): notes are there for every participation.
      const again = await client.query<Page>({ query: gql(PAGE), variables: { ...CASES[0], first: PAGE_SIZE, after: null }, errorPolicy: APOLLO_ERROR_POLICY });
      expect(again.data!.participations.edges.every((e) => Array.isArray(e.node.notes))).toBe(true);
    } finally {
      client.stop();
    }
    expect(warnings).toEqual([]);
  });

  it("urql (graphcache schema, keys, relayPagination) pages every case into the server's list, without a warning", async () => {
    watchWarnings();
    const logged: string[] = [];
    const client = createClient({
      url: federation.gatewayUrl,
      exchanges: [laenderhubGraphcache((severity, message) => void (severity !== "debug" && logged.push(`${severity}: ${message}`))), fetchExchange],
    });
    const lists = await pageThroughAll(async (c, after) => {
      const res = await client.query<Page>(PAGE, { ...c, first: PAGE_SIZE, after }).toPromise();
      expect(res.error).toBeUndefined();
      return res.data!;
    }, maxPages());
    for (const c of CASES) expect(lists.get(c.name), c.name).toEqual(serverLists.get(c.name));
    expect(logged).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
