import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { expect } from "vitest";
import { createHash } from "node:crypto";

/*
 * Helpers for the crash tests of the state subgraphs' import commands: run the BUILT command
 * in a child process, kill it with SIGKILL while its write transaction is open, and compare
 * what a SQLite file holds before and after. Nothing here knows a state's records.
 */

export interface NodeScriptOptions {
  /** Working directory of the child; defaults to this process's. */
  cwd?: string;
  /** Added to the environment (after DATABASE_URL, INIT_CWD and SEED are removed from it). */
  env?: Record<string, string>;
}

export interface NodeScriptResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(script: string, args: readonly string[], options: NodeScriptOptions): ChildProcess {
  // The commands must use the database the test names, in the folder the test names.
  const { DATABASE_URL: _url, INIT_CWD: _cwd, SEED: _seed, ...inherited } = process.env;
  return spawn(process.execPath, [script, ...args], {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { ...inherited, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Runs `node <script> …args` to its end and returns its exit code, signal and output. */
export function runNodeScript(script: string, args: readonly string[], options: NodeScriptOptions = {}): Promise<NodeScriptResult> {
  return new Promise((resolve, reject) => {
    const child = start(script, args, options);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export interface KillDuringApplyOptions extends NodeScriptOptions {
  /** The record type name the command prints in its progress lines (`partnerships`). */
  type: string;
  /** Kill at the first apply progress line with at least this many rows applied (and not all). Default 1. */
  minApplied?: number;
  /** Give up (kill the child and reject) if no such line appeared by then. A guard against a hang, not a check. Default 300 s. */
  giveUpAfterMs?: number;
}

export interface KilledImport extends NodeScriptResult {
  /** Rows the last progress line before the kill said were applied, inside the open transaction. */
  applied: number;
  /** Rows the import was going to apply. */
  total: number;
}

/**
 * Runs an import command (`node <script> <file> … --progress-every <n>`) and kills it with
 * SIGKILL (no cleanup, no rollback by the process) as soon as stderr shows a progress line of
 * the apply phase, `<type>: applied <n>/<total> rows` with `minApplied <= n < total`.
 *
 * Why that line proves the process is inside its write transaction: the shared engine prints
 * apply progress from inside `withWriteTransaction`, after the n-th row was applied, and
 * commits only after the last row; with n < total the commit has not begun. The process writes
 * stderr synchronously (a pipe on POSIX), so the line is out before the rows after it are
 * applied. Resolves once the child is gone; rejects if it ends by itself first (too small a
 * file, or the import failed), with its output.
 */
export function killImportWhileWriting(script: string, args: readonly string[], options: KillDuringApplyOptions): Promise<KilledImport> {
  const minApplied = Math.max(1, options.minApplied ?? 1);
  const line = new RegExp(`^${options.type.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: applied (\\d+)/(\\d+) rows$`, "gm");
  return new Promise((resolve, reject) => {
    const child = start(script, args, options);
    let stdout = "";
    let stderr = "";
    let seen: { applied: number; total: number } | null = null;
    const guard = setTimeout(() => {
      if (seen) return;
      child.kill("SIGKILL");
      reject(new Error(`no apply progress line within ${options.giveUpAfterMs ?? 300_000} ms; stderr so far:\n${stderr}`));
    }, options.giveUpAfterMs ?? 300_000);
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => {
      stderr += d;
      if (seen) return;
      for (const m of stderr.matchAll(line)) {
        const applied = Number(m[1]);
        const total = Number(m[2]);
        if (applied >= minApplied && applied < total) {
          seen = { applied, total };
          child.kill("SIGKILL");
          break;
        }
      }
    });
    child.on("error", (err) => {
      clearTimeout(guard);
      reject(err);
    });
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      if (!seen) reject(new Error(`the import ended (code ${code}, signal ${signal}) before it was seen applying rows:\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      else resolve({ ...seen, code, signal, stdout, stderr });
    });
  });
}

export interface SqliteFingerprint {
  /** `PRAGMA integrity_check`: "ok" for a sound file. */
  integrity: unknown;
  /** Every schema object (type, name, SQL), sorted: tables, indexes, views, triggers. */
  schema: string[];
  /** Every table (including TypeORM's `migrations` and `sqlite_sequence`): its row count and a hash of all its rows. */
  tables: Record<string, { rows: number; sha256: string }>;
}

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? `x'${Buffer.from(v).toString("hex")}'` : v));

/**
 * Everything a reader of the SQLite file sees, read with a separate read-only connection (so
 * only committed data counts): the schema, every table's rows (order-independent: rows are
 * hashed in sorted order) and the integrity check. Two fingerprints are equal exactly when
 * the files hold the same schema and the same rows.
 */
export function sqliteFingerprint(file: string): SqliteFingerprint {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const objects = db.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
    const tables: SqliteFingerprint["tables"] = {};
    for (const { name } of objects.filter((o) => o.type === "table")) {
      const rows = (db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).raw().all() as unknown[][]).map(canonical).sort();
      tables[name] = { rows: rows.length, sha256: createHash("sha256").update(rows.join("\n")).digest("hex") };
    }
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      schema: objects.map((o) => `${o.type} ${o.name}: ${o.sql ?? ""}`),
      tables,
    };
  } finally {
    db.close();
  }
}

export interface ImportKillCheck {
  /** The built import command (`dist/cli/import.js`) and the folder it runs in. */
  importCli: string;
  cwd: string;
  /** The SQLite file, migrated and seeded, and the valid import file for it. */
  database: string;
  file: string;
  /** The record type as the command names it in its progress lines (`partnerships`). */
  type: string;
  /** The table the records land in, with the counts the file brings. */
  table: string;
  seededRows: number;
  created: number;
  updated: number;
  progressEvery: number;
}

/**
 * The crash test of one state's import command: killed with SIGKILL inside its write
 * transaction, it must leave every table, the schema and SQLite's integrity as they were;
 * the same file, left to finish, must then import completely (so the first check could fail).
 */
export async function expectImportSurvivesKill(c: ImportKillCheck): Promise<void> {
  const total = c.created + c.updated;
  const before = sqliteFingerprint(c.database);
  expect(before.integrity).toBe("ok");
  expect(before.tables[c.table]!.rows).toBe(c.seededRows);

  const args = [c.file, "--database", c.database, "--actor", "crash-test", "--progress-every", String(c.progressEvery)];
  const killed = await killImportWhileWriting(c.importCli, args, { cwd: c.cwd, type: c.type });
  expect(killed.signal).toBe("SIGKILL");
  // It had validated the whole file and was applying rows, short of the last one, when killed.
  expect(killed.stderr).toContain(`${c.type}: validated ${total}/${total} rows`);
  expect(killed.total).toBe(total);
  expect(killed.applied).toBeGreaterThanOrEqual(c.progressEvery);
  expect(killed.applied).toBeLessThan(total);
  expect(killed.stdout).toBe("");

  const after = sqliteFingerprint(c.database);
  expect(after.integrity).toBe("ok");
  expect(after).toEqual(before);

  const finished = await runNodeScript(c.importCli, args, { cwd: c.cwd });
  expect(finished.code, finished.stderr).toBe(0);
  expect(finished.stdout).toBe(`${c.type}: imported: ${c.created} created, ${c.updated} updated, 0 unchanged (${total} rows)\n`);
  const done = sqliteFingerprint(c.database);
  expect(done.integrity).toBe("ok");
  expect(done.tables[c.table]!.rows).toBe(c.seededRows + c.created);
  expect(done.tables.audit_entry!.rows).toBe(before.tables.audit_entry!.rows + total);
}
