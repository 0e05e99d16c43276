/** Where a benchmark query is sent. */
export type Endpoint = "gateway" | "compare";

/** A representative dashboard query and the shape of a right answer. */
export interface BenchQuery {
  /** Short name for the table. */
  name: string;
  endpoint: Endpoint;
  query: string;
  /** Returns why `data` is not a right answer, or null (the load runner counts it as an error). */
  check(data: any): string | null;
}

// Interface fields only: the compare subgraph resolves all of them itself, so the same text can
// be sent to compare directly and through the gateway, and the two measure the gateway alone.
const PARTICIPATION_FIELDS = `
  __typename id state instrument status
  signedOn { iso precision }
  municipality { id name ags district { name } }
  sources { url publisher publishedOn }`;

function participationsQuery(stateSpecific: string): string {
  return `query BenchParticipations {
  participations(first: 50, orderBy: SIGNED_ON, direction: DESC) {
    totalCount
    edges { cursor node { ${PARTICIPATION_FIELDS}${stateSpecific} } }
    pageInfo { hasNextPage endCursor }
    unavailableStates { state }
  }
}`;
}

function checkParticipationPage(data: any): string | null {
  const page = data?.participations;
  if (!page) return "no participations";
  if (page.unavailableStates?.length) return `unavailable states: ${JSON.stringify(page.unavailableStates)}`;
  const expected = Math.min(50, page.totalCount);
  if (expected === 0 || page.edges?.length !== expected) return `expected ${expected} edges, got ${page.edges?.length}`;
  return null;
}

/**
 * The queries the benchmark measures, in table order. The first is the baseline of the p50
 * ratios; the last two are the same text through the gateway and to compare directly.
 */
export const BENCH_QUERIES: readonly BenchQuery[] = [
  {
    name: "saarland partnerships",
    endpoint: "gateway",
    // One state's namespace, with each municipality resolved from compare's gazetteer.
    query: `query BenchSaarland {
  saarland {
    partnerships(first: 50) {
      totalCount
      items {
        id ordinal
        signedOn { iso precision }
        signatories { name role }
        sources { url publisher publishedOn }
        municipality { id name ags district { key name } }
      }
    }
  }
}`,
    check(data) {
      const page = data?.saarland?.partnerships;
      if (!page || page.totalCount === 0 || page.items?.length !== page.totalCount) return `expected every partnership, got ${page?.items?.length} of ${page?.totalCount}`;
      if (page.items.some((p: any) => typeof p.municipality?.name !== "string")) return "a partnership without its municipality";
      return null;
    },
  },
  {
    name: "participations+fragments",
    endpoint: "gateway",
    // The state-specific fields make the gateway fetch entities from the owning states.
    query: participationsQuery(`
  ... on SaarlandSecurityPartnership { ordinal }
  ... on AsskommMembership { polizeidirektion }`),
    check(data) {
      const problem = checkParticipationPage(data);
      if (problem) return problem;
      for (const { node } of data.participations.edges) {
        if (node.__typename === "SaarlandSecurityPartnership" && !("ordinal" in node)) return `${node.id} without ordinal`;
        if (node.__typename === "AsskommMembership" && !("polizeidirektion" in node)) return `${node.id} without polizeidirektion`;
      }
      return null;
    },
  },
  {
    name: "comparison by year",
    endpoint: "gateway",
    query: `query BenchComparison {
  comparison(period: YEAR) {
    states { state name participations municipalities undatedParticipations firstSignedOn latestSignedOn }
    timeline { period state participations cumulativeParticipations }
    unavailableStates { state }
  }
}`,
    check(data) {
      const c = data?.comparison;
      if (!c) return "no comparison";
      if (c.unavailableStates?.length) return `unavailable states: ${JSON.stringify(c.unavailableStates)}`;
      if (c.states?.length !== 3) return `expected 3 states, got ${c.states?.length}`;
      if (!c.timeline?.length) return "empty timeline";
      return null;
    },
  },
  {
    name: "people first 10",
    endpoint: "gateway",
    query: `query BenchPeople {
  people(first: 10) {
    name states agreementsSigned agreementCount roles
    agreements { agreementId state signed role signedOn }
  }
}`,
    check(data) {
      return data?.people?.length === 10 ? null : `expected 10 people, got ${data?.people?.length}`;
    },
  },
  {
    name: "participations (gateway)",
    endpoint: "gateway",
    query: participationsQuery(""),
    check: checkParticipationPage,
  },
  {
    name: "participations (compare)",
    endpoint: "compare",
    query: participationsQuery(""),
    check: checkParticipationPage,
  },
];
