import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from "@opentelemetry/api";
import type { W3CTraceContextPropagator } from "@opentelemetry/core";
import type { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { requestIdOf } from "./headers.js";
import { operationNameOf } from "./observability.js";

/** Tracing of the edge: a plugin for the runtime and a shutdown that sends what is left. */
export interface EdgeTracing {
  plugin: GatewayPlugin;
  /** Settles once the SDK is loaded (`listen` waits for it). */
  ready: Promise<void>;
  shutdown(): Promise<void>;
}

const headerGetter = {
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
  keys: (carrier: Headers) => [...carrier.keys()],
};
const recordSetter = { set: (carrier: Record<string, string>, key: string, value: string) => (carrier[key] = value) };

/**
 * OpenTelemetry traces sent over OTLP/HTTP to `url`, only when an exporter is configured: one
 * server span per request (continuing the client's `traceparent`, if any) and one client span
 * per subgraph fetch, whose context travels to the subgraph in `traceparent`. The provider is
 * this gateway's own (not registered globally), so several gateways in one process, as in the
 * tests, do not mix their traces. The SDK and exporter are loaded only here, when tracing is
 * configured: a gateway without it does not carry them.
 */
export function createTracing(url: string): EdgeTracing {
  let provider: BasicTracerProvider | undefined;
  let tracer: Tracer | undefined;
  let propagator: W3CTraceContextPropagator | undefined;
  const ready = (async () => {
    const [{ W3CTraceContextPropagator }, { OTLPTraceExporter }, { resourceFromAttributes }, { BasicTracerProvider, BatchSpanProcessor }] = await Promise.all([
      import("@opentelemetry/core"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@opentelemetry/sdk-trace-base"),
    ]);
    provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ "service.name": "laenderhub-gateway" }),
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
    });
    tracer = provider.getTracer("@laenderhub/gateway");
    propagator = new W3CTraceContextPropagator();
  })();
  const spans = new WeakMap<Request, { span: Span; ctx: Context }>();

  const plugin: GatewayPlugin = {
    onRequest({ request, url: requestUrl }) {
      if (!tracer || !propagator) return;
      const parent = propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
      const span = tracer.startSpan(
        `${request.method} ${requestUrl.pathname}`,
        { kind: SpanKind.SERVER, attributes: { "http.request.method": request.method, "url.path": requestUrl.pathname } },
        parent,
      );
      spans.set(request, { span, ctx: trace.setSpan(parent, span) });
    },
    onParams({ request, params }) {
      const entry = spans.get(request);
      if (entry && typeof params.operationName === "string") entry.span.setAttribute("graphql.operation.name", params.operationName.slice(0, 100));
    },
    onParse({ context: gatewayContext }) {
      const entry = spans.get((gatewayContext as { request?: Request }).request as Request);
      return ({ result }) => {
        const name = operationNameOf(result);
        if (entry && name) entry.span.setAttribute("graphql.operation.name", name);
      };
    },
    onFetch({ context: gatewayContext, executionRequest, options, setOptions }) {
      const request = "request" in gatewayContext ? (gatewayContext as { request: Request }).request : undefined;
      const entry = request ? spans.get(request) : undefined;
      if (!entry || !tracer || !propagator) return undefined;
      const subgraph = (executionRequest as { subgraphName?: string } | undefined)?.subgraphName ?? "unknown";
      const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { "graphql.subgraph.name": subgraph } }, entry.ctx);
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      propagator.inject(trace.setSpan(context.active(), span), headers, recordSetter);
      setOptions({ ...options, headers });
      return ({ response }) => {
        span.setAttribute("http.response.status_code", response.status);
        if (response.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
    },
    onResponse({ request, response }) {
      const entry = spans.get(request);
      if (!entry) return;
      entry.span.setAttribute("http.response.status_code", response.status);
      const id = requestIdOf(request);
      if (id) entry.span.setAttribute("laenderhub.request_id", id);
      if (response.status >= 500) entry.span.setStatus({ code: SpanStatusCode.ERROR });
      entry.span.end();
    },
  };
  return {
    plugin,
    ready,
    shutdown: async () => {
      await ready;
      await provider?.shutdown();
    },
  };
}
