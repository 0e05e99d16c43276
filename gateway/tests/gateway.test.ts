import { StateCode } from "@laenderhub/shared";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Gateway } from "../src/index.js";
import { gatewayOverFakes, post, startFakes, stopFakes, tokenFor, type Fake } from "./support/fakes.js";

describe("gateway", () => {
  let fakes: Map<string, Fake>;
  let gateway: Gateway;
  let url: string;

  beforeAll(async () => {
    fakes = await startFakes();
    gateway = gatewayOverFakes(fakes, { config: { cache: { enabled: false } } });
    url = (await gateway.listen(0)).url;
  });

  afterAll(async () => {
    await gateway?.close();
    await stopFakes(fakes);
  });

  beforeEach(() => {
    for (const fake of fakes.values()) fake.seen.length = 0;
  });

  it("routes to the configured URLs, not the ones in the supergraph", async () => {
    const { body } = await post(url, "{ saarlandName sachsenName sachsenAnhaltName compareAlive }");
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ saarlandName: "Saarland", sachsenName: "Sachsen", sachsenAnhaltName: "Sachsen-Anhalt", compareAlive: true });
  });

  it("sends a Saarland token to Saarland's subgraph only: never to compare or another state", async () => {
    const authorization = await tokenFor(StateCode.SL);
    const { body } = await post(url, "{ saarlandName sachsenName sachsenAnhaltName compareAlive }", { authorization });
    expect(body.errors).toBeUndefined();
    expect(fakes.get("saarland")!.seen.map((s) => s.authorization)).toEqual([authorization]);
    for (const other of ["sachsen", "sachsen-anhalt", "compare"]) {
      expect(fakes.get(other)!.seen).toHaveLength(1);
      expect(fakes.get(other)!.seen[0]!.authorization).toBeNull();
    }
  });

  it("sends a Sachsen token to Sachsen's subgraph only, and a token naming no state nowhere", async () => {
    const sachsen = await tokenFor(StateCode.SN);
    await post(url, "{ saarlandName sachsenName compareAlive }", { authorization: sachsen });
    expect(fakes.get("sachsen")!.seen[0]!.authorization).toBe(sachsen);
    expect(fakes.get("saarland")!.seen[0]!.authorization).toBeNull();
    expect(fakes.get("compare")!.seen[0]!.authorization).toBeNull();

    for (const fake of fakes.values()) fake.seen.length = 0;
    await post(url, "{ saarlandName sachsenName compareAlive }", { authorization: "Bearer not-a-jwt" });
    for (const fake of fakes.values()) for (const seen of fake.seen) expect(seen.authorization).toBeNull();
  });

  it("gives every request an id, sent to each subgraph it reaches and back to the client", async () => {
    const generated = await post(url, "{ saarlandName compareAlive }");
    const id = generated.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fakes.get("saarland")!.seen[0]!.requestId).toBe(id);
    expect(fakes.get("compare")!.seen[0]!.requestId).toBe(id);

    const given = await post(url, "{ saarlandName }", { "x-request-id": "dashboard-42" });
    expect(given.headers.get("x-request-id")).toBe("dashboard-42");
    expect(fakes.get("saarland")!.seen.at(-1)!.requestId).toBe("dashboard-42");

    // A malformed id (here: 300 characters) is replaced, not propagated.
    const malformed = await post(url, "{ saarlandName }", { "x-request-id": "x".repeat(300) });
    expect(malformed.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers /health (liveness) and /ready (each subgraph probed)", async () => {
    const health = await fetch(url.replace(/\/graphql$/, "/health"));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", service: "gateway", subgraphs: ["saarland", "sachsen", "sachsen-anhalt", "compare"] });
    const ready = await fetch(url.replace(/\/graphql$/, "/ready"));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      service: "gateway",
      subgraphs: { saarland: "up", sachsen: "up", "sachsen-anhalt": "up", compare: "up" },
      breakers: { saarland: "closed", sachsen: "closed", "sachsen-anhalt": "closed", compare: "closed" },
    });
  });

  it("probes the subgraphs once for every /ready asked within a second: the endpoint is public", async () => {
    let probes = 0;
    const counting = createServer((req, res) => {
      if (req.url === "/health") probes += 1;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await new Promise<void>((resolve) => counting.listen(0, "127.0.0.1", resolve));
    const partial = gatewayOverFakes(fakes, {}, { SUBGRAPH_URL_SL: `http://127.0.0.1:${(counting.address() as AddressInfo).port}/graphql` });
    try {
      const server = await partial.listen(0);
      const ready = server.url.replace(/\/graphql$/, "/ready");
      await Promise.all([fetch(ready), fetch(ready), fetch(ready)]);
      await fetch(ready);
      expect(probes).toBe(1);
    } finally {
      await partial.close();
      await new Promise<void>((resolve) => counting.close(() => resolve()));
    }
  });

  it("masks unexpected errors and passes request errors with their code", async () => {
    const { body } = await post(url, "{ noSuchField }");
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("keeps a subgraph's own error when it answers with a non-2xx status, without internal details", async () => {
    const { body } = await post(url, "{ editorsOnly }");
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toBe("Not authenticated: writes need an editor token of SL");
    expect(body.errors?.[0]?.extensions).toEqual({ code: "UNAUTHENTICATED", reason: "NO_TOKEN" });
    expect(JSON.stringify(body)).not.toContain(fakes.get("saarland")!.server.url);
    expect(JSON.stringify(body)).not.toContain("serviceName");
  });

  it("names a state that is not configured as STATE_UNAVAILABLE and still answers the rest", async () => {
    const partial = gatewayOverFakes(fakes, { config: { cache: { enabled: false } } }, { SUBGRAPH_STATES: "SN", SUBGRAPH_URL_SN: fakes.get("sachsen")!.server.url });
    try {
      const server = await partial.listen(0);
      const { body } = await post(server.url, "{ compareAlive }");
      expect(body.data).toEqual({ compareAlive: true });
      const missing = await post(server.url, "{ saarlandName compareAlive }");
      expect(missing.body.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: StateCode.SL });
      expect(missing.body.errors?.[0]?.message).toBe("Saarland (SL) is unavailable: not configured in this deployment");
      expect(fakes.get("saarland")!.seen).toHaveLength(0);
    } finally {
      await partial.close();
    }
  });

  it("names a state subgraph behind a failing proxy (HTTP 5xx) as STATE_UNAVAILABLE", async () => {
    const proxy = createServer((_req, res) => {
      res.writeHead(503, { "content-type": "text/plain" });
      res.end("Service Unavailable");
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const partial = gatewayOverFakes(fakes, { config: { cache: { enabled: false } } }, { SUBGRAPH_URL_SL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` });
    try {
      const server = await partial.listen(0);
      const { body } = await post(server.url, "{ saarlandName }");
      expect(body.errors?.[0]?.extensions).toEqual({ code: "STATE_UNAVAILABLE", state: "SL" });
      expect(body.errors?.[0]?.message).toBe("Saarland (SL) is unavailable: HTTP 503");
    } finally {
      await partial.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it("names an unreachable state subgraph as STATE_UNAVAILABLE", async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}/graphql`;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const partial = gatewayOverFakes(fakes, { config: { cache: { enabled: false } } }, { SUBGRAPH_URL_SL: downUrl });
    try {
      const server = await partial.listen(0);
      const { body } = await post(server.url, "{ saarlandName }");
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({ code: "STATE_UNAVAILABLE", state: "SL" });
      expect(body.errors?.[0]?.message).toBe("Saarland (SL) is unavailable: no answer");
    } finally {
      await partial.close();
    }
  });

  it("names a missing compare as COMPARE_UNAVAILABLE while the state namespaces still answer", async () => {
    const down = createServer();
    await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}/graphql`;
    await new Promise<void>((resolve) => down.close(() => resolve()));
    const partial = gatewayOverFakes(fakes, { compareUrl: downUrl, config: { cache: { enabled: false } } });
    try {
      const server = await partial.listen(0);
      const { body } = await post(server.url, "{ saarlandName compareAlive }");
      expect(body.data).toBeNull(); // compareAlive is non-null, so the whole data is null
      expect(body.errors?.[0]).toMatchObject({ message: "the comparative API is unavailable: no answer", extensions: { code: "COMPARE_UNAVAILABLE" } });
      const states = await post(server.url, "{ saarlandName sachsenName }");
      expect(states.body).toEqual({ data: { saarlandName: "Saarland", sachsenName: "Sachsen" } });
    } finally {
      await partial.close();
    }
  });

  it("skips a hung state at once after its breaker opens, and serves it again once a probe finds it back", async () => {
    // Saarland behind a switch: hangs (accepts, never answers) or answers like the subgraph.
    let hanging = true;
    let received = 0;
    const switchable = createServer((req, res) => {
      received += 1;
      if (hanging) return;
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ data: { saarlandName: "Saarland" } }));
      });
    });
    await new Promise<void>((resolve) => switchable.listen(0, "127.0.0.1", resolve));
    const partial = gatewayOverFakes(
      fakes,
      { config: { cache: { enabled: false }, subgraphTimeoutMs: 300, breaker: { failureThreshold: 1, halfOpenAfterMs: 500 } } },
      { SUBGRAPH_URL_SL: `http://127.0.0.1:${(switchable.address() as AddressInfo).port}/graphql`, SUBGRAPH_URL_SN: fakes.get("sachsen")!.server.url },
    );
    try {
      const server = await partial.listen(0);
      const first = await post(server.url, "{ saarlandName sachsenName }");
      expect(first.body.errors?.[0]).toMatchObject({ message: "Saarland (SL) is unavailable: no answer in time", extensions: { code: "STATE_UNAVAILABLE", state: "SL" } });
      expect(received).toBe(1);
      // The breaker is open: answered without asking Saarland, and Sachsen still answers.
      for (let i = 0; i < 3; i++) {
        const skipped = await post(server.url, "{ saarlandName sachsenName }");
        expect(skipped.body.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: "SL" });
        expect(skipped.body.errors?.[0]?.message).toMatch(/circuit breaker (open|half-open)/);
      }
      expect(received).toBe(1);
      const ready = (await (await fetch(server.url.replace(/\/graphql$/, "/ready"))).json()) as { breakers: Record<string, string> };
      expect(ready.breakers.saarland).toMatch(/open/);

      // Saarland answers again: a probe after halfOpenAfterMs closes the breaker by itself.
      hanging = false;
      let answer: Awaited<ReturnType<typeof post>> | undefined;
      for (let i = 0; i < 50 && !answer?.body.data?.saarlandName; i++) {
        await new Promise((r) => setTimeout(r, 100));
        answer = await post(server.url, "{ saarlandName }");
      }
      expect(answer?.body).toEqual({ data: { saarlandName: "Saarland" } });
    } finally {
      await partial.close();
      switchable.closeAllConnections();
      await new Promise<void>((resolve) => switchable.close(() => resolve()));
    }
  });

  it("names a hung state as STATE_UNAVAILABLE after the subgraph deadline", async () => {
    const hung = createServer(() => {
      // accepts and never answers
    });
    await new Promise<void>((resolve) => hung.listen(0, "127.0.0.1", resolve));
    const partial = gatewayOverFakes(
      fakes,
      { config: { cache: { enabled: false }, subgraphTimeoutMs: 300 } },
      { SUBGRAPH_URL_SL: `http://127.0.0.1:${(hung.address() as AddressInfo).port}/graphql`, SUBGRAPH_URL_SN: fakes.get("sachsen")!.server.url },
    );
    try {
      const server = await partial.listen(0);
      const { body } = await post(server.url, "{ saarland: saarlandName }");
      expect(body.errors?.[0]).toMatchObject({ message: "Saarland (SL) is unavailable: no answer in time", extensions: { code: "STATE_UNAVAILABLE", state: "SL" } });
    } finally {
      await partial.close();
      hung.closeAllConnections();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });
});
