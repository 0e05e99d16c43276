import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { createCounter, createHistogram } from "@graphql-mesh/plugin-prometheus";
import type { Logger } from "@laenderhub/shared";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import { requestIdOf } from "./headers.js";

/** What the access log line and the metrics know of one request. */
interface RequestRecord {
  startedAt: number;
  operationName?: string;
  errorCodes: string[];
  cacheHit: boolean;
}

const servedFromCache = Symbol.for("servedFromResponseCache");

/** The name of a parsed document's first named operation, cut to 100 characters. */
export function operationNameOf(document: unknown): string | undefined {
  const definitions = (document as { definitions?: { kind: string; name?: { value: string } }[] } | null)?.definitions;
  const named = definitions?.find((d) => d.kind === "OperationDefinition" && d.name);
  return named?.name?.value.slice(0, 100);
}

/** The gateway's own metrics, next to the runtime's Prometheus plugin on one registry. */
export interface EdgeMetrics {
  registry: Registry;
  errors: Counter<"code">;
  cacheHits: Counter;
}

export function createEdgeMetrics(): EdgeMetrics {
  const registry = new Registry();
  // The process's own: memory (RSS, heap), event loop lag, GC, open handles.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    errors: new Counter({ name: "laenderhub_gateway_errors_total", help: "Errors in answers, by extensions.code", labelNames: ["code"], registers: [registry] }),
    cacheHits: new Counter({ name: "laenderhub_gateway_response_cache_hits_total", help: "Answers served from the response cache", registers: [registry] }),
  };
}

/**
 * One structured line per request (pino): request id, method, path, operation name, HTTP
 * status, duration, error codes and whether the cache answered. Error codes are also counted
 * in Prometheus. Nothing of the query text or variables is logged: they may hold anything.
 */
export function accessLogPlugin(logger: Logger, metrics: EdgeMetrics): GatewayPlugin {
  const records = new WeakMap<Request, RequestRecord>();
  return {
    onRequest({ request }) {
      records.set(request, { startedAt: performance.now(), errorCodes: [], cacheHit: false });
    },
    onParams({ request, params }) {
      const record = records.get(request);
      if (record && typeof params.operationName === "string") record.operationName = params.operationName.slice(0, 100);
    },
    // Clients often send a named query without `operationName`: take it from the document
    // as parsed (also for one that then fails validation).
    onParse({ context }) {
      const record = records.get((context as { request?: Request }).request as Request);
      return ({ result }) => {
        if (record && !record.operationName) record.operationName = operationNameOf(result);
      };
    },
    onResultProcess({ request, result }) {
      const record = records.get(request);
      if (!record) return;
      for (const r of Array.isArray(result) ? result : [result]) {
        if (!r || typeof r !== "object") continue;
        if (servedFromCache in r) record.cacheHit = true;
        for (const error of (r as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? []) {
          record.errorCodes.push(String(error.extensions?.code ?? "INTERNAL_SERVER_ERROR"));
        }
      }
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      for (const code of record.errorCodes) metrics.errors.inc({ code });
      if (record.cacheHit) metrics.cacheHits.inc();
      const path = new URL(request.url).pathname;
      logger.info(
        {
          requestId: requestIdOf(request),
          method: request.method,
          path,
          operation: record.operationName ?? null,
          status: response.status,
          durationMs: Math.round((performance.now() - record.startedAt) * 10) / 10,
          errors: record.errorCodes.length > 0 ? [...new Set(record.errorCodes)] : undefined,
          cache: record.cacheHit ? "hit" : undefined,
        },
        "request",
      );
    },
  };
}

/** How many distinct operation names get series of their own; later ones count as "other". */
export const MAX_OPERATION_LABELS = 100;

/**
 * Prometheus series for the runtime's plugin whose labels a stranger cannot multiply: the
 * plugin's defaults label by the request URL (a GET carries the whole query in it) and by the
 * client's operation name, so every new URL or name would be a new series held in memory for
 * good. Here the path is one of the gateway's routes (else "other") and only the first
 * MAX_OPERATION_LABELS operation names keep their own series.
 */
export function boundedPrometheusMetrics(registry: Registry): Record<string, unknown> {
  const names = new Set<string>();
  const operation = (name: string | null | undefined): string => {
    if (!name) return "Anonymous";
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_LABELS) return "other";
    names.add(name);
    return name;
  };
  const ROUTES = new Set(["/graphql", "/health", "/ready", "/metrics", "/"]);
  const route = (url: string): string => {
    const path = new URL(url, "http://gateway").pathname;
    return ROUTES.has(path) ? path : "other";
  };
  type HttpLabels = { operationName?: string | null; operationType?: string | null };
  type SubgraphLabels = { subgraphName: string; executionRequest: { operationName?: string | null; operationType?: string | null } };
  const subgraphLabels = ({ subgraphName, executionRequest }: SubgraphLabels) => ({
    subgraphName,
    operationName: operation(executionRequest.operationName),
    operationType: executionRequest.operationType || "query",
  });
  return {
    // The runtime's plugin turns on a dozen metrics unless told otherwise (a histogram per
    // phase, deprecated fields, errors labelled by their response path, which a client's
    // aliases multiply): each costs time on every request, and these are what operators need.
    graphql_envelop_deprecated_field: false,
    graphql_envelop_request: false,
    graphql_envelop_request_duration: false,
    graphql_envelop_request_time_summary: false,
    graphql_envelop_phase_parse: false,
    graphql_envelop_phase_validate: false,
    graphql_envelop_phase_context: false,
    graphql_envelop_error_result: false,
    graphql_envelop_execute_resolver: false,
    graphql_envelop_phase_execute: false,
    graphql_envelop_phase_subscribe: false,
    graphql_envelop_schema_change: false,
    graphql_gateway_fetch_duration: false,
    graphql_yoga_http_duration: createHistogram({
      registry,
      histogram: { name: "graphql_yoga_http_duration", help: "Time spent on HTTP connection", labelNames: ["operationName", "operationType", "method", "statusCode", "path"] },
      fillLabelsFn: (params: HttpLabels, { request, response }: { request: Request; response: Response }) => ({
        operationName: operation(params.operationName),
        operationType: params.operationType || "unknown",
        method: request.method,
        statusCode: response.status,
        path: route(request.url),
      }),
      phases: ["request"],
    } as never),
    graphql_gateway_subgraph_execute_duration: createHistogram({
      registry,
      histogram: { name: "graphql_gateway_subgraph_execute_duration", help: "Time spent on subgraph execution", labelNames: ["subgraphName", "operationName", "operationType"] },
      fillLabelsFn: subgraphLabels,
      phases: ["subgraphExecute"],
    } as never),
    graphql_gateway_subgraph_execute_errors: createCounter({
      registry,
      counter: { name: "graphql_gateway_subgraph_execute_errors", help: "Number of errors on subgraph execution", labelNames: ["subgraphName", "operationName", "operationType"] },
      fillLabelsFn: subgraphLabels,
      phases: ["subgraphExecute"],
    } as never),
  };
}
