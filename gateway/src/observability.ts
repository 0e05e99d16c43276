import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
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
