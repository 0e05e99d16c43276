import { pino } from "pino";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayOverFakes, post, startFakes, stopFakes, type Fake } from "./support/fakes.js";

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

describe("observability", () => {
  let fakes: Map<string, Fake>;
  beforeAll(async () => {
    fakes = await startFakes();
  });
  afterAll(async () => {
    await stopFakes(fakes);
  });

  it("writes one structured access log line per request: request id, operation, status, duration, error codes", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const logger = pino({ name: "gateway", level: "info" }, sink);
    const gateway = gatewayOverFakes(fakes, { logger });
    try {
      const { url } = await gateway.listen(0);
      await post(url, "query Names { saarlandName }", { "x-request-id": "log-test-1" });
      await post(url, "query Deep { noSuchField }", { "x-request-id": "log-test-2" });
      const access = lines.filter((l) => l.msg === "request");
      const ok = access.find((l) => l.requestId === "log-test-1");
      expect(ok).toMatchObject({ method: "POST", path: "/graphql", operation: "Names", status: 200 });
      expect(typeof ok!.durationMs).toBe("number");
      expect(ok!.errors).toBeUndefined();
      expect(access.find((l) => l.requestId === "log-test-2")).toMatchObject({ operation: "Deep", errors: ["GRAPHQL_VALIDATION_FAILED"] });
      // The query text is the client's business: never in the log.
      expect(JSON.stringify(lines)).not.toContain("noSuchField");
    } finally {
      await gateway.close();
    }
  });

  describe("OpenTelemetry", () => {
    let collector: Server;
    const spans: OtlpSpan[] = [];
    let endpoint: string;

    beforeAll(async () => {
      // A loopback OTLP/HTTP receiver: records the spans the exporter sends as JSON.
      collector = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
          for (const r of body.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
          res.writeHead(200, { "content-type": "application/json" });
          res.end("{}");
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
      endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    });

    it("sends nothing without an exporter, and with one: a span per request and per subgraph fetch, in one trace the subgraphs continue", async () => {
      const quiet = gatewayOverFakes(fakes);
      await post((await quiet.listen(0)).url, "{ saarlandName }");
      await quiet.close();
      expect(spans).toHaveLength(0);
      expect(fakes.get("saarland")!.seen.at(-1)!.traceparent).toBeNull();

      const traced = gatewayOverFakes(fakes, { config: { otlpTracesUrl: endpoint, cache: { enabled: false } } });
      const { url } = await traced.listen(0);
      const clientTrace = "0af7651916cd43dd8448eb211c80319c";
      await post(url, "query Traced { saarlandName compareAlive }", { traceparent: `00-${clientTrace}-b7ad6b7169203331-01` });
      await traced.close(); // flushes the batch

      const server = spans.find((s) => s.name === "POST /graphql");
      expect(server?.traceId).toBe(clientTrace);
      expect(server?.attributes).toContainEqual({ key: "graphql.operation.name", value: { stringValue: "Traced" } });
      const fetches = spans.filter((s) => s.name.startsWith("subgraph "));
      expect(fetches.map((s) => s.name).sort()).toEqual(["subgraph compare", "subgraph saarland"]);
      for (const f of fetches) {
        expect(f.traceId).toBe(clientTrace);
        expect(f.parentSpanId).toBe(server!.spanId);
      }
      // Each subgraph got the trace context of its fetch's span.
      const saarlandFetch = fetches.find((f) => f.name === "subgraph saarland")!;
      expect(fakes.get("saarland")!.seen.at(-1)!.traceparent).toBe(`00-${clientTrace}-${saarlandFetch.spanId}-01`);
    });
  });
});
