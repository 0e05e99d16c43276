import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { printSaarlandSchema } from "@laenderhub/subgraph-saarland";
import { printSachsenSchema } from "@laenderhub/subgraph-sachsen";
import { printSachsenAnhaltSchema } from "@laenderhub/subgraph-sachsen-anhalt";
import { printCompareSchema } from "../src/index.js";

describe("composition with the state subgraphs", () => {
  it("composes into one supergraph whose public API hides the contract and offers the comparative fields", async () => {
    const services = [
      { name: "compare", url: "http://localhost:4010/graphql", typeDefs: parse(await printCompareSchema()) },
      { name: "saarland", url: "http://localhost:4001/graphql", typeDefs: parse(await printSaarlandSchema()) },
      { name: "sachsen", url: "http://localhost:4002/graphql", typeDefs: parse(await printSachsenSchema()) },
      { name: "sachsen-anhalt", url: "http://localhost:4003/graphql", typeDefs: parse(await printSachsenAnhaltSchema()) },
    ];
    const result = composeServices(services);
    expect(result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`) ?? []).toEqual([]);
    const api = result.schema!.toAPISchema().toGraphQLJSSchema();
    const query = api.getQueryType()!.getFields();
    for (const field of ["participations", "comparison", "municipality", "municipalities", "people", "states", "programmes", "events", "indicators"]) {
      expect(query[field], field).toBeDefined();
    }
    expect(Object.keys(query).filter((f) => f.startsWith("_comparative"))).toEqual([]);
  });
});
