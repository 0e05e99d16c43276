import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { GraphQLSchema } from "graphql";
import type { IncomingMessage } from "node:http";
import type { DataSource } from "typeorm";
import { formatError } from "../errors.js";
import type { Logger } from "../logger.js";
import { inputLimitsPlugin } from "./input-limits.js";
import { startGraphQLHttpServer, type RunningServer } from "./http-server.js";

/** Who is calling: parsed from a verified bearer token, or null for anonymous reads. */
export interface Principal {
  /** Token subject (a person or a service account). */
  subject: string;
  state: string;
  role: "editor" | "viewer";
}

/** What every laenderhub resolver context carries; subgraphs add their DataLoaders. */
export interface BaseContext {
  /** The verified caller, or null. */
  principal: Principal | null;
  /** Set when a token was sent but could not be verified (reads still work; writes refuse). */
  authError: Error | null;
  logger: Logger;
  dataSource: DataSource;
}

export interface SubgraphService<TContext extends BaseContext = BaseContext> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  /** An Apollo Server for `executeOperation` in tests (started, with the production formatError). */
  server: ApolloServer<TContext>;
  /**
   * Builds the per-request context; `authorization` is the raw header value, `signal` aborts
   * when an HTTP client goes away before its answer.
   */
  createContext(authorization?: string, signal?: AbortSignal): Promise<TContext>;
  /** Serves the subgraph over HTTP (`/graphql`, `/health`); port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Stops every server started by `listen` and closes the database. */
  close(): Promise<void>;
}

export interface SubgraphServiceOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  logger: Logger;
  createContext(authorization?: string, signal?: AbortSignal): Promise<TContext>;
  /** Extra fields for /health next to `database` (e.g. the state of circuit breakers). */
  health?: () => Record<string, unknown>;
  /**
   * Extra Apollo plugins, for the test server and every HTTP server. A factory, because
   * Apollo Server adds its default plugins to the array it is given.
   */
  plugins?: () => ApolloServerPlugin<TContext>[];
}

/**
 * Wraps a subgraph schema, its database and its context factory into a service that tests
 * drive through `executeOperation` and `main.ts` serves over HTTP: both use this one factory.
 */
export async function createSubgraphService<TContext extends BaseContext>(
  options: SubgraphServiceOptions<TContext>,
): Promise<SubgraphService<TContext>> {
  // The declared input limits apply to every subgraph, in tests and over HTTP alike.
  const plugins = () => [inputLimitsPlugin<TContext>(), ...(options.plugins?.() ?? [])];
  const server = new ApolloServer<TContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (err) => options.logger.error({ err }, "unexpected error")),
    // No Apollo Studio reporting here; inline traces would only cost time per request.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...plugins()],
  });
  await server.start();
  const running: RunningServer[] = [];
  return {
    name: options.name,
    schema: options.schema,
    dataSource: options.dataSource,
    server,
    createContext: options.createContext,
    async listen(port: number, host?: string) {
      const http = await startGraphQLHttpServer<TContext>(
        {
          name: options.name,
          schema: options.schema,
          logger: options.logger,
          context: (req: IncomingMessage, signal: AbortSignal) => options.createContext(req.headers.authorization, signal),
          plugins: plugins(),
          health: async () => {
            await options.dataSource.query("SELECT 1");
            return { database: "ok", ...options.health?.() };
          },
        },
        { port, ...(host ? { host } : {}) },
      );
      running.push(http);
      options.logger.info({ url: http.url }, `${options.name} subgraph listening`);
      return http;
    },
    async close() {
      await Promise.all(running.splice(0).map((r) => r.stop()));
      await server.stop();
      if (options.dataSource.isInitialized) await options.dataSource.destroy();
    },
  };
}
