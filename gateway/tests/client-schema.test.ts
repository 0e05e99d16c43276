import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CACHE_KEYS_PATH, cacheKeysOf, clientSchema, CLIENT_SCHEMA_PATH, possibleTypesOf, POSSIBLE_TYPES_PATH, printClientSchema } from "../src/client-schema.js";
import { readSupergraphSdl } from "../src/supergraph.js";

const STALE = "is out of date with gateway/supergraph.graphql: run `npm run compose` and commit the result";

describe("client files published by npm run compose", () => {
  const api = clientSchema(readSupergraphSdl());

  it("publishes the public API schema, without the contract or federation machinery", () => {
    const sdl = readFileSync(CLIENT_SCHEMA_PATH, "utf8");
    expect(sdl, `gateway/api.graphql ${STALE}`).toBe(printClientSchema(api));
    expect(sdl).not.toMatch(/_comparative|join__|link__/);
  });

  it("publishes possibleTypes: the three states' participation types behind Participation", () => {
    const possibleTypes = JSON.parse(readFileSync(POSSIBLE_TYPES_PATH, "utf8")) as Record<string, string[]>;
    expect(possibleTypes, `gateway/possibleTypes.json ${STALE}`).toEqual(possibleTypesOf(api));
    expect(possibleTypes.Participation).toEqual(["AsskommMembership", "SaarlandSecurityPartnership", "SachsenAnhaltLocalPartnership"]);
  });

  it("gives every object type a client caches an identity or declares it a value", () => {
    const keys = JSON.parse(readFileSync(CACHE_KEYS_PATH, "utf8")) as ReturnType<typeof cacheKeysOf>;
    expect(keys, `gateway/cache-keys.json ${STALE}`).toEqual(cacheKeysOf(api));
    const classified = new Set([...Object.keys(keys.keys), ...keys.byId, ...keys.values]);
    const objects = Object.values(api.getTypeMap()).filter((t) => !t.name.startsWith("__") && "getFields" in t && !("getPossibleTypes" in t) && t.constructor.name === "GraphQLObjectType");
    expect(objects.map((t) => t.name).filter((n) => !["Query", "Mutation"].includes(n) && !classified.has(n))).toEqual([]);
    // The examples: the namespaces, districts and states are keyed, a comparison is a value.
    expect(keys.keys).toMatchObject({ Saarland: [], Sachsen: [], SachsenAnhalt: [], District: ["key"], State: ["code"] });
    expect(keys.values).toContain("Comparison");
  });
});
