import { createLogger } from "@laenderhub/shared";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// One request id from the client through the gateway and compare to the states: every log
// line written while serving the request carries it, whichever service writes it.

describe("request ids", () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  let federation: RunningFederation;
  /** Stands in for Sachsen-Anhalt: records the headers of each contract call and answers 503. */
  let recorder: Server;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    federation = await startFederation({ logger: createLogger("e2e", "info", sink), edge: { cache: { enabled: false } } });
    recorder = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on("end", () => res.writeHead(503, { "content-type": "text/plain" }).end("down"));
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await federation?.close();
    await new Promise<void>((resolve) => recorder.close(() => resolve()));
  });

  it("ties the gateway's access log line and compare's lines for one request together, and sends the id to the states", async () => {
    // Sachsen-Anhalt stopped: compare writes a warning for the request, with its id.
    await federation.servers.get("ST")!.stop();
    const res = await fetch(federation.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "trace-me-1" },
      body: JSON.stringify({ query: "{ comparison { states { state } unavailableStates { state } } }" }),
    });
    expect(res.headers.get("x-request-id")).toBe("trace-me-1");
    const mine = lines.filter((l) => l.requestId === "trace-me-1");
    expect(mine.some((l) => l.msg === "request" && l.name === "e2e")).toBe(true); // the gateway's access log
    expect(mine.some((l) => l.msg === "state subgraph unavailable" && l.state === "ST")).toBe(true); // compare's
    // No line about this request without its id.
    expect(lines.filter((l) => l.msg === "state subgraph unavailable" && l.requestId !== "trace-me-1")).toEqual([]);
  });

  it("sends the id on with every contract call compare makes to a state", async () => {
    const { createCompareSubgraph } = await import("@laenderhub/subgraph-compare");
    const { resolveRegistry } = await import("@laenderhub/shared");
    const registry = resolveRegistry({ SUBGRAPH_STATES: "ST", SUBGRAPH_URL_ST: `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/graphql` });
    const compare = await createCompareSubgraph({ databaseUrl: ":memory:", registry, logger: createLogger("e2e", "silent") });
    try {
      const { url } = await compare.listen(0, "127.0.0.1");
      await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "trace-me-2" }, body: JSON.stringify({ query: "{ comparison { states { state } } }" }) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.map((h) => h["x-request-id"])).toEqual(seen.map(() => "trace-me-2"));
    } finally {
      await compare.close();
    }
  });
});
