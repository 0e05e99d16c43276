import { createLogger, resolveRegistry } from "@laenderhub/shared";
import { getIntrospectionQuery } from "graphql";
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { composeSupergraph, subgraphSchemaPath, type ComposedSupergraph } from "../src/compose.js";
import { createGateway } from "../src/index.js";
import { readSupergraphSdl, SUPERGRAPH_PATH } from "../src/supergraph.js";

const STALE = "is out of date with the subgraphs' code: run `npm run compose` and commit the result";

/**
 * Every `Type.field` a client of the gateway can see, by introspection through the production
 * factory's runtime (no socket, no subgraph: introspection is answered by the gateway).
 */
async function publicFieldNames(supergraphSdl: string): Promise<string[]> {
  const gateway = createGateway({ supergraphSdl, registry: resolveRegistry({}), compareUrl: "http://compare.invalid/graphql", logger: createLogger("t", "silent") });
  try {
    const body = JSON.stringify({ query: getIntrospectionQuery() });
    const res = await gateway.runtime.fetch("http://gateway.test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    const answer = (await res.json()) as { data: { __schema: { types: { name: string; fields: { name: string }[] | null }[] } } };
    return answer.data.__schema.types.filter((t) => !t.name.startsWith("__")).flatMap((t) => (t.fields ?? []).map((f) => `${t.name}.${f.name}`));
  } finally {
    await gateway.close();
  }
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
      const names = await publicFieldNames(sdl);
      expect(names).toContain("Query.municipality");
      expect(names.filter((n) => n.split(".")[1]!.startsWith("_comparative"))).toEqual([]);
    }
  });
});
