import { createInMemoryCache, defaultBuildResponseCacheKey, type Cache } from "@envelop/response-cache";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { Logger } from "@laenderhub/shared";
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import type { CacheConfig } from "./config.js";

/**
 * Where cached answers and the cache generation live: in this process by default, or in a
 * store several gateways share. A write through any gateway bumps the generation, and every
 * key contains it, so no gateway serves an answer from before the write.
 */
export interface ResponseCacheStore {
  cache: Cache;
  generation(): Promise<number> | number;
  bump(): Promise<void> | void;
  close(): Promise<void>;
}

/** Cached answers held in this process, at most `max` of them (least recently used go first). */
export function inProcessStore(max = 5_000): ResponseCacheStore {
  let generation = 0;
  return {
    cache: createInMemoryCache({ max }),
    generation: () => generation,
    bump: () => {
      generation += 1;
    },
    close: async () => {},
  };
}

/**
 * Cached answers in Redis, shared by every gateway pointed at it: an answer cached by one is
 * served by the others, and a write through any of them bumps the one generation they all
 * read. Redis trouble never fails a request: a read that cannot be made is a miss, and a
 * generation that cannot be read is a fresh one (nothing stale is served).
 */
export function redisStore(url: string, logger: Logger, prefix = "laenderhub:gateway:"): ResponseCacheStore {
  let warned = false;
  const trouble = (err: unknown): void => {
    if (!warned) logger.warn({ err }, "response cache: Redis unavailable, answering without the cache");
    warned = true;
  };
  // The client library is loaded only where Redis is configured.
  // Connected before the first command: without an offline queue, a command sent while
  // connecting would fail (a miss for nothing).
  const client = import("ioredis").then(async ({ Redis }) => {
    const redis = new Redis(url, { keyPrefix: prefix, maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    redis.on("error", trouble);
    redis.on("ready", () => {
      warned = false;
    });
    await redis.connect().catch(trouble);
    return redis;
  });
  return {
    cache: {
      async get(id) {
        try {
          const text = await (await client).get(`answer:${id}`);
          return text === null ? undefined : JSON.parse(text);
        } catch (err) {
          trouble(err);
          return undefined;
        }
      },
      async set(id, data, _entities, ttl) {
        try {
          const redis = await client;
          await (Number.isFinite(ttl) ? redis.set(`answer:${id}`, JSON.stringify(data), "PX", Math.max(1, Math.round(ttl))) : redis.set(`answer:${id}`, JSON.stringify(data)));
        } catch (err) {
          trouble(err);
        }
      },
      // Answers are not invalidated entity by entity: the generation does it (see below).
      invalidate() {},
    },
    async generation() {
      try {
        return Number((await (await client).get("generation")) ?? 0);
      } catch (err) {
        trouble(err);
        return -Date.now();
      }
    },
    async bump() {
      try {
        await (await client).incr("generation");
      } catch (err) {
        trouble(err);
      }
    },
    async close() {
      (await client).disconnect();
    },
  };
}

/** True when a request may be answered from, and stored in, the shared response cache. */
export function isAnonymous(request: Request): boolean {
  return !request.headers.has("authorization") && !request.headers.has("cookie");
}

/** Whether a request's answer had errors, per request, for `cache-control`. */
const hadErrors = new WeakMap<Request, boolean>();
const servedFromCache = Symbol.for("servedFromResponseCache");

/**
 * The response cache: anonymous queries only (a request with a token is never served from it
 * nor stored in it), keyed by the store's generation, the document (or its persisted-query
 * hash), variables and operation name. A mutation through the gateway bumps the generation
 * once it has run, so the next read is fresh; writes that bypass the gateway (a state's own
 * import) show once the TTL has passed. Answers with errors are never cached.
 */
export function responseCachePlugins(config: CacheConfig, store: ResponseCacheStore, onHit: () => void): GatewayPlugin[] {
  const plugins: GatewayPlugin[] = [];
  if (config.enabled) {
    plugins.push(
      useResponseCache({
        session: () => null,
        enabled: (request: Request) => isAnonymous(request),
        cache: store.cache,
        ttl: config.ttlSeconds * 1000,
        // Entities are not tracked for invalidation: the generation does it, for every list
        // and aggregate a write can change, not only for the objects it returned.
        invalidateViaMutation: false,
        buildResponseCacheKey: async (params: Parameters<typeof defaultBuildResponseCacheKey>[0] & { request?: Request; context?: { params?: { extensions?: Record<string, unknown> } } }) => {
          const persisted = (params.context?.params?.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
          const generation = await store.generation();
          return defaultBuildResponseCacheKey({
            ...params,
            documentString: `${generation}\n${typeof persisted === "string" ? persisted : ""}\n${params.documentString}`,
          });
        },
      } as never) as GatewayPlugin,
    );
  }
  plugins.push({
    onExecute({ args }) {
      const operation = args.document.definitions.find((d: import("graphql").DefinitionNode) => d.kind === "OperationDefinition" && (!args.operationName || d.name?.value === args.operationName));
      if (operation && "operation" in operation && operation.operation === "mutation") {
        return {
          onExecuteDone: async () => {
            await store.bump();
          },
        };
      }
      return undefined;
    },
    onResultProcess({ request, result }) {
      const results = Array.isArray(result) ? result : [result];
      const errors = results.some((r) => r && typeof r === "object" && "errors" in r && Array.isArray((r as { errors?: unknown[] }).errors) && (r as { errors: unknown[] }).errors.length > 0);
      hadErrors.set(request, errors);
      if (results.some((r) => r && typeof r === "object" && servedFromCache in r)) onHit();
    },
    onResponse({ request, response }) {
      // A CDN or browser may keep an anonymous GET answer without errors; nothing else.
      const cacheable = request.method === "GET" && isAnonymous(request) && response.status === 200 && hadErrors.get(request) === false && config.httpMaxAgeSeconds > 0;
      response.headers.set("cache-control", cacheable ? `public, max-age=${config.httpMaxAgeSeconds}` : "no-store");
      // The answer depends on the token and, through CORS, on the calling origin: a browser or
      // CDN must not give one origin's copy (naming it in access-control-allow-origin) to another.
      response.headers.append("vary", "authorization, origin");
    },
  });
  return plugins;
}
