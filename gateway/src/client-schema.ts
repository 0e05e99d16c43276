import { printSchema as printFederationSchema, Supergraph } from "@apollo/federation-internals";
import { buildSchema, isAbstractType, isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { fileURLToPath } from "node:url";

/** The client-facing schema, written by `npm run compose` for code generators and reviews. */
export const CLIENT_SCHEMA_PATH = fileURLToPath(new URL("../api.graphql", import.meta.url));
/** How a client cache identifies each object type, written by `npm run compose` (docs/API.md). */
export const CACHE_KEYS_PATH = fileURLToPath(new URL("../cache-keys.json", import.meta.url));
/** Apollo Client's `possibleTypes` (and urql graphcache's schema hints), written by `npm run compose`. */
export const POSSIBLE_TYPES_PATH = fileURLToPath(new URL("../possibleTypes.json", import.meta.url));

const HEADER = [
  "# The public API of laenderhub as clients see it: the committed supergraph without its",
  "# federation machinery and @inaccessible contract. Written by `npm run compose`; do not edit.",
  "",
].join("\n");

/** What clients see of a supergraph: its API schema, without @inaccessible elements or join__ machinery. */
export function clientSchema(supergraphSdl: string): GraphQLSchema {
  // Through SDL text: federation-internals may load another copy of graphql-js than this module
  // (CommonJS and ESM), and graphql-js refuses types from another copy.
  return lexicographicSortSchema(buildSchema(printFederationSchema(Supergraph.build(supergraphSdl).apiSchema())));
}

/** The client schema as SDL text, sorted so that a review shows only what changed. */
export function printClientSchema(schema: GraphQLSchema): string {
  return `${HEADER}${printSchema(schema).trimEnd()}\n`;
}

/**
 * Every interface and union with the object types behind it, in the shape Apollo Client's
 * `possibleTypes` takes: without it a fragment on `Participation` matches nothing in the cache.
 */
export function possibleTypesOf(schema: GraphQLSchema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !isAbstractType(type)) continue;
    out[type.name] = schema.getPossibleTypes(type).map((t) => t.name).sort();
  }
  return out;
}

/**
 * Object types whose identity is not an `id`: a natural key (a state's code, a district's key),
 * or none at all for the state namespaces, of which there is one each.
 */
export const NATURAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  State: ["code"],
  District: ["key"],
  Person: ["normalisedName"],
  Saarland: [],
  Sachsen: [],
  SachsenAnhalt: [],
  SaarlandIndicatorSeries: ["indicator"],
  AsskommIndicatorSeries: ["indicator"],
  SachsenAnhaltIndicatorSeries: ["indicator"],
};

/** Every object type a client can cache, by how it is identified. */
export interface CacheKeys {
  /** Types identified by other fields than `id`; an empty list: the one object of its type. */
  keys: Record<string, string[]>;
  /** Types with an `id: ID!` (the default of Apollo Client and urql). */
  byId: string[];
  /** Values: no identity, cached inside their parent (dates, sources, pages, aggregates). */
  values: string[];
}

/** Sorts every object type of the client schema into keyed by id, keyed otherwise, or a value. */
export function cacheKeysOf(schema: GraphQLSchema): CacheKeys {
  const out: CacheKeys = { keys: {}, byId: [], values: [] };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !isObjectType(type) || [schema.getQueryType(), schema.getMutationType()].includes(type)) continue;
    const natural = NATURAL_KEYS[type.name];
    if (natural) out.keys[type.name] = [...natural];
    else if (type.getFields().id) out.byId.push(type.name);
    else out.values.push(type.name);
  }
  return out;
}
