import { ApolloGateway } from "@apollo/gateway";
import { startGraphQLHttpServer, type Logger, type RunningServer, type StateSubgraph } from "@laenderhub/shared";
import type { IncomingMessage } from "node:http";
import { SubgraphDataSource, type GatewayContext } from "./data-source.js";
import { SUBGRAPH_SOURCES, resolveSubgraphUrls } from "./subgraphs.js";
import { readSupergraphSdl } from "./supergraph.js";

export { SubgraphDataSource, type GatewayContext, type SubgraphTarget } from "./data-source.js";
export { COMPARE_DEFAULT_URL, COMPARE_SUBGRAPH, SUBGRAPH_SOURCES, resolveSubgraphUrls, type SubgraphSource } from "./subgraphs.js";
export { SUPERGRAPH_PATH, readSupergraphSdl } from "./supergraph.js";

/** Default deadline for one subgraph fetch. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;

export interface GatewayOptions {
  /** The supergraph to serve; defaults to the committed `gateway/supergraph.graphql`. */
  supergraphSdl?: string;
  /** The state subgraphs and their URLs (`resolveRegistry()`); states left out answer STATE_UNAVAILABLE. */
  registry: readonly StateSubgraph[];
  /** URL of the compare subgraph's `/graphql`. */
  compareUrl: string;
  logger: Logger;
  /** Deadline for one subgraph fetch (default 10 s). */
  subgraphTimeoutMs?: number;
  /** Allow introspection and the landing page (default true: the API is public and read-only). */
  introspection?: boolean;
}

export interface Gateway {
  /** Serves `/graphql` and `/health`; port 0 picks a free port. */
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Stops every server started by `listen`. */
  close(): Promise<void>;
}

/**
 * The federation gateway: @apollo/gateway over the statically composed supergraph (never
 * composed at start), with each subgraph's URL taken from configuration rather than from
 * the supergraph, served by the shared HTTP server (errors masked by the shared formatError).
 */
export function createGateway(options: GatewayOptions): Gateway {
  const supergraphSdl = options.supergraphSdl ?? readSupergraphSdl();
  const urls = resolveSubgraphUrls(options.registry, options.compareUrl);
  const timeoutMs = options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const running: RunningServer[] = [];

  function buildService({ name }: { name: string }): SubgraphDataSource {
    const source = SUBGRAPH_SOURCES.find((s) => s.name === name);
    // A subgraph the code does not know can only come from a stale or foreign supergraph file.
    if (!source) throw new Error(`supergraph names an unknown subgraph "${name}": run npm run compose`);
    return new SubgraphDataSource({ name, url: urls.get(name) ?? null, state: source.state, timeoutMs, logger: options.logger });
  }

  return {
    async listen(port: number, host?: string) {
      // One ApolloGateway per server: a gateway instance is loaded and stopped exactly once.
      const gateway = new ApolloGateway({ supergraphSdl, buildService, logger: options.logger });
      const server = await startGraphQLHttpServer<GatewayContext>(
        {
          name: "gateway",
          gateway,
          logger: options.logger,
          context: (req: IncomingMessage): GatewayContext => (req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          // Names only: internal subgraph URLs are not the public's business.
          health: () => ({ subgraphs: [...urls].filter(([, url]) => url !== null).map(([name]) => name) }),
          ...(options.introspection === undefined ? {} : { introspection: options.introspection }),
        },
        { port, ...(host ? { host } : {}) },
      );
      running.push(server);
      options.logger.info({ url: server.url, subgraphs: Object.fromEntries(urls) }, "gateway listening");
      return server;
    },
    async close() {
      await Promise.all(running.splice(0).map((r) => r.stop()));
    },
  };
}
