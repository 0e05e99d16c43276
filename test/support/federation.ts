import { createGateway, type EdgeConfigInput, type Gateway, type GatewayOptions } from "@laenderhub/gateway";
import { createLogger, issueToken, resolveRegistry, type AuthConfig, type Logger, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import { createCompareSubgraph } from "@laenderhub/subgraph-compare";
import { createSaarlandSubgraph } from "@laenderhub/subgraph-saarland";
import { createSachsenSubgraph } from "@laenderhub/subgraph-sachsen";
import { createSachsenAnhaltSubgraph } from "@laenderhub/subgraph-sachsen-anhalt";

/** A GraphQL response as the gateway sends it. */
export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type StateKey = "SL" | "SN" | "ST";
export type Role = "editor" | "viewer";

/**
 * Test-only signing secrets, one per state, as ministries deploy them: each subgraph verifies
 * tokens with its own key only, so a token signed for one state cannot even be verified by another.
 */
export const STATE_SECRETS: Readonly<Record<StateKey, string>> = {
  SL: "e2e-saarland-secret-that-is-long-enough-0123456789",
  SN: "e2e-sachsen-secret-that-is-long-enough-0123456789",
  ST: "e2e-sachsen-anhalt-secret-long-enough-0123456789",
};

function authFor(state: StateKey): AuthConfig {
  // The state's own audience (stateAudience's scheme), as authConfigFromEnv gives it in main.ts.
  return { secrets: [STATE_SECRETS[state]], publicKeys: [], issuer: "laenderhub", audience: `laenderhub:${state}` };
}

/** The whole federation over HTTP on port 0, from the production factories. */
export interface RunningFederation {
  gatewayUrl: string;
  compareUrl: string;
  /** Each state subgraph's server, to stop one and see how the rest answer. */
  servers: ReadonlyMap<StateKey, RunningServer>;
  /** POSTs a GraphQL request (JSON) and returns the parsed body. */
  post<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>, url?: string): Promise<GraphQLResponse<T>>;
  /**
   * `Authorization` header with a token for `state` and `role`, signed with `signedBy`'s key
   * (default: the state's own).
   */
  bearer(state: StateKey, role: Role, signedBy?: StateKey): Promise<{ authorization: string }>;
  close(): Promise<void>;
}

/** Loopback only, named as an address: "localhost" may be tried as ::1 first. */
const HOST = "127.0.0.1";

/**
 * Starts the three state subgraphs (in-memory SQLite, seeded, each with its own key), compare
 * and the gateway on the committed supergraph, as `npm start` runs them but in this process,
 * each on a free loopback port. Used by the end-to-end tests and the benchmark. `edge` lays a
 * configuration over the gateway's defaults; `plugins` are added to its runtime (a test
 * records subgraph fetches with one).
 */
export async function startFederation(options: { edge?: EdgeConfigInput; plugins?: GatewayOptions["plugins"]; logger?: Logger } = {}): Promise<RunningFederation> {
  // Silent unless a test reads the lines: log lines per request would cost time.
  const logger = options.logger ?? createLogger("e2e", "silent");
  const services: SubgraphService<any>[] = [];
  const servers = new Map<StateKey, RunningServer>();
  let gateway: Gateway | undefined;
  const close = async () => {
    await gateway?.close();
    await Promise.all(services.map((s) => s.close()));
  };
  try {
    const states = await Promise.all([
      createSaarlandSubgraph({ databaseUrl: ":memory:", logger, auth: authFor("SL") }),
      createSachsenSubgraph({ databaseUrl: ":memory:", logger, auth: authFor("SN") }),
      createSachsenAnhaltSubgraph({ databaseUrl: ":memory:", logger, auth: authFor("ST") }),
    ]);
    services.push(...states);
    const [saarland, sachsen, sachsenAnhalt] = states;
    servers.set("SL", await saarland.listen(0, HOST));
    servers.set("SN", await sachsen.listen(0, HOST));
    servers.set("ST", await sachsenAnhalt.listen(0, HOST));
    // An explicit environment: SUBGRAPH_* variables of the caller's shell cannot point the
    // federation elsewhere or drop a state.
    const registry = resolveRegistry({
      SUBGRAPH_URL_SL: servers.get("SL")!.url,
      SUBGRAPH_URL_SN: servers.get("SN")!.url,
      SUBGRAPH_URL_ST: servers.get("ST")!.url,
    });
    const compare = await createCompareSubgraph({ databaseUrl: ":memory:", registry, logger });
    services.push(compare);
    const compareUrl = (await compare.listen(0, HOST)).url;
    gateway = createGateway({ registry, compareUrl, logger, ...(options.edge ? { config: options.edge } : {}), ...(options.plugins ? { plugins: options.plugins } : {}) });
    const gatewayUrl = (await gateway.listen(0, HOST)).url;

    const post = async <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}, url = gatewayUrl) => {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
      if (!/json/.test(res.headers.get("content-type") ?? "")) throw new Error(`${url} answered ${res.status} with ${res.headers.get("content-type")}, not JSON`);
      return (await res.json()) as GraphQLResponse<T>;
    };
    // Issued by `signedBy`'s admin, so for `signedBy`'s subgraph (its key and its audience): a
    // token naming another state then reaches FORBIDDEN there, not a refused audience.
    const bearer = async (state: StateKey, role: Role, signedBy: StateKey = state) => ({
      authorization: `Bearer ${await issueToken({ secret: STATE_SECRETS[signedBy], audience: `laenderhub:${signedBy}`, state, role, subject: `e2e-${state}-${role}`, expiresIn: "5m" })}`,
    });
    return { gatewayUrl, compareUrl, servers, post, bearer, close };
  } catch (err) {
    await close();
    throw err;
  }
}
