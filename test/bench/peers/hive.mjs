// An out-of-the-box Hive Gateway, the peer `npm run bench` compares the laenderhub gateway
// with: the same committed supergraph and subgraph processes, Hive's runtime with nothing but
// the HTTP transport and each subgraph's URL, served by node:http. No other option on purpose:
// whatever the runtime does by default (deduplication of in-flight subgraph requests, its
// logging) is what it is measured with.
//
// Environment: PORT, HOST, SUPERGRAPH_PATH, SUBGRAPH_URLS (JSON: subgraph name → URL).
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import http from "@graphql-mesh/transport-http";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const urls = JSON.parse(process.env.SUBGRAPH_URLS ?? "{}");
const gateway = createGatewayRuntime({
  supergraph: readFileSync(process.env.SUPERGRAPH_PATH, "utf8"),
  transports: { http },
  transportEntries: Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }])),
});

const server = createServer(gateway);
server.listen(Number(process.env.PORT), process.env.HOST ?? "127.0.0.1");
process.on("SIGTERM", () => server.close(() => process.exit(0)));
