import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { REQUEST_ID_HEADER, requestIdOf as idOfHeader } from "@laenderhub/shared";
import { decodeJwt } from "jose";

export { REQUEST_ID_HEADER };

const requestIds = new WeakMap<Request, string>();

/** The request id of a request seen by {@link requestIdPlugin}. */
export function requestIdOf(request: Request): string | undefined {
  return requestIds.get(request);
}

/**
 * Takes the client's `x-request-id` (when well-formed) or makes one, sends it to every
 * subgraph fetch of the request and back to the client, so one id ties together the access
 * log line here and the log lines of every subgraph that served it.
 */
export function requestIdPlugin(): GatewayPlugin {
  return {
    onRequest({ request }) {
      requestIds.set(request, idOfHeader(request.headers.get(REQUEST_ID_HEADER)));
    },
    onFetch({ context, options, setOptions }) {
      const id = "request" in context ? requestIds.get((context as { request: Request }).request) : undefined;
      if (id) setOptions({ ...options, headers: { ...(options.headers as Record<string, string> | undefined), [REQUEST_ID_HEADER]: id } });
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set(REQUEST_ID_HEADER, id);
    },
  };
}

/**
 * The subgraph a bearer token is meant for, from its (unverified) `state` claim; null when the
 * header is no readable JWT or names no state this gateway routes to. The gateway does not
 * verify tokens (each state does, with its own key): it only decides where a token may go.
 */
export function tokenSubgraph(authorization: string | null, subgraphOfState: ReadonlyMap<string, string>): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  try {
    const state = decodeJwt(match[1]!).state;
    return typeof state === "string" ? (subgraphOfState.get(state) ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * `Authorization` travels to one subgraph only: the state the token is for (its mutations and
 * its namespace). Compare and the other states never see it, so a ministry's token cannot be
 * replayed by, or leak through, a service that has no business with it.
 */
export function authorizationFor(request: Request, subgraphName: string, subgraphOfState: ReadonlyMap<string, string>): Record<string, string> {
  const authorization = request.headers.get("authorization");
  if (!authorization) return {};
  return tokenSubgraph(authorization, subgraphOfState) === subgraphName ? { authorization } : {};
}
