import { StateCode } from "@laenderhub/shared";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Gateway } from "../src/index.js";
import { gatewayOverFakes, post, startFakes, stopFakes, tokenFor, type Fake } from "./support/fakes.js";

/** `{ a0: saarlandName a1: saarlandName … }` */
const aliases = (n: number): string => `{ ${Array.from({ length: n }, (_, i) => `a${i}: saarlandName`).join(" ")} }`;

describe("the edge: limits, content types, cache, metrics", () => {
  let fakes: Map<string, Fake>;
  let gateway: Gateway;
  let url: string;
  let base: string;
  const reached = (): number => [...fakes.values()].reduce((n, f) => n + f.seen.length, 0);

  beforeAll(async () => {
    fakes = await startFakes();
    gateway = gatewayOverFakes(fakes, { config: { limits: { maxDepth: 6, maxAliases: 10, maxTokens: 300, maxDirectives: 5, maxCost: 500, maxBodyBytes: 4_000 } } });
    url = (await gateway.listen(0)).url;
    base = url.replace(/\/graphql$/, "");
  });

  afterAll(async () => {
    await gateway?.close();
    await stopFakes(fakes);
  });

  beforeEach(() => {
    for (const fake of fakes.values()) fake.seen.length = 0;
  });

  describe("limits, each refused with its code before anything is planned or fetched", () => {
    it.each([
      ["aliases", aliases(11), "TOO_MANY_ALIASES"],
      ["directives", `{ saarlandName ${"@include(if: true) ".repeat(6)} }`, "TOO_MANY_DIRECTIVES"],
      ["tokens", `{ ${"a ".repeat(400)} }`, "TOO_MANY_TOKENS"],
    ])("too many %s", async (_what, query, code) => {
      const { status, body } = await post(url, query);
      expect(body.errors?.[0]?.extensions?.code).toBe(code);
      expect(body.data ?? null).toBeNull();
      expect(status).toBeGreaterThanOrEqual(400);
      expect(reached()).toBe(0);
    });

    it("lets a query at the limits through", async () => {
      const { body } = await post(url, aliases(10));
      expect(body.errors).toBeUndefined();
    });

    it("refuses a body over the limit (413), a POST without a length (411), and non-JSON bodies (415)", async () => {
      const big = JSON.stringify({ query: `{ saarlandName } # ${"x".repeat(5_000)}` });
      const tooLarge = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: big });
      expect(tooLarge.status).toBe(413);
      expect(((await tooLarge.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("PAYLOAD_TOO_LARGE");

      const chunked = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"query":"{ saarlandName }"}')), c.close()) }),
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(411);

      // fetch sends a string body without content type as text/plain: refused like the others.
      for (const contentType of ["application/graphql-response+json", "application/xml", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
        const res = await fetch(url, { method: "POST", headers: contentType ? { "content-type": contentType } : {}, body: JSON.stringify({ query: "mutation { bump }" }) });
        expect(res.status, contentType || "(none)").toBe(415);
        expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      }
      expect(reached()).toBe(0);
      // GraphQL over HTTP's answer type is asked for with Accept, and served.
      const accept = await post(url, "{ saarlandName }", { accept: "application/graphql-response+json" });
      expect(accept.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
      expect(accept.body.data).toEqual({ saarlandName: "Saarland" });
    });

    it("answers a GET query without content type (urql's default) and refuses a mutation over GET", async () => {
      const get = await fetch(`${url}?query=${encodeURIComponent("{ viaGet: saarlandName }")}`);
      expect(get.status).toBe(200);
      expect(await get.json()).toEqual({ data: { viaGet: "Saarland" } });
      expect(fakes.get("saarland")!.seen).toHaveLength(1);
      const mutation = await fetch(`${url}?query=${encodeURIComponent("mutation { bump }")}`);
      expect(mutation.status).toBe(405);
      expect(fakes.get("saarland")!.seen).toHaveLength(1);
    });
  });

  describe("the response cache", () => {
    it("answers an anonymous persisted-query GET from cache the second time, cacheably, and fresh after a mutation", async () => {
      const query = "query Counter { counter }";
      const sha256Hash = createHash("sha256").update(query).digest("hex");
      const extensions = encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
      // Register the query (APQ by POST), then read it by hash over GET.
      const registered = await post(url, query, {}, undefined);
      expect(registered.body.errors).toBeUndefined();
      await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } }) });
      for (const fake of fakes.values()) fake.seen.length = 0;

      const get = () => fetch(`${url}?operationName=Counter&extensions=${extensions}`);
      const first = await get();
      const firstBody = await first.json();
      const second = await get();
      expect(await second.json()).toEqual(firstBody);
      expect(second.headers.get("cache-control")).toBe("public, max-age=60");
      // Whose copy it is depends on the token and on the calling origin (CORS).
      expect(second.headers.get("vary")).toMatch(/authorization, origin/);
      // At most one of the two reached Saarland (the first, unless the POST above had cached it).
      expect(fakes.get("saarland")!.seen.length).toBeLessThanOrEqual(1);
      const beforeMutation = fakes.get("saarland")!.seen.length;
      expect((await get()).status).toBe(200);
      expect(fakes.get("saarland")!.seen.length).toBe(beforeMutation);

      const bumped = await post(url, "mutation { bump }");
      expect(bumped.body.errors).toBeUndefined();
      const after = (await (await get()).json()) as { data: { counter: number } };
      expect(after.data.counter).toBe((bumped.body.data as { bump: number }).bump);
      expect(fakes.get("saarland")!.seen.length).toBe(beforeMutation + 2); // the mutation, then the fresh read
    });

    it("never serves or stores an authenticated request from the cache, and marks it no-store", async () => {
      await post(url, "{ compareCount }");
      const authorization = await tokenFor(StateCode.SL);
      const a = await post(url, "{ compareCount }", { authorization });
      const b = await post(url, "{ compareCount }", { authorization });
      expect((b.body.data as { compareCount: number }).compareCount).toBe((a.body.data as { compareCount: number }).compareCount + 1);
      expect(a.headers.get("cache-control")).toBe("no-store");
    });

    it("does not cache answers with errors", async () => {
      await post(url, "{ editorsOnly }");
      await post(url, "{ editorsOnly }");
      expect(fakes.get("saarland")!.seen).toHaveLength(2);
    });
  });

  it("a hash that does not match its query is refused with a code, not an internal error", async () => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ saarlandName }", extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe("PERSISTED_QUERY_MISMATCH");
  });

  it("exposes Prometheus metrics: requests, latency per operation and per subgraph, errors by code, cache hits", async () => {
    await post(url, "query Names { saarlandName compareAlive }");
    await post(url, "query Names { saarlandName compareAlive }");
    await post(url, aliases(11));
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/graphql_yoga_http_duration_bucket\{[^}]*operationName="Names"/);
    expect(text).toMatch(/graphql_gateway_subgraph_execute_duration_bucket\{[^}]*subgraphName="saarland"/);
    expect(text).toMatch(/laenderhub_gateway_errors_total\{code="TOO_MANY_ALIASES"\} [1-9]/);
    expect(text).toMatch(/laenderhub_gateway_response_cache_hits_total [1-9]/);
  });

  // Last: it fills the gateway's operation names.
  it("keeps the metrics' series bounded whatever names and URLs clients send", async () => {
    // 130 operation names nobody else uses, each by GET with a query string of its own.
    for (let i = 0; i < 130; i++) await fetch(`${url}?query=${encodeURIComponent(`query Stranger${i} { saarlandName }`)}&x=${i}`);
    const text = await (await fetch(`${base}/metrics`)).text();
    const names = new Set([...text.matchAll(/graphql_yoga_http_duration_count\{[^}]*operationName="([^"]*)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(100 + 2); // the first 100, "other", "Anonymous"
    expect(names.has("other")).toBe(true);
    expect(text).not.toMatch(/query=/);
    expect(text).not.toMatch(/graphql_envelop_error_result/);
  });

});
