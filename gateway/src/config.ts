import { DEFAULT_BREAKER_SETTINGS, type BreakerSettings } from "@laenderhub/shared";
import { z } from "zod";

/**
 * Everything the public edge does, as one typed declaration (the shape of Hive Gateway's
 * `defineConfig`): limits, browsers, caching and observability. `main.ts` builds it from the
 * environment; tests build it in code. Every field has a default that no query in the README,
 * the tests or the dashboard comes near.
 */
export interface EdgeConfig {
  limits: QueryLimits;
  /** Origins allowed to call the API from a browser, besides the gateway's own. */
  corsOrigins: readonly string[];
  cache: CacheConfig;
  /** Deadline for one subgraph fetch. */
  subgraphTimeoutMs: number;
  /** Per-subgraph circuit breakers: consecutive failures that open one, and when it probes again. */
  breaker: BreakerSettings;
  /** Introspection, the GraphiQL explorer and the landing page. */
  introspection: boolean;
  /** Prometheus metrics at `/metrics`. */
  metrics: boolean;
  /** OTLP/HTTP endpoint for traces (e.g. `http://127.0.0.1:4318/v1/traces`); none: no tracing. */
  otlpTracesUrl: string | null;
}

/** Limits applied to every request before its query is planned. */
export interface QueryLimits {
  /** Deepest selection (fields nested in fields), fragments included. */
  maxDepth: number;
  /** Aliases in one operation. */
  maxAliases: number;
  /** Lexical tokens in the document (parsing stops at the limit). */
  maxTokens: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** graphql-armor's cost: objects and scalars weighted by depth. */
  maxCost: number;
  /** Request body in bytes. */
  maxBodyBytes: number;
}

export interface CacheConfig {
  /** Response cache for anonymous queries. */
  enabled: boolean;
  /** How long a cached answer may be served, in seconds (writes through the gateway flush it earlier). */
  ttlSeconds: number;
  /** `max-age` of `cache-control` on anonymous GET answers without errors; 0 sends `no-store`. */
  httpMaxAgeSeconds: number;
  /** Shared store for several gateways (`redis://…`); none: in-process. */
  redisUrl: string | null;
}

/**
 * Defaults measured against every operation the project ships (README, tests, dashboard):
 * the deepest is 9 levels with 31 aliases; the limits leave room for real dashboards while a
 * 50-level or 1,000-alias query is refused before planning.
 */
export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxAliases: 50,
  maxTokens: 5_000,
  maxDirectives: 50,
  maxCost: 20_000,
  maxBodyBytes: 100_000,
};

export const DEFAULT_EDGE_CONFIG: EdgeConfig = {
  limits: DEFAULT_LIMITS,
  corsOrigins: [],
  cache: { enabled: true, ttlSeconds: 300, httpMaxAgeSeconds: 60, redisUrl: null },
  subgraphTimeoutMs: 10_000,
  breaker: DEFAULT_BREAKER_SETTINGS,
  introspection: true,
  metrics: true,
  otlpTracesUrl: null,
};

/** A partial EdgeConfig, deep-merged over the defaults. */
export type EdgeConfigInput = Partial<Omit<EdgeConfig, "limits" | "cache" | "breaker">> & {
  limits?: Partial<QueryLimits>;
  cache?: Partial<CacheConfig>;
  breaker?: Partial<BreakerSettings>;
};

/** The defaults with `input` laid over them. */
export function defineEdgeConfig(input: EdgeConfigInput = {}): EdgeConfig {
  return {
    ...DEFAULT_EDGE_CONFIG,
    ...input,
    limits: { ...DEFAULT_LIMITS, ...input.limits },
    cache: { ...DEFAULT_EDGE_CONFIG.cache, ...input.cache },
    breaker: { ...DEFAULT_EDGE_CONFIG.breaker, ...input.breaker },
  };
}

const positiveInt = z.coerce.number().int().positive();
const boolean = z.enum(["true", "false"]).transform((v) => v === "true");
/** An optional variable set to "" (as `.env` files do) counts as not set. */
const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v);
const origin = z.url().refine((u) => new URL(u).origin === u.replace(/\/$/, ""), "an origin is scheme://host[:port], no path");

/** The gateway's variables that configure the edge (see .env.example). */
export const edgeEnvSchema = z.object({
  MAX_QUERY_DEPTH: positiveInt.default(DEFAULT_LIMITS.maxDepth),
  MAX_QUERY_ALIASES: positiveInt.default(DEFAULT_LIMITS.maxAliases),
  MAX_QUERY_TOKENS: positiveInt.default(DEFAULT_LIMITS.maxTokens),
  MAX_QUERY_DIRECTIVES: positiveInt.default(DEFAULT_LIMITS.maxDirectives),
  MAX_QUERY_COST: positiveInt.default(DEFAULT_LIMITS.maxCost),
  MAX_BODY_BYTES: positiveInt.default(DEFAULT_LIMITS.maxBodyBytes),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(origin)),
  RESPONSE_CACHE: boolean.default(true),
  RESPONSE_CACHE_TTL_SECONDS: positiveInt.default(DEFAULT_EDGE_CONFIG.cache.ttlSeconds),
  CACHE_CONTROL_MAX_AGE: z.coerce.number().int().min(0).default(DEFAULT_EDGE_CONFIG.cache.httpMaxAgeSeconds),
  REDIS_URL: z.preprocess(unsetIfEmpty, z.url().refine((u) => /^rediss?:/.test(u), "a redis:// or rediss:// URL").optional()),
  SUBGRAPH_TIMEOUT_MS: positiveInt.default(DEFAULT_EDGE_CONFIG.subgraphTimeoutMs),
  SUBGRAPH_BREAKER_FAILURES: positiveInt.default(DEFAULT_BREAKER_SETTINGS.failureThreshold),
  SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: positiveInt.default(DEFAULT_BREAKER_SETTINGS.halfOpenAfterMs),
  INTROSPECTION: boolean.default(true),
  METRICS: boolean.default(true),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.preprocess(unsetIfEmpty, z.url().optional()),
});

export type EdgeEnv = z.infer<typeof edgeEnvSchema>;

/** The EdgeConfig that a parsed environment describes. */
export function edgeConfigFromEnv(env: EdgeEnv): EdgeConfig {
  return defineEdgeConfig({
    limits: {
      maxDepth: env.MAX_QUERY_DEPTH,
      maxAliases: env.MAX_QUERY_ALIASES,
      maxTokens: env.MAX_QUERY_TOKENS,
      maxDirectives: env.MAX_QUERY_DIRECTIVES,
      maxCost: env.MAX_QUERY_COST,
      maxBodyBytes: env.MAX_BODY_BYTES,
    },
    corsOrigins: env.CORS_ORIGINS,
    cache: {
      enabled: env.RESPONSE_CACHE,
      ttlSeconds: env.RESPONSE_CACHE_TTL_SECONDS,
      httpMaxAgeSeconds: env.CACHE_CONTROL_MAX_AGE,
      redisUrl: env.REDIS_URL ?? null,
    },
    subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
    breaker: { failureThreshold: env.SUBGRAPH_BREAKER_FAILURES, halfOpenAfterMs: env.SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS },
    introspection: env.INTROSPECTION,
    metrics: env.METRICS,
    otlpTracesUrl: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? null,
  });
}
