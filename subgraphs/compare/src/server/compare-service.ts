import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { formatError, startGraphQLHttpServer, type Logger, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import type { GraphQLSchema } from "graphql";
import type { IncomingMessage } from "node:http";
import type { DataSource } from "typeorm";
import type { CompareContext } from "../context.js";

/**
 * The compare subgraph's service: the same shape and behaviour as shared
 * `createSubgraphService`, plus Apollo plugins on both the test server and the HTTP server,
 * which the partial-failure reporting needs (the shared factory takes no plugins).
 */
export async function createCompareService(options: {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  logger: Logger;
  createContext(authorization?: string): Promise<CompareContext>;
  /** Called once per server: Apollo Server adds its default plugins to the array it is given. */
  plugins: () => ApolloServerPlugin<CompareContext>[];
}): Promise<SubgraphService<CompareContext>> {
  const server = new ApolloServer<CompareContext>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatError(formatted, error, (err) => options.logger.error({ err }, "unexpected error")),
    plugins: options.plugins(),
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
      const http = await startGraphQLHttpServer<CompareContext>(
        {
          name: options.name,
          schema: options.schema,
          logger: options.logger,
          context: (req: IncomingMessage) => options.createContext(req.headers.authorization),
          plugins: options.plugins(),
          health: async () => {
            await options.dataSource.query("SELECT 1");
            return { database: "ok" };
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
