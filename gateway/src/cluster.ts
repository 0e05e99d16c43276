import type { Logger } from "@laenderhub/shared";
import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";
import { inProcessStore, type ResponseCacheStore } from "./cache.js";

/*
 * Several gateway workers on one machine (node:cluster): they share the port, the primary
 * restarts a worker that dies, aggregates their metrics for /metrics, and relays every write's
 * cache flush to the other workers, so that without Redis their in-process response caches
 * still never serve an answer from before a write for longer than a message takes.
 */

const METRICS = "laenderhub:metrics";
const BUMP = "laenderhub:cache-bump";

interface MetricsRequest {
  type: typeof METRICS;
  id: number;
}
interface MetricsAnswer {
  type: typeof METRICS;
  id: number;
  text?: string;
  error?: string;
}

/**
 * Runs in the primary: forks `workers` workers, restarts one that exits unexpectedly (with a
 * growing delay while they keep dying), answers their metrics requests with the cluster's
 * aggregate, relays cache flushes. Resolves when every worker has stopped after SIGINT/SIGTERM.
 */
export function runPrimary(workers: number, logger: Logger): Promise<void> {
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let delayMs = 500;

  const fork = (): void => {
    const worker = cluster.fork();
    const startedAt = Date.now();
    worker.on("message", (message: MetricsRequest | { type: typeof BUMP }) => {
      if (message?.type === BUMP) {
        for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker) other.send({ type: BUMP });
      } else if (message?.type === METRICS) {
        aggregator.clusterMetrics().then(
          (text) => worker.send({ type: METRICS, id: message.id, text } satisfies MetricsAnswer),
          (err: unknown) => worker.send({ type: METRICS, id: message.id, error: String(err) } satisfies MetricsAnswer),
        );
      }
    });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      // A worker that served for a while starts again at once; one that keeps dying, slower.
      delayMs = Date.now() - startedAt > 30_000 ? 500 : Math.min(delayMs * 2, 10_000);
      logger.error({ worker: worker.id, code, signal, restartInMs: delayMs }, "gateway worker exited; starting another");
      setTimeout(() => !stopping && fork(), delayMs).unref();
    });
  };
  for (let i = 0; i < workers; i++) fork();
  logger.info({ workers }, "gateway cluster started");

  return new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "gateway cluster stopping");
      const running: Worker[] = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      let left = running.length;
      if (left === 0) resolve();
      for (const worker of running) {
        worker.once("exit", () => --left === 0 && resolve());
        worker.process.kill("SIGTERM");
      }
      // A worker that does not stop must not keep the gateway alive.
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
        resolve();
      }, 15_000).unref();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** In a worker: what createGateway needs to take part in the cluster. */
export interface WorkerHooks {
  /** `/metrics`: the primary's aggregate of every worker. */
  metricsText(): Promise<string>;
  /** The in-process response cache, flushed in every worker when one of them sees a write. */
  cacheStore: ResponseCacheStore;
  /** Hands this worker's metrics registry to the primary's aggregation. */
  shareMetrics(registry: Registry): void;
}

export function workerHooks(): WorkerHooks {
  let next = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  const local = inProcessStore();
  process.on("message", (message: MetricsAnswer | { type: typeof BUMP }) => {
    if (message?.type === BUMP) {
      void local.bump();
    } else if (message?.type === METRICS) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.text !== undefined) waiting?.resolve(message.text);
      else waiting?.reject(new Error(message.error ?? "no metrics"));
    }
  });
  return {
    metricsText: () =>
      new Promise<string>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        process.send!({ type: METRICS, id } satisfies MetricsRequest);
        setTimeout(() => pending.delete(id) && reject(new Error("the cluster's metrics did not arrive within 5 s")), 5_000).unref();
      }),
    cacheStore: {
      ...local,
      bump: async () => {
        await local.bump();
        process.send!({ type: BUMP });
      },
    },
    shareMetrics: (registry) => {
      // Constructing one is what makes prom-client answer the primary's requests in a worker.
      new AggregatorRegistry();
      AggregatorRegistry.setRegistries([registry]);
    },
  };
}
