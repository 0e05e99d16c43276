import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toyCsv } from "./fixtures/toy-records.mjs";

// The crash test runs the real engine in a child process that it kills, so it needs the
// compiled package (built once for the whole run by vitest.global-setup.ts).
const sharedDir = fileURLToPath(new URL("..", import.meta.url));
const fixture = fileURLToPath(new URL("./fixtures/crash-import.mjs", import.meta.url));

let dir: string;
beforeAll(() => {
  expect(existsSync(join(sharedDir, "dist/write/index.js"))).toBe(true);
  dir = mkdtempSync(join(tmpdir(), "lh-crash-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runFixture(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Everything a reader would see in the database, read with a separate connection. */
function contents(db: string) {
  const sqlite = new Database(db, { readonly: true });
  try {
    return {
      records: sqlite.prepare("SELECT * FROM toy_record ORDER BY id").all(),
      audit: sqlite.prepare("SELECT * FROM audit_entry ORDER BY id").all(),
      integrity: sqlite.pragma("integrity_check", { simple: true }),
    };
  } finally {
    sqlite.close();
  }
}

describe("an import killed midway", () => {
  it("leaves the database exactly as it was", async () => {
    const db = join(dir, "toy.sqlite");
    const small = join(dir, "small.csv");
    const large = join(dir, "large.csv");
    writeFileSync(small, toyCsv(5));
    // Updates the 5 existing records (new names) and adds 1995 more.
    writeFileSync(large, toyCsv(2000, 1, "Umbenannt"));

    const seeded = await runFixture([db, small]);
    expect(seeded.stderr).toBe("");
    expect(seeded.code).toBe(0);
    const before = contents(db);
    expect(before.records).toHaveLength(5);
    expect(before.audit).toHaveLength(5);

    // Kill with SIGKILL (no cleanup, no rollback by the process) once rows are being applied.
    const child = spawn(process.execPath, [fixture, db, large, "--progress-every", "50"], { env: { ...process.env, TOY_APPLY_DELAY_MS: "3" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    const applied = await new Promise<number>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", () => reject(new Error(`the import ended before it was killed:\n${stderr}`)));
      child.stderr.on("data", (d) => {
        stderr += d;
        const done = [...stderr.matchAll(/applied (\d+)\/2000/g)].map((m) => Number(m[1]));
        if (done.length > 0 && Math.max(...done) >= 200) {
          child.kill("SIGKILL");
          resolve(Math.max(...done));
        }
      });
    });
    const signal = await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.once("exit", (_c, s) => resolve(s))));
    expect(signal).toBe("SIGKILL");
    expect(applied).toBeGreaterThanOrEqual(200);

    const after = contents(db);
    expect(after.integrity).toBe("ok");
    expect(after.records).toEqual(before.records);
    expect(after.audit).toEqual(before.audit);

    // The same import, left to finish, does change the database: the check above could fail.
    const finished = await runFixture([db, large]);
    expect(finished.code).toBe(0);
    expect(finished.stdout).toMatch(/1995 created, 5 updated, 0 unchanged/);
    const done = contents(db);
    expect(done.records).toHaveLength(2000);
    expect(done.audit).toHaveLength(2005);
  });
});
