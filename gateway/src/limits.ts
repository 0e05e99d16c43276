import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesPlugin } from "@escape.tech/graphql-armor-max-directives";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { ErrorCode, LaenderhubError } from "@laenderhub/shared";
import type { GraphQLError } from "graphql";
import type { QueryLimits } from "./config.js";

/**
 * Refuses an armor rejection with our own code. graphql-armor's errors carry no code and read
 * "Syntax Error: …"; the handler runs before armor throws its own, so ours is what the client
 * sees (as a request error: HTTP 400, no data, nothing planned or fetched).
 */
function refuseWith(code: ErrorCode) {
  return [
    (_context: unknown, error: GraphQLError): never => {
      throw new LaenderhubError(code, error.message.replace(/^Syntax Error: /, ""));
    },
  ];
}

/**
 * graphql-armor's limits as gateway plugins. They run while the document is parsed (tokens)
 * and validated (depth, aliases, directives, cost), that is before the query planner sees it:
 * a query that would be expensive to plan is never planned.
 */
export function queryLimitPlugins(limits: QueryLimits): GatewayPlugin[] {
  const common = { exposeLimits: true, propagateOnRejection: true } as const;
  return [
    maxTokensPlugin({ ...common, n: limits.maxTokens, onReject: refuseWith(ErrorCode.TOO_MANY_TOKENS) }),
    maxDepthPlugin({ ...common, n: limits.maxDepth, onReject: refuseWith(ErrorCode.QUERY_TOO_DEEP) }),
    maxAliasesPlugin({ ...common, n: limits.maxAliases, onReject: refuseWith(ErrorCode.TOO_MANY_ALIASES) }),
    maxDirectivesPlugin({ ...common, n: limits.maxDirectives, onReject: refuseWith(ErrorCode.TOO_MANY_DIRECTIVES) }),
    costLimitPlugin({ ...common, maxCost: limits.maxCost, onReject: refuseWith(ErrorCode.QUERY_TOO_COSTLY) }),
  ] as GatewayPlugin[];
}

/**
 * The media type a POST body may have. GraphQL over HTTP's other JSON type,
 * `application/graphql-response+json`, names answers: clients ask for it with `Accept`.
 */
const JSON_MEDIA_TYPES = new Set(["application/json"]);

/**
 * A refusal sent before the body is read: the connection closes after it, since the unread
 * body would otherwise be taken for the next request on a kept-alive socket.
 */
function refusal(status: number, code: ErrorCode, message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", connection: "close" },
  });
}

/**
 * HTTP-level guards, before any body is read: a POST must declare a JSON content type (which
 * is also the CSRF rule: a cross-site form or `no-cors` fetch can only send `text/plain`,
 * form or multipart bodies, and a JSON POST from another origin needs a CORS preflight) and a
 * `content-length` within the limit. GET is left alone: it can only run queries, never
 * mutations, so clients like urql that send GET without a content type just work.
 */
export function requestGuardPlugin(maxBodyBytes: number): GatewayPlugin {
  return {
    onRequest({ request, endResponse }) {
      if (request.method !== "POST") return;
      const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
      if (!JSON_MEDIA_TYPES.has(mediaType)) {
        endResponse(
          refusal(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "POST bodies must be application/json"),
        );
        return;
      }
      const length = request.headers.get("content-length");
      if (length === null) {
        endResponse(refusal(411, ErrorCode.PAYLOAD_TOO_LARGE, "a POST must declare its content-length"));
        return;
      }
      if (!/^\d+$/.test(length) || Number(length) > maxBodyBytes) {
        endResponse(refusal(413, ErrorCode.PAYLOAD_TOO_LARGE, `request bodies are limited to ${maxBodyBytes} bytes`));
      }
    },
  };
}
