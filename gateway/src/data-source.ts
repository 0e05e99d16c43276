import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ErrorCode, LaenderhubError, type Logger, type StateCode } from "@laenderhub/shared";
import { GraphQLError } from "graphql";

/** What the gateway keeps per request: only what it forwards to subgraphs. */
export interface GatewayContext {
  /** The client's `Authorization` header, forwarded unchanged so subgraphs authorise writes. */
  authorization?: string;
}

export interface SubgraphTarget {
  name: string;
  /** Null when the state is not in the configured registry. */
  url: string | null;
  state: { code: StateCode; name: string } | null;
  timeoutMs: number;
  logger: Logger;
}

/**
 * Sends the gateway's subgraph fetches: forwards the caller's `Authorization` header, gives
 * each fetch a deadline, and reports an unreachable or unconfigured state subgraph as
 * STATE_UNAVAILABLE naming the state, so a partial answer never hides which state is missing.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly target: SubgraphTarget;

  constructor(target: SubgraphTarget) {
    super({ url: target.url ?? "http://unconfigured.invalid/graphql" });
    this.target = target;
    // Node's fetch with a deadline: a hanging subgraph must not hold the whole response.
    this.fetcher = ((url: string, init: RequestInit) =>
      fetch(url, { ...init, signal: AbortSignal.timeout(target.timeoutMs) })) as unknown as typeof this.fetcher;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (this.target.url === null) throw this.unavailable("not configured in this deployment", null);
    return super.process(options);
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const authorization = (options.context as GatewayContext | undefined)?.authorization;
    if (authorization && options.request.http) options.request.http.headers.set("authorization", authorization);
  }

  override didEncounterError(error: Error, _request: unknown, response?: unknown): void {
    // No response at all means the subgraph could not be reached (refused, reset, timed out).
    if (response === undefined && this.target.state) throw this.unavailable("no answer", error);
    throw error;
  }

  /**
   * A subgraph answers with a non-2xx status when its error asks for one (401 and 403 for
   * writes): keep that error's own message and code instead of @apollo/gateway's generic
   * "401: Unauthorized", whose extensions would also expose the subgraph's internal URL.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0]): Promise<GraphQLError> {
    const body = await this.parseBody(response).catch(() => null);
    const first = (body as { errors?: { message?: unknown; extensions?: Record<string, unknown> }[] } | null)?.errors?.[0];
    if (first && typeof first.message === "string") {
      const { http: _http, ...extensions } = first.extensions ?? {};
      return new GraphQLError(first.message, { extensions });
    }
    if (response.status >= 500 && this.target.state) return this.unavailable(`HTTP ${response.status}`, null);
    // No code: the shared formatError logs it and shows the client a masked error.
    return new GraphQLError(`subgraph ${this.target.name} answered HTTP ${response.status}`);
  }

  private unavailable(reason: string, cause: Error | null): LaenderhubError {
    const { state, name, url } = this.target;
    this.target.logger.warn({ subgraph: name, url, err: cause ?? undefined }, `subgraph ${name} unavailable: ${reason}`);
    const what = state ? `${state.name} (${state.code})` : name;
    return new LaenderhubError(ErrorCode.STATE_UNAVAILABLE, `${what} is unavailable: ${reason}`, state ? { state: state.code } : { subgraph: name });
  }
}
