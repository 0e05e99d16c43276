import { SUPERGRAPH_PATH } from "@laenderhub/gateway";
import { parseEnv, STATE_SUBGRAPHS, StateCode, subgraphUrlVariable } from "@laenderhub/shared";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { checkOnce, measure, shoot, type Measurement } from "./load.js";
import { freePort, ProcessGroup, rssOf, type Service } from "./processes.js";
import { DASHBOARD_QUERIES, nestedParticipationsQuery, TAX_QUERIES, type BenchQuery } from "./queries.js";

// `npm run bench`: the laenderhub gateway side by side with an out-of-the-box Hive Gateway and
// @apollo/gateway, all on the committed supergraph and the same subgraph processes. Every
// service is its own process on a free loopback port (as in production, each gateway has its
// own event loop to compete for the cores with); autocannon presses one (gateway, query) pair
// at a time, in interleaved rounds whose order rotates, so that a slow moment of the shared
// machine does not fall on one gateway only. Speed is reported, never asserted; correctness
// is: a gateway that answers a query wrongly fails the run (exit 1).

const positiveInt = z.coerce.number().int().positive();
const envSchema = z.object({
  /** Interleaved rounds; each measures every pair once. */
  BENCH_ROUNDS: positiveInt.default(5),
  /** Seconds of load per pair and round. */
  BENCH_SECONDS: positiveInt.default(3),
  /** Keep-alive connections autocannon keeps busy. */
  BENCH_CONNECTIONS: positiveInt.default(16),
  /** Untimed seconds per pair before the first round (JIT, pools, SQLite caches). */
  BENCH_WARMUP_SECONDS: z.coerce.number().int().min(0).default(1),
  /** Deadline for each pathological query. */
  BENCH_PATHOLOGICAL_TIMEOUT_MS: positiveInt.default(10_000),
  /** Nesting levels up to which @apollo/gateway gets the pathological query (0: not at all; it runs out of memory at 4). */
  BENCH_APOLLO_MAX_LEVELS: z.coerce.number().int().min(0).max(3).default(3),
});
type Settings = z.infer<typeof envSchema>;

/** Heap of the @apollo/gateway that gets the pathological queries. */
const APOLLO_HEAP_MB = 1024;

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Target {
  /** Row label. */
  name: string;
  cache: string;
  service: Service;
}

interface Pair {
  target: Target;
  query: BenchQuery;
  rounds: Measurement[];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const mib = (bytes: number | null): string => (bytes === null ? "n/a" : `${(bytes / 2 ** 20).toFixed(0)} MiB`);
const ratio = (a: number, b: number): string => (a > 0 && b > 0 ? `${(a / b).toFixed(2)}x` : "n/a");
const seconds = (ms: number): string => `${(ms / 1000).toFixed(0)} s`;

/** Renders rows as a fixed-width table: the first `leftColumns` columns left-aligned, the rest right-aligned. */
function table(header: string[], rows: string[][], leftColumns: number): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function summary(pair: Pair) {
  const rps = pair.rounds.map((m) => m.requestsPerSecond);
  return {
    rps: median(rps),
    min: Math.min(...rps),
    max: Math.max(...rps),
    p50: median(pair.rounds.map((m) => m.p50)),
    p99: median(pair.rounds.map((m) => m.p99)),
    requests: pair.rounds.reduce((s, m) => s + m.requests, 0),
    bad: pair.rounds.reduce((s, m) => s + m.errors + m.non2xx + m.wrongBodies, 0),
  };
}

/** Starts the four subgraphs on a fresh seeded SQLite file each, the states with their own random key. */
async function startSubgraphs(group: ProcessGroup, dataDir: string): Promise<{ states: Map<StateCode, Service>; compare: Service }> {
  const common = { HOST: "127.0.0.1", SEED: "true", LOG_LEVEL: "warn" };
  const ports = new Map<string, number>();
  for (const s of STATE_SUBGRAPHS) ports.set(s.subgraph, await freePort());
  const comparePort = await freePort();
  const stateUrls = Object.fromEntries(STATE_SUBGRAPHS.map((s) => [subgraphUrlVariable(s.code), `http://127.0.0.1:${ports.get(s.subgraph)}/graphql`]));
  const [compare, ...states] = await Promise.all([
    group.start({
      name: "compare",
      script: "dist/main.js",
      cwd: join(root, "subgraphs/compare"),
      env: { ...common, PORT: String(comparePort), DATABASE_URL: join(dataDir, "compare.sqlite"), ...stateUrls },
      url: `http://127.0.0.1:${comparePort}/graphql`,
    }),
    ...STATE_SUBGRAPHS.map((s) =>
      group.start({
        name: s.subgraph,
        script: "dist/main.js",
        cwd: join(root, "subgraphs", s.subgraph),
        // As under npm start, each state verifies tokens with a key of its own.
        env: { ...common, PORT: String(ports.get(s.subgraph)), DATABASE_URL: join(dataDir, `${s.subgraph}.sqlite`), AUTH_JWT_SECRETS: randomBytes(32).toString("hex") },
        url: stateUrls[subgraphUrlVariable(s.code)]!,
      }),
    ),
  ]);
  return { states: new Map(STATE_SUBGRAPHS.map((s, i) => [s.code, states[i]!])), compare: compare! };
}

async function startGateways(group: ProcessGroup, states: Map<StateCode, Service>, compare: Service) {
  const common = { HOST: "127.0.0.1" };
  const subgraphUrls = JSON.stringify(Object.fromEntries([...STATE_SUBGRAPHS.map((s) => [s.subgraph, states.get(s.code)!.url]), ["compare", compare.url]]));
  const ours = (name: string, extra: Record<string, string>) => async () => {
    const port = await freePort();
    return group.start({
      name,
      script: "dist/main.js",
      cwd: join(root, "gateway"),
      // warn: no access log line per request, as the peers write none either.
      env: { ...common, ...extra, PORT: String(port), LOG_LEVEL: "warn", COMPARE_URL: compare.url, ...Object.fromEntries(STATE_SUBGRAPHS.map((s) => [subgraphUrlVariable(s.code), states.get(s.code)!.url])) },
      url: `http://127.0.0.1:${port}/graphql`,
    });
  };
  const peer = (name: string, script: string, extra: Record<string, string> = {}, nodeArgs: string[] = []) => async () => {
    const port = await freePort();
    return group.start({
      name,
      script,
      nodeArgs,
      cwd: join(root, "test"),
      env: { ...common, ...extra, PORT: String(port), SUPERGRAPH_PATH, SUBGRAPH_URLS: subgraphUrls },
      url: `http://127.0.0.1:${port}/graphql`,
    });
  };
  const [oursDefault, oursNoCache, hive, apollo] = await Promise.all(
    [ours("laenderhub", {}), ours("laenderhub-nocache", { RESPONSE_CACHE: "false" }), peer("hive", "bench/peers/hive.mjs"), peer("apollo", "bench/peers/apollo.mjs", { APOLLO_TELEMETRY_DISABLED: "true" })].map((f) => f()),
  );
  return {
    oursDefault: { name: "laenderhub", cache: "on", service: oursDefault! },
    oursNoCache: { name: "laenderhub", cache: "off", service: oursNoCache! },
    hive: { name: "hive, out of the box", cache: "none", service: hive! },
    apollo: { name: "@apollo/gateway", cache: "none", service: apollo! },
    // A heap cap, so that the planner's blow-up ends this process, not the shared machine.
    startApolloAgain: peer("apollo-pathological", "bench/peers/apollo.mjs", { APOLLO_TELEMETRY_DISABLED: "true" }, [`--max-old-space-size=${APOLLO_HEAP_MB}`]),
  };
}

/** The pathological queries: time to an answer or a refusal, its code, and the RSS after. */
async function pathological(group: ProcessGroup, gateways: Awaited<ReturnType<typeof startGateways>>, settings: Settings): Promise<void> {
  const timeout = settings.BENCH_PATHOLOGICAL_TIMEOUT_MS;
  console.log("");
  console.log(`pathological: participations(first: 1) { … municipality { participations { … } } } nested N levels, sent once each (deadline ${timeout} ms)`);
  const rows: string[][] = [];
  // Cache off first: whichever gateway goes first meets cold subgraphs, and a slow first answer
  // from the uncached instance is then not mistaken for the cache's cost.
  for (const target of [gateways.oursNoCache, gateways.oursDefault, gateways.hive]) {
    for (const levels of [3, 20]) {
      const query = nestedParticipationsQuery(levels);
      const shot = await shoot(target.service.url, query, timeout);
      rows.push([`${target.name} (cache ${target.cache})`, String(levels), String(Buffer.byteLength(query)), shot.ms.toFixed(0), shot.outcome, mib(rssOf(target.service.pid))]);
    }
  }
  // A fresh @apollo/gateway of its own with a capped heap: its planner runs out of memory at 4
  // levels, so it gets 1 to BENCH_APOLLO_MAX_LEVELS and is stopped at the first deadline or death.
  if (settings.BENCH_APOLLO_MAX_LEVELS > 0) {
    const apollo = await gateways.startApolloAgain();
    for (let levels = 1; levels <= settings.BENCH_APOLLO_MAX_LEVELS; levels++) {
      const query = nestedParticipationsQuery(levels);
      const shot = await shoot(apollo.url, query, timeout);
      const died = apollo.exited();
      rows.push(["@apollo/gateway (own process)", String(levels), String(Buffer.byteLength(query)), shot.ms.toFixed(0), died ? `process ${died}` : shot.outcome, mib(rssOf(apollo.pid))]);
      if (died || shot.outcome.startsWith("no answer")) break;
    }
    await group.stop(apollo.name, 1_000);
  }
  console.log(table(["gateway", "levels", "bytes", "ms", "outcome", "RSS after"], rows, 1));
}

/** Set by Ctrl-C: what fails afterwards (a service stopping under a request) is not news. */
let stopping = false;

async function main(): Promise<number> {
  const settings = parseEnv(envSchema, process.env, "bench");
  const group = new ProcessGroup();
  const dataDir = mkdtempSync(join(tmpdir(), "laenderhub-bench-"));
  const interrupt = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping every service`);
    void group.stopAll().finally(() => {
      rmSync(dataDir, { recursive: true, force: true });
      process.exit(130);
    });
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  try {
    const startedAt = performance.now();
    console.log("laenderhub bench: three gateways side by side on one supergraph and the same subgraph processes");
    console.log(
      `node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? "unknown model"}), load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    console.log(
      `settings: BENCH_ROUNDS=${settings.BENCH_ROUNDS} BENCH_SECONDS=${settings.BENCH_SECONDS} BENCH_CONNECTIONS=${settings.BENCH_CONNECTIONS} BENCH_WARMUP_SECONDS=${settings.BENCH_WARMUP_SECONDS}`,
    );

    const { states, compare } = await startSubgraphs(group, dataDir);
    const gateways = await startGateways(group, states, compare);
    const saarland = states.get(StateCode.SL)!;
    console.log(`started 4 subgraphs and 4 gateways in ${seconds(performance.now() - startedAt)} (data in ${dataDir})`);

    const pairs: Pair[] = [];
    for (const query of DASHBOARD_QUERIES) {
      for (const target of [gateways.oursDefault, gateways.oursNoCache, gateways.hive, gateways.apollo]) pairs.push({ target, query, rounds: [] });
    }
    const direct = (name: string, service: Service): Target => ({ name, cache: "-", service });
    const tax = {
      saarlandViaGateway: { target: gateways.oursNoCache, query: TAX_QUERIES.saarland, rounds: [] },
      saarlandDirect: { target: direct("saarland subgraph", saarland), query: TAX_QUERIES.saarland, rounds: [] },
      compareViaGateway: { target: gateways.oursNoCache, query: TAX_QUERIES.compare, rounds: [] },
      compareDirect: { target: direct("compare subgraph", compare), query: TAX_QUERIES.compare, rounds: [] },
    } satisfies Record<string, Pair>;
    pairs.push(...Object.values(tax));

    // Correctness first: figures of a wrong answer mean nothing.
    const wrong: string[] = [];
    for (const pair of pairs) {
      const problem = await checkOnce(pair.target.service.url, pair.query);
      if (problem) wrong.push(`${pair.target.name} (cache ${pair.target.cache}), "${pair.query.name}": ${problem}`);
    }
    if (wrong.length > 0) {
      for (const w of wrong) console.error(`FAIL: ${w}`);
      return 1;
    }
    console.log(`every gateway answered each query right; ${pairs.length} pairs`);

    const perRound = pairs.length * settings.BENCH_SECONDS;
    console.log(
      `measuring: ${settings.BENCH_WARMUP_SECONDS > 0 ? `warm-up ${pairs.length * settings.BENCH_WARMUP_SECONDS} s, then ` : ""}${settings.BENCH_ROUNDS} rounds of ${perRound} s`,
    );
    if (settings.BENCH_WARMUP_SECONDS > 0) {
      for (const pair of pairs) await measure(pair.target.service.url, pair.query, { connections: settings.BENCH_CONNECTIONS, seconds: settings.BENCH_WARMUP_SECONDS });
    }
    // Pairs are listed query by query, so neighbours are different gateways; each round starts
    // further along the list, so no pair always follows the same one or runs first.
    const step = Math.max(1, Math.floor(pairs.length / settings.BENCH_ROUNDS));
    for (let round = 0; round < settings.BENCH_ROUNDS; round++) {
      const offset = (round * step) % pairs.length;
      const order = [...pairs.slice(offset), ...pairs.slice(0, offset)];
      for (const pair of order) {
        pair.rounds.push(await measure(pair.target.service.url, pair.query, { connections: settings.BENCH_CONNECTIONS, seconds: settings.BENCH_SECONDS }));
      }
      process.stdout.write(`  round ${round + 1}/${settings.BENCH_ROUNDS} done\n`);
    }

    console.log("");
    console.log(`req/s: median of ${settings.BENCH_ROUNDS} rounds (min-max); p50/p99: median of the rounds' latency percentiles; bad: connection errors, non-2xx and answers with GraphQL errors`);
    console.log(
      table(
        ["gateway", "cache", "query", "req/s", "min-max", "p50 ms", "p99 ms", "requests", "bad"],
        pairs.map((pair) => {
          const s = summary(pair);
          return [pair.target.name, pair.target.cache, pair.query.name, s.rps.toFixed(1), `${s.min.toFixed(0)}-${s.max.toFixed(0)}`, s.p50.toFixed(1), s.p99.toFixed(1), String(s.requests), String(s.bad)];
        }),
        3,
      ),
    );

    const find = (target: Target, query: BenchQuery) => summary(pairs.find((p) => p.target === target && p.query === query)!);
    const compareLine = (label: string, a: Target, b: Target) =>
      `  ${label}\n${DASHBOARD_QUERIES.map((q) => {
        const x = find(a, q);
        const y = find(b, q);
        return `    ${q.name.padEnd(32)} req/s ${ratio(x.rps, y.rps)}, p50 ${ratio(x.p50, y.p50)}, p99 ${ratio(x.p99, y.p99)}`;
      }).join("\n")}`;
    console.log("");
    console.log("ratios (first / second; req/s above 1 and latency below 1 favour the first):");
    console.log(compareLine("laenderhub (default, cache on) / hive out of the box:", gateways.oursDefault, gateways.hive));
    console.log(compareLine("laenderhub (cache off) / @apollo/gateway:", gateways.oursNoCache, gateways.apollo));
    console.log(compareLine("laenderhub (cache off) / hive out of the box:", gateways.oursNoCache, gateways.hive));

    const taxLine = (label: string, via: ReturnType<typeof summary>, to: ReturnType<typeof summary>) =>
      `  ${label.padEnd(72)} req/s ${ratio(via.rps, to.rps)}, p50 ${ratio(via.p50, to.p50)}, p99 ${ratio(via.p99, to.p99)}`;
    console.log("");
    console.log("federation tax (laenderhub, cache off, / the subgraph directly):");
    console.log(taxLine(`"${TAX_QUERIES.saarland.name}", same text, / saarland subgraph`, summary(tax.saarlandViaGateway), summary(tax.saarlandDirect)));
    console.log(taxLine(`"${DASHBOARD_QUERIES[0]!.name}" (+ compare's gazetteer) / saarland own fields`, find(gateways.oursNoCache, DASHBOARD_QUERIES[0]!), summary(tax.saarlandDirect)));
    console.log(taxLine(`"${TAX_QUERIES.compare.name}", same text, / compare subgraph`, summary(tax.compareViaGateway), summary(tax.compareDirect)));

    console.log("");
    const services = [gateways.oursDefault, gateways.oursNoCache, gateways.hive, gateways.apollo].map((t) => [`${t.name} (cache ${t.cache})`, t.service] as const);
    const subgraphs = [...states.values(), compare].map((s) => [`${s.name} subgraph`, s] as const);
    console.log(`RSS after the rounds: ${[...services, ...subgraphs].map(([label, s]) => `${label} ${mib(rssOf(s.pid))}`).join("; ")}`);

    await pathological(group, gateways, settings);

    const bad = pairs.filter((p) => summary(p).bad > 0);
    for (const p of bad) {
      const s = p.rounds.reduce((acc, m) => ({ errors: acc.errors + m.errors, non2xx: acc.non2xx + m.non2xx, wrong: acc.wrong + m.wrongBodies }), { errors: 0, non2xx: 0, wrong: 0 });
      console.error(`FAIL: ${p.target.name} (cache ${p.target.cache}), "${p.query.name}": ${s.errors} connection errors, ${s.non2xx} non-2xx, ${s.wrong} answers with GraphQL errors`);
    }
    console.log(`\ntotal ${seconds(performance.now() - startedAt)}`);
    return bad.length > 0 ? 1 : 0;
  } finally {
    await group.stopAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (stopping) return;
    console.error("FAIL:", err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
