import { performance } from "node:perf_hooks";

/** One GraphQL request the benchmark repeats, and how to tell a right answer from a wrong one. */
export interface Target {
  url: string;
  query: string;
  /** Returns why the response's `data` is not the expected answer, or null when it is. */
  check(data: any): string | null;
}

/** Bounds of one load run: whichever of `maxRequests` and `maxSeconds` is reached first ends it. */
export interface LoadOptions {
  /** Requests in flight at any time. */
  concurrency: number;
  /** Requests sent at most. */
  maxRequests: number;
  /** After this many seconds no new request is sent; those in flight still complete. */
  maxSeconds: number;
}

/** What a load run measured. */
export interface LoadResult {
  requests: number;
  /** Responses that were not a right answer: transport failure, non-200, GraphQL errors or a failed check. */
  errors: number;
  /** The first few distinct error descriptions, for the report. */
  errorSamples: string[];
  /** From the first request sent to the last response read. */
  elapsedMs: number;
  /** Per request: from sending to the whole response body read (parsing and checking excluded). */
  latenciesMs: number[];
}

/** Latency percentiles and throughput of a {@link LoadResult}. */
export interface LoadStats {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

const MAX_ERROR_SAMPLES = 3;

/**
 * Sends `target` once and returns why the answer is wrong, or null when it is right
 * (HTTP 200, JSON, no `errors`, `data` present and passing `target.check`).
 */
export async function sendOnce(target: Target): Promise<string | null> {
  const { error } = await timedRequest(target);
  return error;
}

/** Sends `target` under the bounded load of `options` and records every latency and error. */
export async function runLoad(target: Target, options: LoadOptions): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const errorSamples: string[] = [];
  let sent = 0;
  let errors = 0;
  const start = performance.now();
  const deadline = start + options.maxSeconds * 1000;

  async function worker(): Promise<void> {
    while (sent < options.maxRequests && performance.now() < deadline) {
      sent += 1;
      const { ms, error } = await timedRequest(target);
      latenciesMs.push(ms);
      if (error !== null) {
        errors += 1;
        if (errorSamples.length < MAX_ERROR_SAMPLES && !errorSamples.includes(error)) errorSamples.push(error);
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return { requests: latenciesMs.length, errors, errorSamples, elapsedMs: performance.now() - start, latenciesMs };
}

/** Throughput and nearest-rank latency percentiles of a load run. */
export function summarise(result: LoadResult): LoadStats {
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  const percentile = (p: number): number => (sorted.length === 0 ? Number.NaN : sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!);
  return {
    requestsPerSecond: result.elapsedMs > 0 ? (result.requests / result.elapsedMs) * 1000 : Number.NaN,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
  };
}

async function timedRequest(target: Target): Promise<{ ms: number; error: string | null }> {
  const body = JSON.stringify({ query: target.query });
  const start = performance.now();
  let status: number;
  let text: string;
  try {
    const res = await fetch(target.url, { method: "POST", headers: { "content-type": "application/json" }, body });
    status = res.status;
    text = await res.text();
  } catch (err) {
    return { ms: performance.now() - start, error: `request failed: ${err instanceof Error ? err.message : String(err)}` };
  }
  // The clock stops once the body is in: parsing and checking are the client's work, not the service's.
  const ms = performance.now() - start;
  return { ms, error: judge(target, status, text) };
}

function judge(target: Target, status: number, text: string): string | null {
  let parsed: { data?: unknown; errors?: { message?: string; extensions?: { code?: unknown } }[] };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return `HTTP ${status}, not JSON: ${text.slice(0, 120)}`;
  }
  if (parsed.errors?.length) {
    const first = parsed.errors[0]!;
    return `HTTP ${status}, ${parsed.errors.length} GraphQL error(s), first: ${String(first.extensions?.code ?? "")} ${first.message ?? ""}`.trim();
  }
  if (status !== 200) return `HTTP ${status}`;
  if (parsed.data === undefined || parsed.data === null) return "no data";
  return target.check(parsed.data);
}
