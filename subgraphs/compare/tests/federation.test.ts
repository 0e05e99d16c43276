import { composeServices } from "@apollo/composition";
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, STATE_SUBGRAPHS, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, printSaarlandSchema } from "@laenderhub/subgraph-saarland";
import { createSachsenSubgraph, printSachsenSchema } from "@laenderhub/subgraph-sachsen";
import { createSachsenAnhaltSubgraph, printSachsenAnhaltSchema } from "@laenderhub/subgraph-sachsen-anhalt";
import { printCompareSchema } from "../src/index.js";
import { createTestCompare } from "./support/service.js";

/*
 * Federation through a gateway in-process: compare answers the comparative fields and returns
 * each state's concrete type, and the gateway fetches that state's own fields from the owning
 * subgraph. Proves the plan the design relies on, with the real state subgraphs.
 */

const data = loadDataset();

describe("comparative API through a gateway", () => {
  const services: SubgraphService<any>[] = [];
  const stops: (() => Promise<void>)[] = [];
  let server: ApolloServer;
  let stopSachsenAnhalt: () => Promise<void>;

  beforeAll(async () => {
    const urls = new Map<string, string>();
    const registry = [];
    for (const [code, create] of [
      [StateCode.SL, () => createSaarlandSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.SN, () => createSachsenSubgraph({ databaseUrl: ":memory:" })],
      [StateCode.ST, () => createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" })],
    ] as const) {
      const service = await create();
      services.push(service);
      const http = await service.listen(0);
      if (code === StateCode.ST) stopSachsenAnhalt = http.stop;
      const { defaultPort: _p, ...entry } = STATE_SUBGRAPHS.find((s) => s.code === code)!;
      registry.push({ ...entry, url: http.url });
      urls.set(entry.subgraph, http.url);
    }
    const { service: compare } = await createTestCompare(registry);
    services.push(compare);
    urls.set("compare", (await compare.listen(0)).url);

    const sdl = { compare: await printCompareSchema(), saarland: await printSaarlandSchema(), sachsen: await printSachsenSchema(), "sachsen-anhalt": await printSachsenAnhaltSchema() };
    const composed = composeServices(Object.entries(sdl).map(([name, s]) => ({ name, url: urls.get(name)!, typeDefs: parse(s) })));
    expect(composed.errors ?? []).toEqual([]);
    const gateway = new ApolloGateway({ supergraphSdl: composed.supergraphSdl!, buildService: ({ url }) => new RemoteGraphQLDataSource({ url }) });
    server = new ApolloServer({ gateway: gateway as never });
    await server.start();
    stops.push(() => server.stop());
  });
  afterAll(async () => {
    for (const stop of stops) await stop();
    await Promise.all(services.map((s) => s.close()));
  });

  it("returns participations across states with each state's own fields and the gazetteer's municipality", async () => {
    const response = await server.executeOperation({
      query: `{ participations(filter: { states: [SL] }, orderBy: SIGNED_ON, first: 20) {
        totalCount
        edges { node { __typename id signedOn { iso } municipality { name ags district { name population } }
          ... on SaarlandSecurityPartnership { ordinal } } } } }`,
    });
    const result = (response.body as { singleResult: { data?: any; errors?: unknown[] } }).singleResult;
    expect(result.errors).toBeUndefined();
    const bexbach = result.data.participations.edges.map((e: any) => e.node).find((n: any) => n.id === "SL-P-10");
    const raw = data.participations.find((p) => p.id === "SL-P-10")!;
    const municipality = data.municipalities.find((m) => m.id === raw.municipality_id)!;
    expect(bexbach).toMatchObject({
      __typename: "SaarlandSecurityPartnership",
      ordinal: raw.ordinal,
      signedOn: { iso: raw.signed_date },
      municipality: { name: municipality.name, ags: municipality.ags, district: { name: municipality.landkreis } },
    });
    expect(result.data.participations.totalCount).toBe(data.participations.filter((p) => p.state === "SL").length);
  });

  it("passes the partial answer and the STATE_UNAVAILABLE error through the gateway", async () => {
    await stopSachsenAnhalt();
    const response = await server.executeOperation({ query: `{ participations(first: 100) { totalCount unavailableStates { state } edges { node { id } } } }` });
    const result = (response.body as { singleResult: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } }).singleResult;
    expect(result.data.participations.totalCount).toBe(data.participations.filter((p) => p.state !== "ST").length);
    expect(result.data.participations.unavailableStates).toEqual([{ state: "ST" }]);
    const error = result.errors?.find((e) => e.extensions?.code === "STATE_UNAVAILABLE");
    expect(error?.message).toContain("Sachsen-Anhalt (ST)");
  });
});
