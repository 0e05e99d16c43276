import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

// `npm start` as a user runs it (scripts/start.mjs on the built packages): five processes on
// free ports, SQLite files created, migrated and seeded on first start, kept across restarts
// with edits intact, and everything stopped by Ctrl-C (SIGINT).

const root = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "lh-start-"));
/** Every npm start this file launched: whatever happens, none outlives the test. */
const launched: ChildProcess[] = [];
afterAll(async () => {
  await Promise.all(launched.map((child) => stopChild(child)));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Ctrl-C for npm start (it stops its services itself); its exit code, or null if it was gone already. */
async function stopChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  child.kill("SIGINT");
  // start.mjs kills what does not stop within 10 s; a last resort beyond that.
  const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}

/** A port nothing listens on now (the OS picks it, then it is released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  gateway: string;
  ports: number[];
}

async function start(secret: string): Promise<Started> {
  const [gateway, sl, sn, st, compare] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, GATEWAY_PORT: String(gateway), SL_PORT: String(sl), SN_PORT: String(sn), ST_PORT: String(st), COMPARE_PORT: String(compare), LOG_LEVEL: "warn" };
  // Nothing from the caller's shell may steer it: no database URL, no other keys, no seed switch.
  for (const key of Object.keys(env)) {
    if (/^((SL|SN|ST)_)?AUTH_JWT_/.test(key) || ["DATABASE_URL", "SEED", "HOST", "START_TIMEOUT_MS"].includes(key)) delete env[key];
  }
  env.SL_AUTH_JWT_SECRETS = secret;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  launched.push(child);
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      clearInterval(poll);
      clearTimeout(deadline);
      child.off("exit", onExit);
      if (err) reject(err);
      else resolve();
    };
    const onExit = (code: number | null) => done(new Error(`npm start exited with ${code} before it was running:\n${text}`));
    const poll = setInterval(() => text.includes("laenderhub is running") && done(), 100);
    const deadline = setTimeout(() => done(new Error(`npm start was not running after 120 s:\n${text}`)), 120_000);
    child.once("exit", onExit);
  });
  return { child, output: () => text, gateway: `http://127.0.0.1:${gateway}/graphql`, ports: [gateway, sl, sn, st, compare] };
}

const stop = (started: Started) => stopChild(started.child);

async function post(url: string, query: string, headers: Record<string, string> = {}): Promise<any> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
  return res.json();
}

async function listening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

describe("npm start", () => {
  const secret = "start-test-secret-that-is-long-enough-0123456789";

  it("runs the federation on seeded SQLite files, keeps them across restarts, and stops on Ctrl-C", async () => {
    const first = await start(secret);
    try {
      expect(first.output()).toContain(first.gateway);
      for (const name of ["saarland", "sachsen", "sachsen-anhalt", "compare"]) expect(existsSync(join(dataDir, `${name}.sqlite`)), name).toBe(true);
      const seeded = await post(first.gateway, `{ saarland { partnershipByOrdinal(n: 10) { place municipality { name ags } } } comparison { states { state participations } } }`);
      expect(seeded.errors).toBeUndefined();
      expect(seeded.data.saarland.partnershipByOrdinal.municipality).toEqual({ name: "Bexbach", ags: "10045111" });
      expect(seeded.data.comparison.states.map((s: any) => s.state)).toEqual(["SL", "SN", "ST"]);

      // An edit through the gateway, with a token signed by Saarland's own key.
      const { issueToken } = await import("@laenderhub/shared");
      const token = await issueToken({ secret, state: "SL", role: "editor", subject: "start-test", expiresIn: "5m" });
      const edited = await post(first.gateway, `mutation { updateSaarlandPartnership(id: "SL-P-10", input: { place: "Rathaus Bexbach (start test)" }, note: "start test") { place } }`, { authorization: `Bearer ${token}` });
      expect(edited.errors).toBeUndefined();
    } finally {
      expect(await stop(first)).toBe(0);
    }
    for (const port of first.ports) expect(await listening(port), `port ${port} still answers after Ctrl-C`).toBe(false);

    // Second start on the same files: the edit is still there, nothing was seeded over it.
    const second = await start(secret);
    try {
      const kept = await post(second.gateway, `{ saarland { partnerships(first: 50) { totalCount } partnershipByOrdinal(n: 10) { place } } }`);
      expect(kept.errors).toBeUndefined();
      expect(kept.data.saarland.partnershipByOrdinal.place).toBe("Rathaus Bexbach (start test)");
      expect(kept.data.saarland.partnerships.totalCount).toBe(11);
    } finally {
      expect(await stop(second)).toBe(0);
    }
  }, 180_000);
});
