// @apollo/gateway with @apollo/server, the peer `npm run bench` measures the laenderhub gateway
// against with the response cache off: the same committed supergraph (never composed here) and
// subgraph processes, each subgraph reached at its URL, otherwise Apollo's defaults.
// The runner sets APOLLO_TELEMETRY_DISABLED=true so that it does not report to Apollo.
//
// Environment: PORT, HOST, SUPERGRAPH_PATH, SUBGRAPH_URLS (JSON: subgraph name → URL).
import { ApolloGateway, RemoteGraphQLDataSource } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { readFileSync } from "node:fs";

const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}");
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH, "utf8"),
  // Never the URL written in the supergraph: that is where a developer's `npm start` listens.
  buildService: ({ name }) => {
    if (!urls[name]) throw new Error(`no URL for subgraph ${name} in SUBGRAPH_URLS`);
    return new RemoteGraphQLDataSource({ url: urls[name] });
  },
});
const server = new ApolloServer({ gateway });
await startStandaloneServer(server, { listen: { port: Number(process.env.PORT), host: process.env.HOST ?? "127.0.0.1" } });
process.on("SIGTERM", () => server.stop().then(() => process.exit(0)));
