import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import usePrometheus from "@graphql-mesh/plugin-prometheus";
import http from "@graphql-mesh/transport-http";
import { useAPQ } from "@graphql-yoga/plugin-apq";
import { CircuitBreakers, type Logger, type RunningServer, type StateSubgraph } from "@laenderhub/shared";
import type { Registry } from "prom-client";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inProcessStore, redisStore, responseCachePlugins, type ResponseCacheStore } from "./cache.js";
import { defineEdgeConfig, type EdgeConfig, type EdgeConfigInput } from "./config.js";
import { subgraphFailurePlugin, maskError, type SubgraphTarget } from "./errors.js";
import { EXAMPLE_OPERATIONS } from "./examples.js";
import { authorizationFor, requestIdPlugin } from "./headers.js";
import { healthPlugin } from "./health.js";
import { queryLimitPlugins, requestGuardPlugin } from "./limits.js";
import { accessLogPlugin, boundedPrometheusMetrics, createEdgeMetrics } from "./observability.js";
import { COMPARE_SUBGRAPH, SUBGRAPH_SOURCES, resolveSubgraphUrls } from "./subgraphs.js";
import { readSupergraphSdl } from "./supergraph.js";
import { createTracing } from "./tracing.js";

export { DEFAULT_EDGE_CONFIG, DEFAULT_LIMITS, defineEdgeConfig, edgeConfigFromEnv, edgeEnvSchema, type CacheConfig, type EdgeConfig, type EdgeConfigInput, type QueryLimits } from "./config.js";
export { inProcessStore, redisStore, type ResponseCacheStore } from "./cache.js";
export { tokenSubgraph, REQUEST_ID_HEADER } from "./headers.js";
export { type SubgraphTarget } from "./errors.js";
export { COMPARE_DEFAULT_URL, COMPARE_SUBGRAPH, SUBGRAPH_SOURCES, resolveSubgraphUrls, type SubgraphSource } from "./subgraphs.js";
export { SUPERGRAPH_PATH, readSupergraphSdl } from "./supergraph.js";

/** Default deadline for one subgraph fetch. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

export interface GatewayOptions {
  /** The supergraph to serve; defaults to the committed `gateway/supergraph.graphql`. */
  supergraphSdl?: string;
  /** The state subgraphs and their URLs (`resolveRegistry()`); states left out answer STATE_UNAVAILABLE. */
  registry: readonly StateSubgraph[];
  /** URL of the compare subgraph's `/graphql`. */
  compareUrl: string;
  logger: Logger;
  /** The edge's configuration over its defaults (limits, CORS, cache, metrics). */
  config?: EdgeConfigInput;
  /** Where cached answers live; default: Redis when `config.cache.redisUrl` is set, else this process. */
  cacheStore?: ResponseCacheStore;
  /**
   * Serves `/metrics` from this text instead of this process's own registry: the cluster's
   * primary aggregates every worker's metrics (see cluster.ts).
   */
  metricsText?: () => Promise<string>;
  /** Runtime plugins added after the edge's own (tests record subgraph fetches with one). */
  plugins?: GatewayPlugin[];
  /** @deprecated use `config.subgraphTimeoutMs` */
  subgraphTimeoutMs?: number;
  /** @deprecated use `config.introspection` */
  introspection?: boolean;
}

export interface Gateway {
  /** The edge's configuration in force. */
  readonly config: EdgeConfig;
  /** The runtime, a WHATWG `fetch` handler: `gateway.runtime.fetch(request)` needs no socket. */
  readonly runtime: GatewayRuntime;
  /** This process's metrics (a cluster worker hands it to the primary's aggregation). */
  readonly metricsRegistry: Registry;
  /** Serves `/graphql`, `/health`, `/ready` and `/metrics`; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Stops every server started by `listen`, then the runtime. */
  close(): Promise<void>;
}

const isLocalhost = (origin: string): boolean => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

/**
 * The federation gateway: Hive Gateway's runtime over the statically composed supergraph
 * (never composed at start), with each subgraph's URL taken from configuration, limits applied
 * before planning, the `Authorization` header sent only to the state it is for, a response
 * cache for anonymous reads, and metrics, access log and health for operators.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const config = defineEdgeConfig({
    ...(options.subgraphTimeoutMs === undefined ? {} : { subgraphTimeoutMs: options.subgraphTimeoutMs }),
    ...(options.introspection === undefined ? {} : { introspection: options.introspection }),
    ...options.config,
  });
  const logger = options.logger;
  const urls = resolveSubgraphUrls(options.registry, options.compareUrl);
  const targets = new Map<string, SubgraphTarget>(SUBGRAPH_SOURCES.map((s) => [s.name, { name: s.name, url: urls.get(s.name) ?? null, state: s.state }]));
  const subgraphOfState = new Map(SUBGRAPH_SOURCES.filter((s) => s.state).map((s) => [s.state!.code as string, s.name]));
  const store = options.cacheStore ?? (config.cache.redisUrl ? redisStore(config.cache.redisUrl, logger) : inProcessStore());
  const metrics = createEdgeMetrics();
  // While a subgraph's breaker is open, a background probe (`{ __typename }`) finds out when
  // it answers again: no client request waits on a subgraph known to hang or be down.
  const breakers = new CircuitBreakers(config.breaker, logger, "subgraph", async (name) => {
    const url = urls.get(name);
    if (!url) return;
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
      signal: AbortSignal.timeout(config.subgraphTimeoutMs),
    });
    await res.text();
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  });
  // Traces only where an exporter is configured: nothing leaves the process otherwise.
  const tracing = config.otlpTracesUrl ? createTracing(config.otlpTracesUrl) : null;

  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl ?? readSupergraphSdl(),
    transports: { http },
    // A subgraph the code does not know can only come from a stale or foreign supergraph file:
    // its fetches fail (and are logged) rather than going to the URL written in the file.
    transportEntries: Object.fromEntries(
      [...targets.values()].map((t) => [t.name, { location: t.url ?? `http://${t.name}.unconfigured.invalid/graphql` }]),
    ),
    logging: false,
    landingPage: false,
    graphiql: config.introspection ? { title: "laenderhub GraphQL explorer", defaultTabs: EXAMPLE_OPERATIONS } : false,
    // Bundled GraphiQL (its scripts, styles and workers inlined): works with no internet. Loaded
    // when a browser first asks for it: the bundle costs about 45 MB of memory.
    renderGraphiQL: async (options: Parameters<typeof import("@graphql-yoga/render-graphiql").renderGraphiQL>[0]) =>
      (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(options),
    ...(config.introspection ? {} : { disableIntrospection: {} }),
    maskedErrors: { maskError: maskError(logger) },
    // No `serviceName` or downstream codes of ours to clients: subgraph errors keep their own.
    subgraphErrors: { errorCode: false, subgraphNameProp: false },
    cors: (request: Request) => {
      const origin = request.headers.get("origin");
      if (!origin) return false;
      const allowed = origin === new URL(request.url).origin || isLocalhost(origin) || config.corsOrigins.includes(origin);
      return allowed
        ? { origin, credentials: false, methods: ["GET", "POST"], allowedHeaders: ["content-type", "authorization", "x-request-id", "apollographql-client-name", "apollographql-client-version"], exposedHeaders: ["x-request-id"], maxAge: 600 }
        : false;
    },
    // The rule lives in requestGuardPlugin: JSON-only POSTs, GET only for queries.
    csrfPrevention: undefined,
    requestId: false,
    upstreamTimeout: config.subgraphTimeoutMs,
    // No cancellation signals per request (runtime defaults): measured, their listeners cost
    // about a tenth of the gateway's CPU per request, and compare cancels its own work when its
    // client (this gateway) goes away.
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }: { request: Request; subgraphName: string }) => authorizationFor(request, subgraphName, subgraphOfState),
    },
    plugins: (ctx: Record<string, unknown>) => [
      requestIdPlugin(),
      ...(tracing ? [tracing.plugin] : []),
      accessLogPlugin(logger, metrics),
      requestGuardPlugin(config.limits.maxBodyBytes),
      healthPlugin({ targets, breakers, logger, ...(options.metricsText && config.metrics ? { metricsText: options.metricsText } : {}) }),
      ...(config.metrics
        ? [
            usePrometheus({
              ...ctx,
              registry: metrics.registry,
              // In a cluster, /metrics is the primary's aggregate (served by healthPlugin).
              endpoint: options.metricsText ? false : "/metrics",
              // Requests and their latency per operation and per subgraph, with labels a client
              // cannot multiply; errors by code are the gateway's own counter.
              metrics: boundedPrometheusMetrics(metrics.registry),
              labels: { subgraphName: true },
            } as never) as GatewayPlugin,
          ]
        : []),
      useAPQ() as GatewayPlugin,
      ...responseCachePlugins(config.cache, store, () => metrics.cacheHits.inc()),
      ...queryLimitPlugins(config.limits),
      subgraphFailurePlugin(targets, breakers, logger),
      ...(options.plugins ?? []),
    ],
  } as never);

  const running: RunningServer[] = [];
  return {
    config,
    runtime,
    metricsRegistry: metrics.registry,
    async listen(port: number, host = "127.0.0.1") {
      // The runtime builds its schema and planner on first use: done here, so the first client
      // does not pay for it (and a broken supergraph fails the start, not a request).
      await runtime.getSchema();
      // The gateway's own lines name their request explicitly (requestIdPlugin); an async scope
      // per request, as the subgraphs keep, cost it measurable CPU on every request.
      const httpServer = createServer(runtime as never);
      await new Promise<void>((resolve, reject) => {
        httpServer.once("error", reject);
        httpServer.listen(port, host, () => resolve());
      });
      const actual = (httpServer.address() as AddressInfo).port;
      const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      const server: RunningServer = {
        url: `http://${shown}:${actual}/graphql`,
        port: actual,
        httpServer,
        stop: async () => {
          httpServer.closeAllConnections();
          if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
        },
      };
      running.push(server);
      await tracing?.ready;
      logger.info({ url: server.url, subgraphs: Object.fromEntries(urls), compare: COMPARE_SUBGRAPH }, "gateway listening");
      return server;
    },
    async close() {
      await Promise.all(running.splice(0).map((r) => r.stop()));
      breakers.dispose();
      await runtime.dispose();
      await store.close();
      await tracing?.shutdown();
    },
  };
}
