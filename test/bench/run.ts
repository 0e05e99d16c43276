import { availableParallelism, cpus } from "node:os";
import { startFederation, type RunningFederation } from "../support/federation.js";
import { runLoad, sendOnce, summarise, type LoadOptions, type LoadResult, type LoadStats, type Target } from "./load.js";
import { BENCH_QUERIES, type BenchQuery } from "./queries.js";

// `npm run bench`: the whole federation in this process, each dashboard query under a bounded
// load through the gateway, one table of figures and ratios. Speed is reported here, never
// asserted; correctness is: a query that answers with errors fails the run (exit 1).
//
// Settings (per query): BENCH_CONCURRENCY requests in flight (default 8), at most
// BENCH_REQUESTS requests (default 2000) or BENCH_SECONDS seconds (default 8), whichever ends
// first. The workspace packages are imported from their dist/ (package exports), the code
// `npm start` runs; that is why the npm script builds them first.

/** Untimed requests per query before it is measured (JIT, connection pools, SQLite caches). */
const WARMUP: Omit<LoadOptions, "concurrency"> = { maxRequests: 50, maxSeconds: 2 };

interface Measured {
  query: BenchQuery;
  result: LoadResult;
  stats: LoadStats;
}

function readSettings(env: NodeJS.ProcessEnv): LoadOptions {
  return {
    concurrency: readNumber(env, "BENCH_CONCURRENCY", 8, true),
    maxRequests: readNumber(env, "BENCH_REQUESTS", 2000, true),
    maxSeconds: readNumber(env, "BENCH_SECONDS", 8, false),
  };
}

function readNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, integer: boolean): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
}

function targetOf(query: BenchQuery, federation: RunningFederation): Target {
  return { url: query.endpoint === "gateway" ? federation.gatewayUrl : federation.compareUrl, query: query.query, check: query.check };
}

function memory(): { rss: number; heapUsed: number } {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const ms = (value: number): string => value.toFixed(2);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

/** Renders rows as a fixed-width table: the first `leftColumns` columns left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function main(): Promise<number> {
  const settings = readSettings(process.env);
  console.log("laenderhub bench: whole federation in one process over loopback HTTP");
  console.log(`node ${process.version} on ${process.platform}/${process.arch}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown model"})`);
  console.log(
    `settings: BENCH_CONCURRENCY=${settings.concurrency} BENCH_REQUESTS=${settings.maxRequests} BENCH_SECONDS=${settings.maxSeconds}` +
      ` (per query, whichever bound is hit first); warm-up ${WARMUP.maxRequests} requests or ${WARMUP.maxSeconds} s per query`,
  );

  const startedAt = performance.now();
  const federation = await startFederation();
  try {
    console.log(`federation started in ${((performance.now() - startedAt) / 1000).toFixed(1)} s: gateway ${federation.gatewayUrl}, compare ${federation.compareUrl}`);
    const before = memory();

    // Correctness first: a query that does not answer right would make its figures meaningless.
    for (const query of BENCH_QUERIES) {
      const error = await sendOnce(targetOf(query, federation));
      if (error !== null) {
        console.error(`FAIL: "${query.name}" does not answer right before measuring: ${error}`);
        return 1;
      }
    }

    const measured: Measured[] = [];
    for (const query of BENCH_QUERIES) {
      const target = targetOf(query, federation);
      const warmup = await runLoad(target, { ...WARMUP, concurrency: settings.concurrency });
      if (warmup.errors > 0) {
        console.error(`FAIL: "${query.name}" answered ${warmup.errors} of ${warmup.requests} warm-up requests wrongly: ${warmup.errorSamples.join(" | ")}`);
        return 1;
      }
      const result = await runLoad(target, settings);
      measured.push({ query, result, stats: summarise(result) });
    }
    const after = memory();

    const baseline = measured[0]!.stats;
    console.log("");
    console.log(
      table(
        ["#", "query", "via", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms", "p50 vs #1"],
        measured.map(({ query, result, stats }, i) => [
          String(i + 1),
          query.name,
          query.endpoint,
          String(result.requests),
          String(result.errors),
          stats.requestsPerSecond.toFixed(1),
          ms(stats.p50),
          ms(stats.p95),
          ms(stats.p99),
          ratio(stats.p50, baseline.p50),
        ]),
        3,
      ),
    );

    const byName = (name: string): LoadStats => measured.find((m) => m.query.name === name)!.stats;
    const direct = byName("participations (compare)");
    const viaGateway = byName("participations (gateway)");
    const withFragments = byName("participations+fragments");
    console.log("");
    console.log("ratios (same participations page of 50):");
    console.log(
      `  gateway vs compare direct, same query text:   p50 ${ratio(viaGateway.p50, direct.p50)}, p95 ${ratio(viaGateway.p95, direct.p95)}, req/s ${ratio(viaGateway.requestsPerSecond, direct.requestsPerSecond)}`,
    );
    console.log(
      `  with state fragments vs compare direct:       p50 ${ratio(withFragments.p50, direct.p50)}, p95 ${ratio(withFragments.p95, direct.p95)}, req/s ${ratio(withFragments.requestsPerSecond, direct.requestsPerSecond)}`,
    );
    console.log(
      `  with state fragments vs gateway without:      p50 ${ratio(withFragments.p50, viaGateway.p50)}, p95 ${ratio(withFragments.p95, viaGateway.p95)}, req/s ${ratio(withFragments.requestsPerSecond, viaGateway.requestsPerSecond)}`,
    );
    console.log("");
    console.log(`memory of this process (client, gateway and four subgraphs): before load rss ${mib(before.rss)}, heap used ${mib(before.heapUsed)}; after rss ${mib(after.rss)}, heap used ${mib(after.heapUsed)}`);

    const errors = measured.reduce((sum, m) => sum + m.result.errors, 0);
    const requests = measured.reduce((sum, m) => sum + m.result.requests, 0);
    if (errors > 0) {
      for (const m of measured.filter((x) => x.result.errors > 0)) console.error(`FAIL: "${m.query.name}": ${m.result.errorSamples.join(" | ")}`);
      console.error(`FAIL: ${errors} of ${requests} measured responses were not right answers`);
      return 1;
    }
    console.log(`correctness: all ${requests} measured responses had no errors and passed their checks`);
    console.log(`total ${((performance.now() - startedAt) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await federation.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error("FAIL:", err);
    process.exitCode = 1;
  },
);
