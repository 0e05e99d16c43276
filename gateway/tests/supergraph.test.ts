import { ApolloGateway } from "@apollo/gateway";
import type { GraphQLSchema } from "graphql";
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { composeSupergraph, subgraphSchemaPath, type ComposedSupergraph } from "../src/compose.js";
import { readSupergraphSdl, SUPERGRAPH_PATH } from "../src/supergraph.js";

const STALE = "is out of date with the subgraphs' code: run `npm run compose` and commit the result";

/** The API schema the gateway serves for a supergraph (no network: nothing is fetched on load). */
async function apiSchemaOf(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl });
  try {
    const { schema } = await gateway.load();
    return schema;
  } finally {
    await gateway.stop();
  }
}

function fieldNames(schema: GraphQLSchema): string[] {
  const names: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    // Duck-typed: @apollo/gateway builds the schema with its own (CommonJS) copy of graphql.
    const withFields = type as { getFields?: () => Record<string, unknown> };
    if (typeof withFields.getFields === "function") {
      for (const field of Object.keys(withFields.getFields())) names.push(`${type.name}.${field}`);
    }
  }
  return names;
}

describe("committed supergraph", () => {
  let composed: ComposedSupergraph;

  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it("composes every subgraph with the registry's local URLs", () => {
    expect(composed.subgraphs.map((s) => [s.name, s.url])).toEqual([
      ["saarland", "http://localhost:4001/graphql"],
      ["sachsen", "http://localhost:4002/graphql"],
      ["sachsen-anhalt", "http://localhost:4003/graphql"],
      ["compare", "http://localhost:4010/graphql"],
    ]);
  });

  it("gateway/supergraph.graphql matches what the subgraphs compose to", () => {
    expect(existsSync(SUPERGRAPH_PATH), `gateway/supergraph.graphql is missing: run \`npm run compose\``).toBe(true);
    expect(readSupergraphSdl() === composed.supergraphSdl, `gateway/supergraph.graphql ${STALE}`).toBe(true);
  });

  it("every subgraphs/<name>/schema.graphql matches the subgraph's printed SDL", () => {
    for (const s of composed.subgraphs) {
      const path = subgraphSchemaPath(s.name);
      expect(existsSync(path), `subgraphs/${s.name}/schema.graphql is missing: run \`npm run compose\``).toBe(true);
      expect(readFileSync(path, "utf8") === s.sdl, `subgraphs/${s.name}/schema.graphql ${STALE}`).toBe(true);
    }
  });

  it("keeps the comparative contract out of the public API", async () => {
    // The contract is in the supergraph (composition checks it across states) ...
    expect(composed.supergraphSdl).toMatch(/_comparativeParticipations\(/);
    // ... but @inaccessible keeps it out of what clients see.
    for (const sdl of [readSupergraphSdl(), composed.supergraphSdl]) {
      const names = fieldNames(await apiSchemaOf(sdl));
      expect(names).toContain("Query.municipality");
      expect(names.filter((n) => n.split(".")[1]!.startsWith("_comparative"))).toEqual([]);
    }
  });
});
