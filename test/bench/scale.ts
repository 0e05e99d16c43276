import { parseEnv, queryParticipationPage, querySummary, STATE_SUBGRAPHS, subgraphUrlVariable, ContractTallyMigration, type ComparativeDimension } from "@laenderhub/shared";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { DataSource } from "typeorm";
import { z } from "zod";
import { freePort, ProcessGroup, type Service } from "./processes.js";
import { DASHBOARD_QUERIES, type BenchQuery } from "./queries.js";
import { seedState, STATE_TARGETS } from "./synthetic.js";

// `npm run bench:scale`: how the dashboard queries cost as each state's records grow. For each
// size, every state's database is filled with synthetic records through its import command
// (synthetic.ts), the federation runs as separate processes (gateway without response cache, so
// every request reaches the states), and each query is sent sequentially; next to it, the same
// answer's contract SQL is timed directly against the states' databases (summed over states).
// Figures are reported, never asserted: results go to stdout and test-results/bench-scale.json.

const root = fileURLToPath(new URL("../../", import.meta.url));
const envSchema = z.object({
  /** Participations per state, comma-separated. */
  BENCH_SCALE_SIZES: z.string().regex(/^\d+(,\d+)*$/).default("1000,10000,100000"),
  /** Timed requests per query and size (after BENCH_SCALE_WARMUP untimed ones). */
  BENCH_SCALE_REQUESTS: z.coerce.number().int().positive().default(40),
  BENCH_SCALE_WARMUP: z.coerce.number().int().min(0).default(5),
  /** PostgreSQL server (a user who may create databases); TEST_POSTGRES_URL is used when this is unset. */
  BENCH_POSTGRES_URL: z.string().url().optional(),
  TEST_POSTGRES_URL: z.string().url().optional(),
  /** Only these backends: sqlite, postgres (when a server is given). */
  BENCH_SCALE_BACKENDS: z.string().default("sqlite,postgres"),
  BENCH_SCALE_SEED: z.coerce.number().int().min(0).default(1),
});
const settings = parseEnv(envSchema, process.env, "bench:scale");

const COMPARISON = DASHBOARD_QUERIES.find((q) => q.name === "comparison by year")!;
const PAGE = DASHBOARD_QUERIES.find((q) => q.name.startsWith("participations(50)"))!;
/** The summaries compare asks each state for one comparison (subgraphs/compare/src/comparative/comparison.ts). */
const COMPARISON_GROUPINGS: ComparativeDimension[][] = [["STATE"], ["MUNICIPALITY"], ["YEAR", "QUARTER"], ["INSTRUMENT"], ["FIELD_OF_ACTION"]];

/** Lets the bench's own connections take the contract's tally path (it is chosen by the state's migration list). */
class TallyMarker extends ContractTallyMigration {
  readonly name = "TallyMarker0";
  readonly tables = { participationTable: "-", municipalityColumn: "-", fieldTable: "-", fieldParticipationColumn: "-" };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

async function timeIt(n: number, warmup: number, fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function post(url: string, query: BenchQuery): Promise<void> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: query.query }) });
  const body = (await res.json()) as { data?: unknown; errors?: unknown[] };
  const problem = body.errors?.length ? JSON.stringify(body.errors).slice(0, 300) : query.check(body.data);
  if (problem) throw new Error(`${query.name}: ${problem}`);
}

interface Backend {
  name: "sqlite" | "postgres";
  /** A fresh, empty database per state for one size. */
  databases(size: number): Promise<Map<string, string>>;
  cleanup(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), "laenderhub-scale-"));
  return {
    name: "sqlite",
    async databases(size) {
      const sub = join(dir, String(size));
      mkdirSync(sub, { recursive: true });
      return new Map([...STATE_SUBGRAPHS.map((s) => [s.code as string, join(sub, `${s.subgraph}.sqlite`)] as const), ["compare", join(sub, "compare.sqlite")]]);
    },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(baseUrl: string): Backend {
  const created: string[] = [];
  const admin = async (sql: string) => {
    const ds = await new DataSource({ type: "postgres", url: baseUrl }).initialize();
    try {
      await ds.query(sql);
    } finally {
      await ds.destroy();
    }
  };
  return {
    name: "postgres",
    async databases(size) {
      const out = new Map<string, string>();
      for (const s of STATE_SUBGRAPHS) {
        const name = `scale_${s.code.toLowerCase()}_${size}_${randomBytes(3).toString("hex")}`;
        await admin(`CREATE DATABASE ${name}`);
        created.push(name);
        out.set(s.code, Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString());
      }
      out.set("compare", join(mkdtempSync(join(tmpdir(), "laenderhub-scale-")), "compare.sqlite"));
      return out;
    },
    async cleanup() {
      for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

/** Starts the three states, compare and the gateway (no response cache) on the given databases. */
async function startFederation(group: ProcessGroup, databases: Map<string, string>): Promise<Service> {
  const common = { HOST: "127.0.0.1", SEED: "true", LOG_LEVEL: "warn" };
  const ports = new Map<string, number>();
  for (const s of STATE_SUBGRAPHS) ports.set(s.subgraph, await freePort());
  const stateUrls = Object.fromEntries(STATE_SUBGRAPHS.map((s) => [subgraphUrlVariable(s.code), `http://127.0.0.1:${ports.get(s.subgraph)}/graphql`]));
  const comparePort = await freePort();
  const [compare] = await Promise.all([
    group.start({ name: "compare", script: "dist/main.js", cwd: join(root, "subgraphs/compare"), env: { ...common, PORT: String(comparePort), DATABASE_URL: databases.get("compare")!, ...stateUrls }, url: `http://127.0.0.1:${comparePort}/graphql` }),
    ...STATE_SUBGRAPHS.map((s) =>
      group.start({
        name: s.subgraph, script: "dist/main.js", cwd: join(root, "subgraphs", s.subgraph),
        env: { ...common, PORT: String(ports.get(s.subgraph)), DATABASE_URL: databases.get(s.code)!, AUTH_JWT_SECRETS: randomBytes(32).toString("hex") },
        url: stateUrls[subgraphUrlVariable(s.code)]!,
      }),
    ),
  ]);
  const port = await freePort();
  return group.start({
    name: "gateway", script: "dist/main.js", cwd: join(root, "gateway"),
    env: { ...common, PORT: String(port), RESPONSE_CACHE: "false", COMPARE_URL: compare!.url, ...stateUrls },
    url: `http://127.0.0.1:${port}/graphql`,
  });
}

/** The contract SQL of one comparison and of one page, run directly on every state's database. */
async function rawSql(databases: Map<string, string>) {
  const sources = await Promise.all(
    STATE_SUBGRAPHS.map((s) => {
      const url = databases.get(s.code)!;
      const options = url.startsWith("postgres") ? { type: "postgres" as const, url } : { type: "better-sqlite3" as const, database: url };
      return new DataSource({ ...options, migrations: [TallyMarker] }).initialize();
    }),
  );
  return {
    comparison: async () => {
      for (const ds of sources) for (const groupBy of COMPARISON_GROUPINGS) await querySummary(ds, { filter: null, groupBy });
    },
    page: async () => {
      for (const ds of sources) await queryParticipationPage(ds, { filter: null, orderBy: "SIGNED_ON", direction: "DESC", first: 50 });
    },
    close: () => Promise.all(sources.map((ds) => ds.destroy())),
  };
}

interface Row {
  backend: string;
  perState: number;
  query: string;
  gatewayP50: number;
  gatewayP99: number;
  sqlP50: number;
  sqlP99: number;
  fillSeconds: number;
}

const sizes = settings.BENCH_SCALE_SIZES.split(",").map(Number);
const backends: Backend[] = [];
const wanted = settings.BENCH_SCALE_BACKENDS.split(",");
if (wanted.includes("sqlite")) backends.push(sqliteBackend());
const pgUrl = settings.BENCH_POSTGRES_URL ?? settings.TEST_POSTGRES_URL;
if (wanted.includes("postgres") && pgUrl) backends.push(postgresBackend(pgUrl));

const rows: Row[] = [];
const started = Date.now();
try {
  for (const backend of backends) {
    for (const size of sizes) {
      const databases = await backend.databases(size);
      const fillStart = Date.now();
      for (const target of STATE_TARGETS) await seedState(target, { code: target.code, url: databases.get(target.code)! }, { perState: size, seed: settings.BENCH_SCALE_SEED, log: (l) => console.error(`[${backend.name} ${size}] ${l}`) });
      const fillSeconds = (Date.now() - fillStart) / 1000;
      const group = new ProcessGroup();
      try {
        const gateway = await startFederation(group, databases);
        const sql = await rawSql(databases);
        try {
          for (const [query, raw] of [[COMPARISON, sql.comparison], [PAGE, sql.page]] as const) {
            const through = stats(await timeIt(settings.BENCH_SCALE_REQUESTS, settings.BENCH_SCALE_WARMUP, () => post(gateway.url, query)));
            const direct = stats(await timeIt(settings.BENCH_SCALE_REQUESTS, settings.BENCH_SCALE_WARMUP, raw));
            rows.push({ backend: backend.name, perState: size, query: query.name, gatewayP50: through.p50, gatewayP99: through.p99, sqlP50: direct.p50, sqlP99: direct.p99, fillSeconds });
            console.error(`[${backend.name} ${size}] ${query.name}: gateway p50 ${through.p50.toFixed(1)} ms, SQL p50 ${direct.p50.toFixed(1)} ms`);
          }
        } finally {
          await sql.close();
        }
      } finally {
        await group.stopAll();
      }
    }
  }
} finally {
  for (const b of backends) await b.cleanup();
}

const ms = (v: number) => v.toFixed(1);
const header = ["backend", "rows/state", "query", "gateway p50", "gateway p99", "SQL p50", "SQL p99", "p50 vs smallest"];
const table = rows.map((r) => {
  const base = rows.find((x) => x.backend === r.backend && x.query === r.query)!;
  return [r.backend, String(r.perState), r.query, `${ms(r.gatewayP50)} ms`, `${ms(r.gatewayP99)} ms`, `${ms(r.sqlP50)} ms`, `${ms(r.sqlP99)} ms`, `${(r.gatewayP50 / base.gatewayP50).toFixed(2)}x`];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
console.log([line(header), widths.map((w) => "-".repeat(w)).join("  "), ...table.map(line)].join("\n"));
console.log(`\n${settings.BENCH_SCALE_REQUESTS} sequential requests per query and size after ${settings.BENCH_SCALE_WARMUP} untimed; SQL = the contract's statements for the same answer run directly on the three states' databases, one after another; ${cpus().length} cores; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
mkdirSync(join(root, "test-results"), { recursive: true });
writeFileSync(join(root, "test-results/bench-scale.json"), JSON.stringify({ at: new Date().toISOString(), settings: { ...settings, BENCH_POSTGRES_URL: undefined, TEST_POSTGRES_URL: undefined }, rows }, null, 2));
