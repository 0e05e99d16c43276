import { GraphQLError } from "graphql";

/** The one list of error codes laenderhub returns in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  INVALID_AGS = "INVALID_AGS",
  UNKNOWN_STATE = "UNKNOWN_STATE",
  NOT_FOUND = "NOT_FOUND",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  CONFLICT = "CONFLICT",
  STATE_UNAVAILABLE = "STATE_UNAVAILABLE",
  BUDGET_EXCEEDED = "BUDGET_EXCEEDED",
  /** The compare subgraph (the comparative API) did not answer; state namespaces still do. */
  COMPARE_UNAVAILABLE = "COMPARE_UNAVAILABLE",
  // Limits the gateway applies before planning a query: each its own code.
  QUERY_TOO_DEEP = "QUERY_TOO_DEEP",
  TOO_MANY_ALIASES = "TOO_MANY_ALIASES",
  TOO_MANY_TOKENS = "TOO_MANY_TOKENS",
  TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES",
  QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY",
  PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
};

/** A GraphQL error with a code from ErrorCode and, for input errors, the offending field. */
export class LaenderhubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
  }
}

/** Bad user input on a named field (`field` is the input path, e.g. `input.ags`). */
export function badInput(field: string, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT): LaenderhubError {
  return new LaenderhubError(code, message, { field });
}

export function notFound(what: string, id: string): LaenderhubError {
  return new LaenderhubError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, { id });
}

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR));
// graphql-js and Apollo Server codes that describe the client's request and are safe to show.
const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_MISMATCH",
  "OPERATION_RESOLUTION_FAILURE",
]);

// graphql-js reports an unknown enum literal in the query text as a validation failure;
// for laenderhub's users it is bad input like any other (an unknown state code, say).
const UNKNOWN_ENUM_VALUE = /^Value "[^"]*" does not exist in "\w+" enum\.|^Enum "\w+" cannot represent non-enum value/;

/** The input path graphql-js names in a variable coercion message (`… at "input.stage"`), or the variable. */
function fieldOfMessage(message: string): string | undefined {
  return /\bat "([^"]+)"/.exec(message)?.[1] ?? /^Variable "\$(\w+)"/.exec(message)?.[1];
}

const MAX_QUOTED = 60;
const MAX_MESSAGE = 1000;

/**
 * A message with every quoted value cut to 60 characters and the whole to 1000: graphql-js
 * quotes a rejected value whole (`Variable "$x" got invalid value "…"`), and a client must
 * never get its 900 KB input back.
 */
export function boundMessage(message: string): string {
  const cut = message.replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => (inner.length > MAX_QUOTED ? `"${inner.slice(0, MAX_QUOTED)}…"` : quoted));
  return cut.length > MAX_MESSAGE ? `${cut.slice(0, MAX_MESSAGE)}…` : cut;
}

/**
 * Apollo Server `formatError`: errors with a laenderhub or request-level code pass unchanged
 * (without stack traces); anything else is logged and masked as INTERNAL_SERVER_ERROR.
 */
export function formatError(
  formatted: import("graphql").GraphQLFormattedError,
  error: unknown,
  log: (err: unknown) => void = () => {},
): import("graphql").GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? "");
  if (code === "GRAPHQL_VALIDATION_FAILED" && UNKNOWN_ENUM_VALUE.test(formatted.message)) {
    return { message: boundMessage(formatted.message), locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (PUBLIC_CODES.has(code) || PASS_THROUGH.has(code)) {
    const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const field = code === ErrorCode.BAD_USER_INPUT && !extensions.field ? fieldOfMessage(formatted.message) : undefined;
    return { ...formatted, message: boundMessage(formatted.message), extensions: field ? { ...extensions, field } : extensions };
  }
  // type-graphql argument validation and graphql-js variable coercion report bad input.
  if (code === "BAD_USER_INPUT" || /Variable "\$|Argument Validation Error|Expected type|got invalid value/.test(formatted.message)) {
    const field = (formatted.extensions?.field as string | undefined) ?? fieldOfMessage(formatted.message);
    return {
      message: boundMessage(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
    };
  }
  log(error);
  return { message: "Internal server error", path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
