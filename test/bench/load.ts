import autocannon from "autocannon";
import { performance } from "node:perf_hooks";
import type { BenchQuery } from "./queries.js";

/** What one load run of a (target, query) pair measured. */
export interface Measurement {
  requestsPerSecond: number;
  /** Milliseconds, from autocannon's histogram. */
  p50: number;
  p99: number;
  /** Completed responses. */
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** 2xx responses whose body holds GraphQL errors or no data. */
  wrongBodies: number;
}

/** How hard and how long one load run presses. */
export interface LoadSettings {
  connections: number;
  seconds: number;
}

const jsonPost = (query: string) => ({ method: "POST" as const, headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });

/**
 * Sends `query` once to `url` and returns why the answer is wrong (HTTP status, GraphQL
 * errors, no data, a failed check), or null when it is right.
 */
export async function checkOnce(url: string, query: BenchQuery): Promise<string | null> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, { ...jsonPost(query.query), signal: AbortSignal.timeout(30_000) });
    status = res.status;
    text = await res.text();
  } catch (err) {
    return `request failed: ${err instanceof Error ? err.message : String(err)}`;
  }
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
  return query.check(parsed.data);
}

// Every answer under load is inspected, but cheaply: parsing each body would cost the client
// (which shares the machine with the servers) as much CPU as a gateway spends on it. The full
// check ran once before (checkOnce); here an answer must carry data and no `errors` key.
function plausibleBody(body: string | Buffer | undefined): boolean {
  const text = typeof body === "string" ? body : (body?.toString("utf8") ?? "");
  return text.startsWith('{"data":{') && !text.includes('"errors":');
}

/** Presses `url` with `query` on `connections` keep-alive connections for `seconds` (autocannon). */
export async function measure(url: string, query: BenchQuery, settings: LoadSettings): Promise<Measurement> {
  const result = await autocannon({
    url,
    ...jsonPost(query.query),
    connections: settings.connections,
    duration: settings.seconds,
    verifyBody: plausibleBody,
  });
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    wrongBodies: result.mismatches,
  };
}

/** How a single request ended: its time, HTTP status and first error code, or a timeout. */
export interface SingleShot {
  ms: number;
  outcome: string;
}

/** Sends one query and reports how long the answer or refusal took and what it was. */
export async function shoot(url: string, query: string, timeoutMs: number): Promise<SingleShot> {
  const start = performance.now();
  try {
    const res = await fetch(url, { ...jsonPost(query), signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    const ms = performance.now() - start;
    let codes = "";
    try {
      const parsed = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
      codes = parsed.errors?.length
        ? `errors: ${[...new Set(parsed.errors.map((e) => String(e.extensions?.code ?? "no code")))].join(", ")}`
        : parsed.data
          ? `data, ${text.length} bytes`
          : "no data";
    } catch {
      codes = "not JSON";
    }
    return { ms, outcome: `HTTP ${res.status}, ${codes}` };
  } catch (err) {
    const ms = performance.now() - start;
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    return { ms, outcome: timedOut ? `no answer within ${timeoutMs} ms` : `failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}
