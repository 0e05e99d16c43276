/**
 * Example operations the bundled explorer opens with: the README's questions, each in a tab,
 * so a researcher who has never written GraphQL starts from a working query.
 */
export const EXAMPLE_OPERATIONS: { query: string }[] = [
  {
    query: `# Saarland's tenth security partnership, with who signed it and the sources
query TenthSaarlandPartnership {
  saarland {
    partnershipByOrdinal(n: 10) {
      id
      signedOn { iso precision }
      signatories { name role }
      sources { publisher publishedOn }
      municipality { name ags district { name } }
    }
  }
}
`,
  },
  {
    query: `# The three states side by side: how many municipalities take part, since when
query CompareStates {
  comparison(period: YEAR) {
    states { state participations municipalities firstSignedOn latestSignedOn }
    timeline { period state participations cumulativeParticipations }
    byInstrument { state instrument participations }
    unavailableStates { state name reason }
  }
}
`,
  },
  {
    query: `# The latest participations across states, with each state's own fields
query LatestParticipations {
  participations(first: 10, orderBy: SIGNED_ON, direction: DESC) {
    totalCount
    edges {
      node {
        __typename id state ordinal format place signedOn { iso precision } municipality { name ags }
        ... on AsskommMembership { stage polizeidirektion }
        ... on SachsenAnhaltLocalPartnership { policePartner { name } }
      }
    }
    pageInfo { hasNextPage endCursor }
    unavailableStates { state }
  }
}
`,
  },
  {
    query: `# One municipality by its official key (AGS), with everything it takes part in
query Municipality {
  municipality(ags: "14521590") {
    id name type
    district { name population }
    participations { __typename id instrument signedOn { iso precision } }
  }
}
`,
  },
];
