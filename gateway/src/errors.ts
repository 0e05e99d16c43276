import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { BreakerOpenError, CallCancelledError, ErrorCode, formatError, LaenderhubError, type CircuitBreakers, type Logger, type StateCode } from "@laenderhub/shared";
import { GraphQLError } from "graphql";
import { requestIdOf } from "./headers.js";

/** One subgraph as the gateway reaches it. */
export interface SubgraphTarget {
  name: string;
  /** Null when this deployment does not configure it (a state left out of SUBGRAPH_STATES). */
  url: string | null;
  /** Set for state subgraphs. */
  state: { code: StateCode; name: string } | null;
}

/**
 * The error a client sees for a subgraph that did not answer: STATE_UNAVAILABLE naming the
 * state, or COMPARE_UNAVAILABLE for the comparative API, so a partial answer never hides which
 * part is missing (and never shows an internal URL or subgraph name).
 */
export function unavailable(target: SubgraphTarget, reason: string): LaenderhubError {
  if (target.state) {
    return new LaenderhubError(ErrorCode.STATE_UNAVAILABLE, `${target.state.name} (${target.state.code}) is unavailable: ${reason}`, { state: target.state.code });
  }
  return new LaenderhubError(ErrorCode.COMPARE_UNAVAILABLE, `the comparative API is unavailable: ${reason}`);
}

/**
 * Why a subgraph's answer is no answer at all, or null when it is the subgraph's own GraphQL
 * error. @graphql-tools' HTTP executor reports a failed connection as SUBREQUEST_HTTP_ERROR
 * and a body that is no GraphQL response (a proxy's 503 page) as RESPONSE_VALIDATION_FAILED;
 * the runtime's upstream timeout aborts the fetch.
 */
function reasonOf(error: { name?: string; message: string; extensions?: Record<string, unknown> }): string | null {
  const code = error.extensions?.code;
  const status = (error.extensions?.response as { status?: number } | undefined)?.status;
  if (error.name === "TimeoutError" || error.name === "AbortError" || /timed? ?out|aborted/i.test(error.message)) return "no answer in time";
  if (code === "SUBREQUEST_HTTP_ERROR") return "no answer";
  if (code === "RESPONSE_VALIDATION_FAILED") return typeof status === "number" && status >= 400 ? `HTTP ${status}` : "an answer that is not GraphQL";
  if (code === "DOWNSTREAM_SERVICE_ERROR" || code === undefined) return typeof status === "number" && status >= 500 ? `HTTP ${status}` : null;
  return null;
}

/** A subgraph fetch that brought no answer (the reason is the message). */
class SubgraphFailure extends Error {
  override name = "SubgraphFailure";
}

/** Why a subgraph's result is no answer at all (its first transport error), or null. */
function transportFailureOf(result: unknown): string | null {
  if (!result || typeof result !== "object" || Symbol.asyncIterator in result) return null;
  for (const error of (result as { errors?: readonly GraphQLError[] }).errors ?? []) {
    const reason = reasonOf(error);
    if (reason !== null) return reason;
  }
  return null;
}

/**
 * Wraps every subgraph fetch: an unconfigured subgraph is answered here without a request;
 * a failed transport (refused, reset, timed out, HTTP 5xx without GraphQL errors) becomes
 * STATE_UNAVAILABLE / COMPARE_UNAVAILABLE with the reason. A subgraph's own GraphQL errors
 * (a 401 for a write, say) pass with their message and code, minus transport details.
 *
 * An error a subgraph reports next to its data without a `path` (compare's "no answer from
 * Sachsen-Anhalt" beside the states that did answer) belongs to no field, and the runtime's
 * merge would drop it: such errors are kept per request and added to the answer at the end,
 * so a partial answer always says what is missing.
 */
export function subgraphFailurePlugin(targets: ReadonlyMap<string, SubgraphTarget>, breakers: CircuitBreakers, logger: Logger): GatewayPlugin {
  const unpathed = new WeakMap<object, GraphQLError[]>();
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor, executionRequest }) {
      const target = targets.get(subgraphName);
      if (!target) return;
      if (target.url === null) {
        setExecutor(() => ({ errors: [unavailable(target, "not configured in this deployment")] }));
        return;
      }
      const requestContext = executionRequest.context as { request?: Request } | undefined;
      setExecutor((async (request: Parameters<typeof executor>[0]) => {
        let result;
        try {
          // Through the subgraph's breaker: a subgraph that keeps failing or hanging is
          // answered for at once until a probe finds it back, instead of costing every request
          // its timeout. Only a missing answer counts, never the subgraph's own GraphQL errors,
          // nor a client that went away.
          result = await breakers.run(subgraphName, async () => {
            try {
              const answer = await executor(request);
              const failure = transportFailureOf(answer);
              if (failure) throw new SubgraphFailure(failure);
              return answer;
            } catch (err) {
              if (requestContext?.request?.signal.aborted) throw new CallCancelledError("the client went away");
              throw err;
            }
          });
        } catch (err) {
          if (err instanceof CallCancelledError) return { errors: [unavailable(target, "request cancelled")] };
          const reason = err instanceof BreakerOpenError ? err.reason : err instanceof SubgraphFailure ? err.message : (reasonOf(err as Error) ?? "no answer");
          if (!(err instanceof BreakerOpenError)) {
            const request = requestContext?.request;
            logger.warn({ subgraph: subgraphName, reason, requestId: request ? requestIdOf(request) : undefined }, `subgraph ${subgraphName} unavailable`);
          }
          return { errors: [unavailable(target, reason)] };
        }
        if (!result || Symbol.asyncIterator in (result as object)) return result;
        const single = result as { data?: unknown; errors?: readonly GraphQLError[] };
        if (!single.errors?.length) return single;
        const errors = single.errors.map(withoutTransportDetails);
        if (single.data != null && requestContext) {
          const loose = errors.filter((e) => !e.path?.length);
          if (loose.length > 0) unpathed.set(requestContext, [...(unpathed.get(requestContext) ?? []), ...loose]);
        }
        return { ...single, errors };
      }) as typeof executor);
    },
    onExecute({ args }) {
      const requestContext = args.contextValue as object;
      return {
        onExecuteDone({ result, setResult }) {
          const loose = unpathed.get(requestContext);
          if (!loose?.length || Symbol.asyncIterator in (result as object)) return;
          const single = result as { errors?: readonly GraphQLError[] };
          const present = new Set((single.errors ?? []).map((e) => `${e.extensions?.code}|${e.message}`));
          const added = loose.filter((e) => {
            const key = `${e.extensions?.code}|${e.message}`;
            if (present.has(key)) return false;
            present.add(key);
            return true;
          });
          if (added.length > 0) setResult({ ...single, errors: [...(single.errors ?? []), ...added] } as never);
        },
      };
    },
  };
}

/** A subgraph's error without what only the gateway should know (its URL, the HTTP response). */
function withoutTransportDetails(error: GraphQLError): GraphQLError {
  const { http: _http, response: _response, request: _request, serviceName: _service, ...extensions } = error.extensions ?? {};
  return new GraphQLError(error.message, { path: error.path, extensions, originalError: error.originalError ?? undefined });
}

/**
 * Yoga's `maskError` with the project's one policy (shared `formatError`): codes from the
 * project's enum and request-level codes pass, anything else is logged and masked as
 * INTERNAL_SERVER_ERROR with no stack, URL or subgraph name.
 */
export function maskError(logger: Logger) {
  return (error: unknown): Error => {
    // By name, not instanceof: the runtime and this file may load different copies of graphql-js
    // (its CommonJS and ESM builds), whose GraphQLError classes differ.
    const graphqlError = error instanceof Error && error.name === "GraphQLError" ? (error as GraphQLError) : new GraphQLError("Internal server error", { originalError: error as Error });
    const formatted = formatError(graphqlError.toJSON(), graphqlError.originalError ?? error, (err) => logger.error({ err }, "unexpected error"));
    const { serviceName: _service, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return new GraphQLError(formatted.message, { path: formatted.path, extensions, nodes: graphqlError.nodes });
  };
}
