import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { readSupergraphSdl } from "@laenderhub/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// The committed supergraph is plain Federation 2: besides our gateway (Hive Gateway's runtime)
// Apollo's runtime serves it too, with the same answers, so no deployment is tied to one.

const QUERIES = [
  `{ saarland { partnershipByOrdinal(n: 10) { id signedOn { iso precision } signatories { name role } municipality { name ags district { name } } } } }`,
  `{ comparison { states { state participations municipalities firstSignedOn latestSignedOn } } }`,
  `{ participations(first: 5, orderBy: SIGNED_ON, direction: DESC) { totalCount edges { node { __typename id state signedOn { iso } municipality { name }
     ... on SaarlandSecurityPartnership { ordinal } ... on AsskommMembership { polizeidirektion } } } } }`,
];

describe("the committed supergraph on a second Federation runtime", () => {
  let federation: RunningFederation;
  let apollo: ApolloServer;

  beforeAll(async () => {
    federation = await startFederation({ edge: { cache: { enabled: false } } });
    const urls: Record<string, string> = {
      saarland: federation.servers.get("SL")!.url,
      sachsen: federation.servers.get("SN")!.url,
      "sachsen-anhalt": federation.servers.get("ST")!.url,
      compare: federation.compareUrl,
    };
    // No usage exporter (it would probe cloud metadata addresses): vitest.shared.ts sets this.
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe("true");
    const gateway = new ApolloGateway({ supergraphSdl: readSupergraphSdl(), buildService: ({ name }) => new RemoteGraphQLDataSource({ url: urls[name]! }) });
    apollo = new ApolloServer({ gateway });
    await apollo.start();
  });

  afterAll(async () => {
    await apollo?.stop();
    await federation?.close();
  });

  it.each(QUERIES)("answers as our gateway does: %s", async (query) => {
    const ours = await federation.post(query);
    expect(ours.errors).toBeUndefined();
    const res = await apollo.executeOperation({ query });
    const theirs = res.body.kind === "single" ? res.body.singleResult : null;
    expect(theirs?.errors).toBeUndefined();
    expect(theirs?.data).toEqual(ours.data);
  });
});
