import { InMemoryCache, type TypePolicies } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { cacheExchange, type CacheExchangeOpts, type KeyingConfig } from "@urql/exchange-graphcache";
import { relayPagination } from "@urql/exchange-graphcache/extras";
import { buildSchema, introspectionFromSchema } from "graphql";
import { readFileSync } from "node:fs";

// The client configurations docs/API.md gives, as code the client tests run. Both read the two
// files `npm run compose` publishes next to the supergraph; a dashboard imports them the same way
// (or copies them), so a new state or type needs no change here.

const gatewayFile = (file: string): string => readFileSync(new URL(`../../gateway/${file}`, import.meta.url), "utf8");
const fromGateway = (file: string): unknown => JSON.parse(gatewayFile(file));

/** `gateway/possibleTypes.json`: every interface and union with its object types. */
export const possibleTypes = fromGateway("possibleTypes.json") as Record<string, string[]>;

/** `gateway/cache-keys.json`: how each object type is identified (by id, by other fields, or a value). */
export const cacheKeys = fromGateway("cache-keys.json") as { keys: Record<string, string[]>; byId: string[]; values: string[] };

/**
 * The root connections and the arguments that make a different list: a page of another filter
 * or order is never merged into this one (relayStylePagination's default keyArgs is `false`,
 * which serves the wrong list after a filter change).
 */
export const CONNECTION_KEY_ARGS: Record<string, string[]> = {
  participations: ["filter", "orderBy", "direction"],
  municipalities: ["filter"],
  events: ["filter"],
  indicators: ["filter"],
  people: ["filter"],
};

/** Apollo Client's cache for laenderhub: possibleTypes, keys, values and the paged root lists. */
export function laenderhubApolloCache(): InMemoryCache {
  const typePolicies: TypePolicies = {
    Query: { fields: Object.fromEntries(Object.entries(CONNECTION_KEY_ARGS).map(([field, keyArgs]) => [field, relayStylePagination(keyArgs)])) },
  };
  for (const [type, fields] of Object.entries(cacheKeys.keys)) typePolicies[type] = { keyFields: fields };
  // Values have no identity: they are stored inside their parent, and a newer answer is merged
  // into the older one instead of replacing it (which is what makes Apollo warn of lost data).
  for (const type of cacheKeys.values) typePolicies[type] = { keyFields: false, merge: true };
  return new InMemoryCache({ possibleTypes, typePolicies });
}

/**
 * How every laenderhub query is sent with Apollo Client: a partial answer (a state that did not
 * answer) keeps its data next to the error that names the missing state, instead of losing both.
 */
export const APOLLO_ERROR_POLICY = "all" as const;

/**
 * `gateway/api.graphql` as introspection data, which graphcache takes as its `schema` (a bundler
 * does this once at build time). With `possibleTypes` alone graphcache writes every fragment of
 * a result, also the ones of other types, and warns of their missing fields.
 */
export const apiIntrospection = introspectionFromSchema(buildSchema(gatewayFile("api.graphql")));

/** urql graphcache's options for laenderhub: the schema, keys, values and the paged root lists. */
export function laenderhubGraphcacheOptions(logger?: CacheExchangeOpts["logger"]): CacheExchangeOpts {
  const keys: KeyingConfig = {};
  for (const [type, fields] of Object.entries(cacheKeys.keys)) {
    keys[type] = fields.length === 0 ? () => type : (data) => fields.map((f) => String(data[f])).join(":");
  }
  for (const type of cacheKeys.values) keys[type] = () => null;
  const paged = Object.fromEntries(Object.keys(CONNECTION_KEY_ARGS).map((field) => [field, relayPagination()]));
  return { schema: apiIntrospection, keys, resolvers: { Query: paged }, ...(logger ? { logger } : {}) };
}

/** urql's graphcache exchange for laenderhub. */
export const laenderhubGraphcache = (logger?: CacheExchangeOpts["logger"]) => cacheExchange(laenderhubGraphcacheOptions(logger));
