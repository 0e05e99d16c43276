/** A GraphQL request the benchmark sends, and how to tell a right answer from a wrong one. */
export interface BenchQuery {
  /** Short name for the table. */
  name: string;
  query: string;
  /** Returns why `data` is not a right answer, or null when it is. */
  check(data: any): string | null;
}

// Interface fields only: compare resolves all of them itself, so the same text can be sent to
// compare directly and through a gateway, and the difference is the gateway's alone.
const PARTICIPATION_FIELDS = `
  __typename id state instrument status
  signedOn { iso precision }
  municipality { id name ags district { name } }
  sources { url publisher publishedOn }`;

function participationsQuery(name: string, stateSpecific: string): string {
  return `query ${name} {
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

function saarlandQuery(name: string, municipality: string): string {
  return `query ${name} {
  saarland {
    partnerships(first: 50) {
      totalCount
      edges { node {
        id ordinal
        signedOn { iso precision }
        signatories { name role }
        sources { url publisher publishedOn }
        ${municipality}
      } }
    }
  }
}`;
}

function checkSaarlandPage(data: any, municipalityName: (p: any) => unknown): string | null {
  const page = data?.saarland?.partnerships;
  if (!page || page.totalCount === 0 || page.edges?.length !== Math.min(50, page.totalCount)) return `expected every partnership, got ${page?.edges?.length} of ${page?.totalCount}`;
  if (page.edges.some((e: any) => typeof municipalityName(e.node) !== "string")) return "a partnership without its municipality's name";
  return null;
}

/** The three dashboard queries, measured on every gateway, in table order. */
export const DASHBOARD_QUERIES: readonly BenchQuery[] = [
  {
    name: "one state + municipality",
    // One state's namespace; each municipality's name, AGS and district come from compare's gazetteer.
    query: saarlandQuery("BenchSaarland", "municipality { id name ags district { name } }"),
    check: (data) => checkSaarlandPage(data, (p) => p.municipality?.name),
  },
  {
    name: "participations(50) + fragments",
    // The state-specific fields make the gateway fetch entities from the owning states.
    query: participationsQuery(
      "BenchParticipations",
      `
  ... on SaarlandSecurityPartnership { ordinal }
  ... on AsskommMembership { polizeidirektion }`,
    ),
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
];

/**
 * The federation tax: texts that a gateway and one subgraph can both answer, so the two
 * figures differ only by the gateway. The one-state query with the register's own
 * municipality fields (the gateway's version above adds a hop to compare's gazetteer), and the
 * participations page with interface fields only (compare answers all of it).
 */
export const TAX_QUERIES = {
  saarland: {
    name: "one state, own fields",
    query: saarlandQuery("BenchSaarlandOwn", "registeredMunicipality { name ags district }"),
    check: (data) => checkSaarlandPage(data, (p) => p.registeredMunicipality?.name),
  },
  compare: {
    name: "participations(50)",
    query: participationsQuery("BenchParticipationsPlain", ""),
    check: checkParticipationPage,
  },
} as const satisfies Record<string, BenchQuery>;

/**
 * `participations(first: 1)` with `municipality { participations { … } }` nested `levels`
 * times: at 3 levels the query of issue 7 that made @apollo/gateway's planner run for seconds
 * (and out of memory at 4).
 */
export function nestedParticipationsQuery(levels: number): string {
  let inner = "id";
  for (let i = 1; i < levels; i++) inner = `municipality { participations { ${inner} } }`;
  return `{ participations(first: 1) { edges { node { municipality { participations { ${inner} } } } } } }`;
}

/** Every query the bench measures under load, each answerable through the gateway. */
export const BENCH_QUERIES: readonly BenchQuery[] = [...DASHBOARD_QUERIES, TAX_QUERIES.saarland, TAX_QUERIES.compare];
