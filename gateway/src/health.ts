import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import cluster from "node:cluster";
import type { CircuitBreakers, Logger } from "@laenderhub/shared";
import type { SubgraphTarget } from "./errors.js";

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

/** Asks one subgraph's `/health`, briefly: readiness must answer quickly even when a state hangs. */
async function probe(target: SubgraphTarget, timeoutMs: number): Promise<"up" | "down" | "not configured"> {
  if (target.url === null) return "not configured";
  try {
    const res = await fetch(new URL("/health", target.url), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok ? "up" : "down";
  } catch {
    return "down";
  }
}

/**
 * `/health` is liveness: the process answers and its supergraph is loaded (never depends on a
 * subgraph, so an orchestrator does not restart the gateway because a state is down).
 * `/ready` is readiness: each subgraph probed; 200 while at least one answers (the federation
 * serves partial answers, each naming what is missing), 503 when none does; with the state of
 * each subgraph's circuit breaker.
 */
export function healthPlugin({
  targets,
  breakers,
  logger,
  probeTimeoutMs = 1_000,
  metricsText,
}: {
  targets: ReadonlyMap<string, SubgraphTarget>;
  breakers: CircuitBreakers;
  logger: Logger;
  probeTimeoutMs?: number;
  /** When set, `/metrics` answers with this text (a cluster's aggregate). */
  metricsText?: () => Promise<string>;
}): GatewayPlugin {
  const names = [...targets.values()].filter((t) => t.url !== null).map((t) => t.name);
  // One probe round answers every /ready asked within a second of it: the endpoint is public,
  // and each round sends a request to every subgraph.
  let lastRound: { at: number; states: Promise<Array<"up" | "down" | "not configured">> } | null = null;
  const probeAll = (all: SubgraphTarget[]) => {
    if (!lastRound || Date.now() - lastRound.at > 1_000) lastRound = { at: Date.now(), states: Promise.all(all.map((t) => probe(t, probeTimeoutMs))) };
    return lastRound.states;
  };
  return {
    onRequest({ request, url, endResponse }) {
      if (request.method !== "GET") return;
      if (url.pathname === "/health") {
        // `worker`: which worker of a cluster answered (null for a single process).
        endResponse(json(200, { status: "ok", service: "gateway", worker: cluster.worker?.id ?? null, subgraphs: names }));
      } else if (url.pathname === "/metrics" && metricsText) {
        return metricsText().then(
          (text) => endResponse(new Response(text, { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" } })),
          (err: unknown) => {
            logger.error({ err }, "metrics of the cluster could not be gathered");
            endResponse(json(503, { status: "unavailable", service: "gateway" }));
          },
        );
      } else if (url.pathname === "/ready") {
        const all = [...targets.values()];
        return probeAll(all).then((states) => {
          const subgraphs = Object.fromEntries(all.map((t, i) => [t.name, states[i]]));
          const ready = states.includes("up");
          if (!ready) logger.warn({ subgraphs }, "gateway not ready: no subgraph answers");
          endResponse(json(ready ? 200 : 503, { status: ready ? "ready" : "unavailable", service: "gateway", subgraphs, breakers: breakers.status() }));
        });
      } else if (url.pathname === "/") {
        endResponse(new Response(null, { status: 302, headers: { location: "/graphql" } }));
      }
      return undefined;
    },
  };
}
