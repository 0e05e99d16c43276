import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createLogger, ErrorCode, LaenderhubError, resolveRegistry, startGraphQLHttpServer, StateCode, type RunningServer } from "@laenderhub/shared";
import { parse } from "graphql";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type Gateway } from "../src/index.js";

// Two tiny stand-ins named like real subgraphs (the gateway only builds data sources for the
// subgraphs it knows): "saarland" echoes the Authorization header it received, "compare"
// owns a field the test can read while Saarland is down.
const saarlandSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
  type Query { seenAuthorization: String, saarlandName: String!, editorsOnly: String }
`;
const compareSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
  type Query { compareAlive: Boolean! }
`;

interface EchoContext {
  authorization: string | null;
}

const logger = createLogger("gateway-test", "silent");

async function serveFake(name: string, sdl: string, resolvers: Record<string, Record<string, unknown>>): Promise<RunningServer> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: resolvers as never }]);
  return startGraphQLHttpServer<EchoContext>(
    { name, schema, logger, context: (req: IncomingMessage) => ({ authorization: req.headers.authorization ?? null }) },
    { port: 0 },
  );
}

function composeFake(): string {
  // URLs in the supergraph point nowhere: the gateway must take them from its configuration.
  const result = composeServices([
    { name: "saarland", url: "http://saarland.invalid/graphql", typeDefs: parse(saarlandSdl) },
    { name: "compare", url: "http://compare.invalid/graphql", typeDefs: parse(compareSdl) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.supergraphSdl;
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

describe("gateway", () => {
  let saarland: RunningServer;
  let compare: RunningServer;
  let gateway: Gateway;
  let url: string;
  const supergraphSdl = composeFake();

  beforeAll(async () => {
    saarland = await serveFake("saarland", saarlandSdl, {
      Query: {
        seenAuthorization: (_: unknown, __: unknown, ctx: EchoContext) => ctx.authorization,
        saarlandName: () => "Saarland",
        // An error that sets an HTTP status (401): the subgraph answers non-2xx.
        editorsOnly: () => {
          throw new LaenderhubError(ErrorCode.UNAUTHENTICATED, "Not authenticated: writes need an editor token of SL", { reason: "NO_TOKEN" });
        },
      },
    });
    compare = await serveFake("compare", compareSdl, { Query: { compareAlive: () => true } });
    const registry = resolveRegistry({ SUBGRAPH_URL_SL: saarland.url });
    gateway = createGateway({ supergraphSdl, registry, compareUrl: compare.url, logger });
    url = (await gateway.listen(0)).url;
  });

  afterAll(async () => {
    await gateway?.close();
    await saarland?.stop();
    await compare?.stop();
  });

  it("routes to the configured URLs, not the ones in the supergraph", async () => {
    const body = await post(url, "{ saarlandName compareAlive }");
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ saarlandName: "Saarland", compareAlive: true });
  });

  it("forwards the client's Authorization header to subgraphs", async () => {
    const body = await post(url, "{ seenAuthorization }", { authorization: "Bearer test-token" });
    expect(body.data).toEqual({ seenAuthorization: "Bearer test-token" });
    const anonymous = await post(url, "{ seenAuthorization }");
    expect(anonymous.data).toEqual({ seenAuthorization: null });
  });

  it("answers /health", async () => {
    const res = await fetch(url.replace(/\/graphql$/, "/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", service: "gateway", subgraphs: ["saarland", "sachsen", "sachsen-anhalt", "compare"] });
  });

  it("masks unexpected errors and passes request errors with their code", async () => {
    const body = await post(url, "{ noSuchField }");
    expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("keeps a subgraph's own error when it answers with a non-2xx status, without internal details", async () => {
    const body = await post(url, "{ editorsOnly }");
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toBe("Not authenticated: writes need an editor token of SL");
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_TOKEN" });
    expect(JSON.stringify(body)).not.toContain(saarland.url);
  });

  it("names a state that is not configured as STATE_UNAVAILABLE and still answers the rest", async () => {
    const partial = createGateway({ supergraphSdl, registry: resolveRegistry({ SUBGRAPH_STATES: "SN" }), compareUrl: compare.url, logger });
    try {
      const server = await partial.listen(0);
      const body = await post(server.url, "{ compareAlive }");
      expect(body.data).toEqual({ compareAlive: true });
      const missing = await post(server.url, "{ saarlandName compareAlive }");
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: StateCode.SL });
      expect(missing.errors?.[0]?.message).toMatch(/Saarland/);
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
    const partial = createGateway({
      supergraphSdl,
      registry: resolveRegistry({ SUBGRAPH_URL_SL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql` }),
      compareUrl: compare.url,
      logger,
    });
    try {
      const server = await partial.listen(0);
      const body = await post(server.url, "{ saarlandName }");
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: "SL" });
      expect(body.errors?.[0]?.message).toBe("Saarland (SL) is unavailable: HTTP 503");
    } finally {
      await partial.close();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });

  it("names an unreachable state subgraph as STATE_UNAVAILABLE", async () => {
    const down = await serveFake("saarland", saarlandSdl, { Query: { seenAuthorization: () => null, saarlandName: () => "Saarland" } });
    const downUrl = down.url;
    await down.stop();
    const partial = createGateway({ supergraphSdl, registry: resolveRegistry({ SUBGRAPH_URL_SL: downUrl }), compareUrl: compare.url, logger });
    try {
      const server = await partial.listen(0);
      const body = await post(server.url, "{ saarlandName }");
      expect(body.data).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: "SL" });
      expect(body.errors?.[0]?.message).toBe("Saarland (SL) is unavailable: no answer");
    } finally {
      await partial.close();
    }
  });
});
