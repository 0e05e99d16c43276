import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { pino, type Logger } from "pino";

/** The header that carries a request's id from the client through the gateway to every subgraph. */
export const REQUEST_ID_HEADER = "x-request-id";

/** A client's request id is kept only if it looks like one: no header injection, no novels. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id a request is known by: the one it came with when well-formed, else a new one. */
export function requestIdOf(given: string | string[] | null | undefined): string {
  const value = Array.isArray(given) ? given[0] : given;
  return value && REQUEST_ID.test(value) ? value : randomUUID();
}

/** The request being served in this async flow (servers run each request inside it). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the request being served in this async flow, if any. */
export const currentRequestId = (): string | undefined => requestScope.getStore()?.requestId;

/**
 * One JSON logger per service; level from LOG_LEVEL (silent in tests by default). Every line
 * written while a request is served carries its `requestId`, whoever writes it, so one id ties
 * the gateway's access log to every subgraph's lines for the same request.
 */
export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"), destination?: pino.DestinationStream): Logger {
  const options = {
    name,
    level,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
export type { Logger };
