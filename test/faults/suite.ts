import { killImportWhileWriting, runNodeScript, sqliteFingerprint, type SqliteFingerprint } from "@laenderhub/shared/testing";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchNpmStart, ROOT, type NpmStart } from "./federation.js";
import { judge, Load, LOAD_QUERIES, send, type Answer, type Part, type Verdict } from "./load.js";

/*
 * The fault suite: the real `npm start` (five processes, SQLite files in a temp folder, loopback
 * only) under a bounded load of comparative and state-namespace queries through the gateway,
 * and four faults an operator meets: a state killed (the supervisor restarts it), a state hung
 * (SIGSTOP, compare's breaker skips it), compare killed (the gateway names it), and a state's
 * import killed inside its write transaction. Every answer is judged; the figures are counted,
 * the times measured and reported, never asserted here.
 */

/** What one run of the suite may take and how hard it presses. */
export interface FaultSettings {
  /** Seconds of load before each fault and again after recovery. */
  steadySeconds: number;
  /** How long Sachsen stays stopped (SIGSTOP) in the hang scenario. */
  hangSeconds: number;
  /** Give up waiting for recovery after this long: the scenario then reports no recovery. */
  recoveryLimitMs: number;
  /** Closed request loops per query (five queries). */
  loopsPerQuery: number;
  /** compare's STATE_TIMEOUT_MS: how long it waits for a state before naming it. */
  stateTimeoutMs: number;
  /** compare's STATE_BREAKER_HALF_OPEN_AFTER_MS. */
  breakerHalfOpenAfterMs: number;
  /** New Saarland partnerships in the import that is killed (enough to be inside the transaction for a while). */
  importRows: number;
}

export const DEFAULT_FAULT_SETTINGS: FaultSettings = {
  steadySeconds: 5,
  hangSeconds: 8,
  recoveryLimitMs: 30_000,
  loopsPerQuery: 1,
  stateTimeoutMs: 1_000,
  breakerHalfOpenAfterMs: 5_000,
  importRows: 3_000,
};

/** Latencies of the comparative answers that named a hung state after its first timeout, in ms. */
export interface HungLatency {
  answers: number;
  p50: number;
  p95: number;
  max: number;
  /** Of these, the answers that took longer than 200 ms (the breaker's half-open probes wait the state's timeout). */
  over200ms: number;
}

/** The figures of one scenario. */
export interface ScenarioResult {
  name: string;
  /** What was taken away, as it must be named. */
  missing: string;
  requests: number;
  notJson: number;
  noAnswer: number;
  /** Comparative answers, and the missing part's own, that were neither complete nor named it. */
  unnamed: number;
  /** Another state's namespace not answered completely. */
  otherStateFailures: number;
  /** Answers that named the missing part: proof that the fault was seen at all. */
  named: number;
  /** From the end of the fault (kill, SIGCONT) to the first round of complete answers to every query; null: none within the limit. */
  recoveryMs: number | null;
  hung: HungLatency | null;
  /** Records of the imported type lost, changed or added by the killed import (only the import scenario). */
  rowsLost: number | null;
  /** Tables whose rows differ from before the import, and SQLite's integrity check after it. */
  tablesChanged: number | null;
  integrity: string | null;
  /** For a killed service: the supervisor's restart count before and after, and whether a new process serves. */
  restart: { before: number; after: number; newProcess: boolean } | null;
  /** For the killed import: the rows it said it had applied (inside its transaction) of all it was applying. */
  importKilled: { applied: number; total: number } | null;
  /** What else was observed, for the report (pids, times). */
  notes: string[];
  /** A few of the answers that count against the scenario, to show what went wrong. */
  examples: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** One round of every query, sent together: whether each came back complete. */
async function everyQueryComplete(gateway: string): Promise<boolean> {
  const answers = await Promise.all(LOAD_QUERIES.map((q) => send(gateway, q, 15_000)));
  return answers.every((a) => a.body !== null && a.query.complete(a.body));
}

/** Polls until every query answers completely; ms from `since` to that answer, or null after `limitMs`. */
async function timeToComplete(gateway: string, since: number, limitMs: number): Promise<number | null> {
  while (Date.now() - since < limitMs) {
    if (await everyQueryComplete(gateway)) return Date.now() - since;
    await sleep(100);
  }
  return null;
}

type Tally = Pick<ScenarioResult, "name" | "missing" | "requests" | "notJson" | "noAnswer" | "unnamed" | "otherStateFailures" | "named" | "examples">;

function tally(name: string, missing: Part, answers: Answer[]): Tally {
  const counts: Record<Verdict, number> = { complete: 0, named: 0, unnamed: 0, "other-state-failure": 0, "not-json": 0, "no-answer": 0 };
  const examples: string[] = [];
  for (const answer of answers) {
    const verdict = judge(answer, missing);
    counts[verdict] += 1;
    if (verdict !== "complete" && verdict !== "named" && examples.length < 5) {
      examples.push(`${verdict} (${answer.query.name}): ${answer.failure?.detail ?? JSON.stringify(answer.body).slice(0, 400)}`);
    }
  }
  return {
    name,
    missing: missing.kind === "compare" ? "compare" : missing.code,
    requests: answers.length,
    notJson: counts["not-json"],
    noAnswer: counts["no-answer"],
    unnamed: counts.unnamed,
    otherStateFailures: counts["other-state-failure"],
    named: counts.named,
    examples,
  };
}

interface Phase {
  name: string;
  missing: Part;
  /**
   * Brings the fault about while the load runs; resolves with the moment the fault ended
   * (the kill, SIGCONT), from which recovery is measured, and anything more to report.
   */
  inflict(federation: NpmStart, settings: FaultSettings): Promise<{ endedAt: number; notes?: string[]; restart?: ScenarioResult["restart"] }>;
}

/**
 * Runs one scenario: waits until every query answers completely, loads the federation for
 * `steadySeconds`, inflicts the fault, measures recovery, keeps the load on for another
 * `steadySeconds`, and judges every answer of the whole time.
 */
async function runScenario(federation: NpmStart, settings: FaultSettings, phase: Phase, log: (line: string) => void): Promise<ScenarioResult & { answers: Answer[]; endedAt: number }> {
  const calm = await timeToComplete(federation.gateway, Date.now(), settings.recoveryLimitMs);
  if (calm === null) throw new Error(`${phase.name}: the federation did not answer every query completely before the fault`);
  log(`${phase.name}: load for ${settings.steadySeconds} s, then the fault`);
  const load = new Load(federation.gateway, { loopsPerQuery: settings.loopsPerQuery, requestTimeoutMs: 20_000 });
  load.start();
  let endedAt = 0;
  let notes: string[] = [];
  let restart: ScenarioResult["restart"] = null;
  let recoveryMs: number | null = null;
  try {
    await sleep(settings.steadySeconds * 1000);
    ({ endedAt, notes = [], restart = null } = await phase.inflict(federation, settings));
    recoveryMs = await timeToComplete(federation.gateway, endedAt, settings.recoveryLimitMs);
    log(`${phase.name}: ${recoveryMs === null ? `no recovery within ${settings.recoveryLimitMs} ms` : `recovered ${recoveryMs} ms after the fault ended`}`);
    await sleep(settings.steadySeconds * 1000);
  } finally {
    await load.stop();
  }
  return { ...tally(phase.name, phase.missing, load.answers), recoveryMs, hung: null, rowsLost: null, tablesChanged: null, integrity: null, restart, importKilled: null, notes, answers: load.answers, endedAt };
}

const SN: Part = { kind: "state", code: "SN" };
const SL: Part = { kind: "state", code: "SL" };

/**
 * SIGKILL to one service of npm start, then waits (at most `limitMs`) until the supervisor has
 * a new process of it running. The fault ends with the kill: recovery is measured from there.
 */
async function killService(federation: NpmStart, name: string, limitMs: number) {
  const before = (await federation.status()).get(name)!;
  process.kill(before.pid!, "SIGKILL");
  const killedAt = Date.now();
  let after = before;
  while (Date.now() - killedAt < limitMs) {
    after = (await federation.status()).get(name)!;
    if (after.state === "running" && after.pid !== before.pid) break;
    await sleep(200);
  }
  return {
    endedAt: killedAt,
    restart: { before: before.restarts, after: after.restarts, newProcess: after.state === "running" && after.pid !== before.pid },
    notes: [`${name} pid ${before.pid} -> ${after.pid} (${after.state}) ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill, supervisor restarts ${before.restarts} -> ${after.restarts}`],
  };
}

/** (a) Sachsen killed with SIGKILL; the supervisor restarts it by itself. */
const killState: Phase = {
  name: "(a) Sachsen killed (SIGKILL)",
  missing: SN,
  inflict: (federation, settings) => killService(federation, "sachsen", settings.recoveryLimitMs),
};

/** (b) Sachsen stopped with SIGSTOP for `hangSeconds`, then SIGCONT. */
const hangState: Phase = {
  name: "(b) Sachsen hung (SIGSTOP)",
  missing: SN,
  async inflict(federation, settings) {
    const pid = await federation.pidOf("sachsen");
    federation.pause(pid);
    const stoppedAt = Date.now();
    await sleep(settings.hangSeconds * 1000);
    federation.resume(pid);
    return { endedAt: Date.now(), notes: [`sachsen (pid ${pid}) stopped ${settings.hangSeconds} s from ${new Date(stoppedAt).toISOString()}`] };
  },
};

/** (c) compare killed with SIGKILL; the supervisor restarts it. */
const killCompare: Phase = {
  name: "(c) compare killed (SIGKILL)",
  missing: { kind: "compare" },
  inflict: (federation, settings) => killService(federation, "compare", settings.recoveryLimitMs),
};

/** The hung state's comparative answers that named it, sent after the first such answer came back and before it resumed. */
function hungLatency(answers: Answer[], missing: Part, resumedAt: number): HungLatency | null {
  const named = answers.filter((a) => a.query.owner === "comparative" && judge(a, missing) === "named").sort((a, b) => a.receivedAt - b.receivedAt);
  const firstTimeout = named[0]?.receivedAt;
  if (firstTimeout === undefined) return null;
  const after = named.filter((a) => a.sentAt >= firstTimeout && a.sentAt < resumedAt).map((a) => a.receivedAt - a.sentAt).sort((x, y) => x - y);
  if (after.length === 0) return null;
  return { answers: after.length, p50: percentile(after, 50), p95: percentile(after, 95), max: after.at(-1)!, over200ms: after.filter((ms) => ms > 200).length };
}

/** Saarland's partnerships as its own export command writes them (JSON), one canonical line per record. */
async function exportPartnerships(dataDir: string): Promise<string[]> {
  const result = await runNodeScript(join(ROOT, "subgraphs/saarland/dist/cli/export.js"), ["--format", "json", "--type", "partnerships"], { cwd: join(ROOT, "subgraphs/saarland"), env: { DATA_DIR: dataDir } });
  if (result.code !== 0) throw new Error(`saarland export failed (${result.code}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as unknown[]).map((row) => JSON.stringify(row)).sort();
}

/** Records in one list and not in the other (as a multiset): lost, changed or half-written. */
function recordDifference(before: string[], after: string[]): number {
  const count = new Map<string, number>();
  for (const row of before) count.set(row, (count.get(row) ?? 0) + 1);
  for (const row of after) count.set(row, (count.get(row) ?? 0) - 1);
  return [...count.values()].reduce((sum, n) => sum + Math.abs(n), 0);
}

function tablesDiffering(before: SqliteFingerprint, after: SqliteFingerprint): number {
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  return [...names].filter((t) => before.tables[t]?.rows !== after.tables[t]?.rows || before.tables[t]?.sha256 !== after.tables[t]?.sha256).length;
}

/**
 * (d) Saarland's import command (the built CLI behind `npm run import -w
 * @laenderhub/subgraph-saarland`, on the database npm start serves) killed with SIGKILL at its
 * first "applied n/total" line, i.e. inside its one write transaction, while the load runs.
 */
async function importScenario(federation: NpmStart, settings: FaultSettings, log: (line: string) => void): Promise<ScenarioResult> {
  const work = mkdtempSync(join(tmpdir(), "lh-faults-import-"));
  const database = join(federation.dataDir, "saarland.sqlite");
  try {
    const seeded = (await exportPartnerships(federation.dataDir)).map((line) => JSON.parse(line) as Record<string, unknown>);
    const template = seeded.find((p) => Array.isArray(p.signatories) && p.signatories.length > 0) ?? seeded[0]!;
    // Test data, not facts: clones of a seeded partnership, each with its own id and source and
    // no running number, then every seeded one with a changed place (so it creates and updates).
    const created = Array.from({ length: settings.importRows }, (_, i) => {
      const id = `SL-P-FAULT-${String(i + 1).padStart(5, "0")}`;
      return {
        ...template,
        id,
        agreementId: id,
        groupName: null,
        groupKind: null,
        ordinal: null,
        ordinalBasis: null,
        ordinalBasisText: null,
        place: `Rathaus ${i + 1}`,
        sources: [{ url: `https://example.org/saarland/fault-suite/${i + 1}`, publisher: "Test", title: null, publishedOn: "2024-05" }],
      };
    });
    const updated = seeded.map((p) => ({ ...p, place: `${String(p.place ?? "Rathaus")} (fault suite)` }));
    const file = join(work, "partnerships.json");
    writeFileSync(file, JSON.stringify([...created, ...updated]));

    // Filled in while the load runs: the records and the file before the import, and the kill.
    const seen: { before?: { rows: string[]; fingerprint: SqliteFingerprint }; killed?: { applied: number; total: number; signal: NodeJS.Signals | null } } = {};
    const phase: Phase = {
      name: "(d) Saarland import killed mid-transaction",
      missing: SL,
      async inflict(fed) {
        seen.before = { rows: await exportPartnerships(fed.dataDir), fingerprint: sqliteFingerprint(database) };
        seen.killed = await killImportWhileWriting(
          join(ROOT, "subgraphs/saarland/dist/cli/import.js"),
          [file, "--actor", "fault-suite", "--progress-every", "100"],
          { cwd: join(ROOT, "subgraphs/saarland"), env: { DATA_DIR: fed.dataDir }, type: "partnerships", giveUpAfterMs: 120_000 },
        );
        return { endedAt: Date.now() };
      },
    };
    const { answers: _answers, endedAt: _endedAt, ...result } = await runScenario(federation, settings, phase, log);
    const after = { rows: await exportPartnerships(federation.dataDir), fingerprint: sqliteFingerprint(database) };
    const { before, killed } = seen;
    if (!before || !killed) throw new Error("the import was not killed");
    return {
      ...result,
      rowsLost: recordDifference(before.rows, after.rows),
      tablesChanged: tablesDiffering(before.fingerprint, after.fingerprint),
      integrity: String(after.fingerprint.integrity),
      importKilled: { applied: killed.applied, total: killed.total },
      notes: [`import killed by ${killed.signal} after "applied ${killed.applied}/${killed.total}"; partnerships before ${before.rows.length}, after ${after.rows.length}`],
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Runs the four scenarios one after another on one `npm start` and stops it at the end, also
 * when a scenario throws. `log` gets a line per step.
 */
export async function runFaultSuite(settings: FaultSettings = DEFAULT_FAULT_SETTINGS, log: (line: string) => void = () => {}): Promise<ScenarioResult[]> {
  log("starting npm start");
  const federation = await launchNpmStart({
    // Every request reaches the subgraphs: a cached complete answer would hide the fault.
    RESPONSE_CACHE: "false",
    STATE_TIMEOUT_MS: String(settings.stateTimeoutMs),
    // One timeout opens a state's breaker, so "after the first timeout" is one request.
    STATE_BREAKER_FAILURES: "1",
    STATE_BREAKER_HALF_OPEN_AFTER_MS: String(settings.breakerHalfOpenAfterMs),
  });
  const results: ScenarioResult[] = [];
  const strip = ({ answers: _answers, endedAt: _endedAt, ...rest }: ScenarioResult & { answers: Answer[]; endedAt: number }): ScenarioResult => rest;
  try {
    results.push(strip(await runScenario(federation, settings, killState, log)));
    const hung = await runScenario(federation, settings, hangState, log);
    // The gateway has no breaker of its own: the hung state's namespace waits its SUBGRAPH_TIMEOUT_MS.
    const ownAnswers = hung.answers.filter((a) => a.query.owner === "SN" && judge(a, SN) === "named");
    const own = ownAnswers.map((a) => a.receivedAt - a.sentAt).sort((x, y) => x - y);
    const ownNote = own.length ? [`sachsen { … } answers naming SN: ${own.length}, p50 ${percentile(own, 50)} ms, max ${own.at(-1)} ms ("${ownAnswers[0]!.body?.errors?.[0]?.message}")`] : [];
    results.push({ ...strip(hung), hung: hungLatency(hung.answers, hangState.missing, hung.endedAt), notes: [...hung.notes, ...ownNote] });
    results.push(strip(await runScenario(federation, settings, killCompare, log)));
    results.push(await importScenario(federation, settings, log));
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- npm start output (last 4000 characters) ---\n${federation.output().slice(-4000)}`, { cause: err });
  } finally {
    await federation.stop();
  }
  return results;
}

/** The figures as one Markdown table, then the notes and any answer that counted against a scenario. */
export function formatResults(results: readonly ScenarioResult[]): string {
  const header = ["scenario", "requests", "not JSON", "no answer", "not naming the missing part", "other-state failures", "named the missing part", "recovery s", "hung answers p50 / p95 / max ms (> 200 ms)", "rows lost or half-written"];
  const rows = results.map((r) => [
    r.name,
    String(r.requests),
    String(r.notJson),
    String(r.noAnswer),
    String(r.unnamed),
    String(r.otherStateFailures),
    String(r.named),
    r.recoveryMs === null ? "none" : (r.recoveryMs / 1000).toFixed(1),
    r.hung ? `${r.hung.p50} / ${r.hung.p95} / ${r.hung.max} (${r.hung.over200ms} of ${r.hung.answers})` : "-",
    r.rowsLost === null ? "-" : `${r.rowsLost} (tables changed: ${r.tablesChanged}, integrity ${r.integrity})`,
  ]);
  const lines = [header, ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  lines.splice(1, 0, `|${header.map(() => "---").join("|")}|`);
  const notes = results.flatMap((r) => [...r.notes.map((n) => `${r.name}: ${n}`), ...r.examples.map((e) => `${r.name}: counted against it: ${e}`)]);
  return [...lines, ...(notes.length ? ["", ...notes] : [])].join("\n");
}
