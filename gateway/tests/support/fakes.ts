import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { createLogger, ErrorCode, issueToken, LaenderhubError, resolveRegistry, startGraphQLHttpServer, type RunningServer, type StateCode } from "@laenderhub/shared";
import { parse } from "graphql";
import type { IncomingMessage } from "node:http";
import { createGateway, type Gateway, type GatewayOptions } from "../../src/index.js";

/*
 * Four tiny stand-ins named like the real subgraphs (the gateway builds transports only for the
 * subgraphs it knows). Each records every request it gets (the Authorization and request-id
 * headers it saw), so tests can say which subgraph a request reached and with what.
 */

export interface SeenRequest {
  authorization: string | null;
  requestId: string | null;
  traceparent: string | null;
}

export interface Fake {
  name: string;
  server: RunningServer;
  seen: SeenRequest[];
}

const FAKES = [
  { name: "saarland", field: "saarlandName", value: "Saarland" },
  { name: "sachsen", field: "sachsenName", value: "Sachsen" },
  { name: "sachsen-anhalt", field: "sachsenAnhaltName", value: "Sachsen-Anhalt" },
  { name: "compare", field: "compareAlive", value: true },
] as const;

const sdlOf = (field: string, extra = ""): string => `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
  type Query { ${field}: ${field === "compareAlive" ? "Boolean!" : "String!"} ${extra} }
`;

// Saarland also writes (a counter, for cache invalidation) and refuses anonymous writes with
// 401, as the real states do; compare counts its answers (a cache hit never reaches it).
const SAARLAND_EXTRA = "editorsOnly: String counter: Int! } type Mutation { bump: Int!";
const COMPARE_EXTRA = "compareCount: Int!";

export const logger = createLogger("gateway-test", "silent");

export async function startFakes(): Promise<Map<string, Fake>> {
  const fakes = new Map<string, Fake>();
  let counter = 0;
  let compareCount = 0;
  for (const fake of FAKES) {
    const seen: SeenRequest[] = [];
    const query: Record<string, unknown> = { [fake.field]: () => fake.value };
    const resolvers: Record<string, Record<string, unknown>> = { Query: query };
    if (fake.name === "saarland") {
      query.editorsOnly = () => {
        throw new LaenderhubError(ErrorCode.UNAUTHENTICATED, "Not authenticated: writes need an editor token of SL", { reason: "NO_TOKEN" });
      };
      query.counter = () => counter;
      resolvers.Mutation = { bump: () => ++counter };
    }
    if (fake.name === "compare") query.compareCount = () => ++compareCount;
    const extra = fake.name === "saarland" ? SAARLAND_EXTRA : fake.name === "compare" ? COMPARE_EXTRA : "";
    const schema = buildSubgraphSchema([{ typeDefs: parse(sdlOf(fake.field, extra)), resolvers: resolvers as never }]);
    const server = await startGraphQLHttpServer(
      {
        name: fake.name,
        schema,
        logger,
        context: (req: IncomingMessage) => {
          seen.push({ authorization: req.headers.authorization ?? null, requestId: (req.headers["x-request-id"] as string | undefined) ?? null, traceparent: (req.headers.traceparent as string | undefined) ?? null });
          return {};
        },
      },
      { port: 0, host: "127.0.0.1" },
    );
    fakes.set(fake.name, { name: fake.name, server, seen });
  }
  return fakes;
}

/** The fakes composed; the URLs in it point nowhere: the gateway must take them from its configuration. */
export function composeFakes(): string {
  const result = composeServices(
    FAKES.map((f) => ({
      name: f.name,
      url: `http://${f.name}.invalid/graphql`,
      typeDefs: parse(sdlOf(f.field, f.name === "saarland" ? SAARLAND_EXTRA : f.name === "compare" ? COMPARE_EXTRA : "")),
    })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.supergraphSdl;
}

/** A gateway over the fakes (every state configured unless `env` says otherwise). */
export function gatewayOverFakes(fakes: Map<string, Fake>, options: Partial<GatewayOptions> = {}, env?: Record<string, string>): Gateway {
  const registry = resolveRegistry(
    env ?? {
      SUBGRAPH_URL_SL: fakes.get("saarland")!.server.url,
      SUBGRAPH_URL_SN: fakes.get("sachsen")!.server.url,
      SUBGRAPH_URL_ST: fakes.get("sachsen-anhalt")!.server.url,
    },
  );
  return createGateway({ supergraphSdl: composeFakes(), registry, compareUrl: fakes.get("compare")!.server.url, logger, ...options });
}

/** A token claiming `state`, signed with a throwaway secret: the gateway routes by claim, states verify. */
export async function tokenFor(state: StateCode): Promise<string> {
  return `Bearer ${await issueToken({ secret: "gateway-routing-test-secret-0123456789abcdef", state, role: "editor", subject: "t", expiresIn: "5m" })}`;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function post(url: string, query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Answer["body"] };
}

export async function stopFakes(fakes: Map<string, Fake> | undefined): Promise<void> {
  await Promise.all([...(fakes?.values() ?? [])].map((f) => f.server.stop()));
}
