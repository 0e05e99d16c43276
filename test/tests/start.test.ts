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
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

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
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, GATEWAY_PORT: String(gateway), SL_PORT: String(sl), SN_PORT: String(sn), ST_PORT: String(st), COMPARE_PORT: String(compare), SL_AUTH_JWT_SECRETS: secret, LOG_LEVEL: "warn" };
  for (const key of ["DATABASE_URL", "AUTH_JWT_SECRETS", "AUTH_JWT_PUBLIC_KEYS", "SEED", "HOST"]) delete env[key];
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (text.includes("laenderhub is running")) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      reject(new Error(`npm start exited with ${code} before it was running:\n${text}`));
    });
  });
  return { child, output: () => text, gateway: `http://127.0.0.1:${gateway}/graphql`, ports: [gateway, sl, sn, st, compare] };
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => started.child.once("exit", (code) => r(code)));
  started.child.kill("SIGINT");
  return exited;
}

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
