import { ApolloServer, HeaderMap, type ApolloServerPlugin, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import type { GraphQLSchema } from "graphql";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { formatError } from "../errors.js";
import { REQUEST_ID_HEADER, requestIdOf, requestScope } from "../logger.js";

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  /** Name shown by /health and in logs. */
  name: string;
  /** The subgraph schema (the gateway serves the supergraph on its own runtime). */
  schema: GraphQLSchema;
  /**
   * Builds the per-request context (DataLoaders live here, never on module level). `signal`
   * aborts when the client goes away before its response is written, so outgoing calls can stop.
   */
  context: (req: IncomingMessage, signal: AbortSignal) => Promise<TContext> | TContext;
  logger: Logger;
  /** Extra readiness check for /health (e.g. the database answers). */
  health?: () => Promise<Record<string, unknown>> | Record<string, unknown>;
  plugins?: ApolloServerPlugin<TContext>[];
  /** Show the landing page and allow introspection (off in production). */
  introspection?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  httpServer: Server;
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1_000_000;

/**
 * Apollo Server on plain node:http: `POST|GET /graphql` and `GET /health`. A tiny
 * integration of our own, because Apollo Server 5 ships none for node:http and the
 * framework integrations would add a web framework for two routes.
 */
export async function startGraphQLHttpServer<TContext extends BaseContext>(
  options: GraphQLHttpServerOptions<TContext>,
  listen: { port: number; host?: string },
): Promise<RunningServer> {
  const httpServer = createServer();
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted: import("graphql").GraphQLFormattedError, error: unknown) => formatError(formatted, error, (err) => options.logger.error({ err }, "unexpected error")),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // A subgraph answers only the gateway and compare: it neither traces nor computes cache
      // hints, whose per-field hook cost about a fifth of a compare request (npm run bench,
      // before and after).
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(options.plugins ?? []),
    ],
  } as never);
  await apollo.start();

  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    // Each request in a scope of its own id (the gateway's, or a new one): every log line
    // written while serving it carries the id, and the answer names it.
    const requestId = requestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    requestScope.run({ requestId }, () => handle(req, res)).catch((err) => {
      options.logger.error({ err }, "request failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/health") {
      const extra = options.health ? await options.health() : {};
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "ok", service: options.name, ...extra }));
      return;
    }
    if (url.pathname !== "/graphql" && url.pathname !== "/") {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not found", routes: ["/graphql", "/health"] }));
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    const body = req.method === "POST" ? await readJsonBody(req) : undefined;
    if (body instanceof Error) {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: body.message, extensions: { code: "BAD_REQUEST" } }] }));
      return;
    }
    // A client that disconnects before its answer is written abandons the work done for it.
    const abandoned = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) abandoned.abort(new Error("the client closed the connection"));
    });
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => Promise.resolve(options.context(req, abandoned.signal)),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(listen.port, listen.host ?? "127.0.0.1", () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const host = listen.host && listen.host !== "0.0.0.0" && listen.host !== "::" ? listen.host : "localhost";
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    httpServer,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((r) => httpServer.close(() => r()));
    },
  };
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return new Error("request body is not valid JSON");
  }
}
