import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePorts, npmStartEnv, ROOT as root, spawnNpmStart, untilRunning, type Ports, type ServiceStatus } from "../support/npm-start.js";

// `npm start` as a user runs it (scripts/start.mjs on the built packages): five processes on
// free ports, SQLite files created, migrated and seeded on first start, kept across restarts
// with edits intact, and everything stopped by Ctrl-C (SIGINT). As a supervisor: a killed state
// comes back by itself while the others serve, `npm run service` stops and starts one service,
// and a start that cannot listen or get healthy names the service and the reason.

// Saarland's key, fresh for each run: a secret written into the repository is refused at start.
const secret = randomBytes(32).toString("base64url");
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

interface Started {
  child: ChildProcess;
  output: () => string;
  gateway: string;
  ports: number[];
  /** DATA_DIR of this npm start, which `npm run service` needs to find it. */
  dataDir: string;
  /** Each subgraph's own /graphql, to tell the supervisor's work from the gateway's. */
  subgraph: { saarland: string; sachsenAnhalt: string; compare: string };
}

/** npm start on the given ports, with nothing from the caller's shell steering it; not yet waited for. */
function launch(secret: string, ports: Ports, extra: NodeJS.ProcessEnv = {}): Omit<Started, "gateway" | "subgraph"> {
  const { child, output } = spawnNpmStart(npmStartEnv(dataDir, ports, { SL_AUTH_JWT_SECRETS: secret, ...extra }));
  launched.push(child);
  return { child, output, ports: [ports.gateway, ports.sl, ports.sn, ports.st, ports.compare], dataDir };
}

async function start(secret: string): Promise<Started> {
  const ports = await freePorts();
  const started = launch(secret, ports);
  await untilRunning(started.child, started.output);
  const url = (port: number) => `http://127.0.0.1:${port}/graphql`;
  return { ...started, gateway: url(ports.gateway), subgraph: { saarland: url(ports.sl), sachsenAnhalt: url(ports.st), compare: url(ports.compare) } };
}

/** The exit code and output of an npm start that is expected to give up by itself. */
async function failedStart(child: ChildProcess, output: () => string): Promise<{ code: number | null; output: string }> {
  const code = await new Promise<number | null>((resolve) => {
    // Within the test's own limit, so that a start that never gives up fails with its output.
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.once("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output: output() };
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

/** `npm run service -- <args>` against the npm start that uses `dataDir`, as documented. */
async function service(started: Started, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn("npm", ["run", "--silent", "service", "--", ...args], { cwd: root, env: { ...process.env, DATA_DIR: started.dataDir }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (chunk) => (stdout += chunk));
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stdout, stderr };
}

async function status(started: Started): Promise<Map<string, ServiceStatus>> {
  const result = await service(started, "status", "--json");
  expect(result.code, result.stderr).toBe(0);
  return new Map((JSON.parse(result.stdout) as ServiceStatus[]).map((s) => [s.name, s]));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it holds, at most `limitMs`; whether it ever held. */
async function eventually(check: () => Promise<boolean>, limitMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

/**
 * Fails unless Saarland and Sachsen-Anhalt answer and the comparison holds every state but
 * at most `away`, naming it. Asked of the subgraphs themselves: this is about the processes the
 * supervisor keeps running, not about how the gateway passes partial answers on.
 */
async function expectOthersAnswer(started: Started, away: string): Promise<void> {
  const saarland = await post(started.subgraph.saarland, `{ saarland { partnershipByOrdinal(n: 10) { id } } }`);
  expect(saarland.data?.saarland?.partnershipByOrdinal?.id, JSON.stringify(saarland)).toBe("SL-P-10");
  const sachsenAnhalt = await post(started.subgraph.sachsenAnhalt, `{ sachsenAnhalt { name } }`);
  expect(sachsenAnhalt.data?.sachsenAnhalt?.name, JSON.stringify(sachsenAnhalt)).toBeTruthy();
  const answer = await post(started.subgraph.compare, `{ comparison { states { state } unavailableStates { state } } }`);
  expect(answer.data.comparison.states.map((s: any) => s.state)).toEqual(expect.arrayContaining(["SL", "ST"]));
  for (const missing of answer.data.comparison.unavailableStates) expect(missing.state).toBe(away);
  for (const error of answer.errors ?? []) {
    // STATE_UNAVAILABLE, or another code of that family (a state skipped while it is away).
    expect(error.extensions?.code, JSON.stringify(error)).toMatch(/^STATE_/);
    expect(error.extensions?.states, JSON.stringify(error)).toEqual([away]);
  }
}

const fullComparison = async (started: Started): Promise<boolean> => {
  const answer = await post(started.subgraph.compare, `{ comparison { states { state } unavailableStates { state } } }`);
  return answer.errors === undefined && answer.data.comparison.states.length === 3;
};

describe("npm start as a supervisor", () => {
  let started: Started;
  beforeAll(async () => {
    started = await start(secret);
  }, 120_000);
  afterAll(async () => {
    if (started) expect(await stop(started)).toBe(0);
  }, 60_000);

  it("restarts a state killed with SIGKILL by itself, while the others answer throughout", async () => {
    const before = (await status(started)).get("sachsen")!;
    expect(before.state).toBe("running");
    expect(before.pid).toBeGreaterThan(0);
    const pids = new Map([...(await status(started)).values()].map((s) => [s.name, s.pid]));

    process.kill(before.pid!, "SIGKILL");
    let answers = 0;
    const back = await eventually(async () => {
      await expectOthersAnswer(started, "SN");
      answers += 1;
      return listening(before.port);
    });
    expect(back, `sachsen did not serve again:\n${started.output()}`).toBe(true);
    expect(answers).toBeGreaterThan(0);
    expect(await eventually(() => fullComparison(started))).toBe(true);

    const after = await status(started);
    expect(after.get("sachsen")).toMatchObject({ state: "running", restarts: 1 });
    expect(after.get("sachsen")!.pid).not.toBe(before.pid);
    for (const name of ["saarland", "sachsen-anhalt", "compare", "gateway"]) expect(after.get(name), name).toMatchObject({ state: "running", pid: pids.get(name), restarts: 0 });
    expect(started.output()).toMatch(/supervisor +\| sachsen exited unexpectedly \(signal SIGKILL\).*; restarting in 0\.5 s/);
  }, 60_000);

  it("stops one service with `npm run service`, keeps it stopped, and starts it again", async () => {
    const port = (await status(started)).get("sachsen-anhalt")!.port;
    const stopped = await service(started, "stop", "sachsen-anhalt");
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stdout).toContain("sachsen-anhalt stopped");
    expect(await listening(port)).toBe(false);

    // The README's partial answer: the others answer, Sachsen-Anhalt is named.
    const partial = await post(started.subgraph.compare, `{ comparison { states { state participations } unavailableStates { state name reason } } }`);
    expect(partial.data.comparison.states.map((s: any) => s.state)).toEqual(["SL", "SN"]);
    expect(partial.data.comparison.unavailableStates.map((s: any) => s.state)).toEqual(["ST"]);
    expect(partial.errors.map((e: any) => e.extensions.states)).toEqual([["ST"]]);

    // Past the supervisor's first restart delay (0.5 s): a service stopped on request stays stopped.
    await sleep(2_000);
    expect(await listening(port)).toBe(false);
    expect((await status(started)).get("sachsen-anhalt")).toMatchObject({ state: "stopped", pid: null });

    const unknown = await service(started, "stop", "thueringen");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown service; the services are saarland, sachsen, sachsen-anhalt, compare, gateway");

    const again = await service(started, "start", "sachsen-anhalt");
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/sachsen-anhalt started \(pid \d+\)/);
    expect(await listening(port)).toBe(true);
    expect(await eventually(() => fullComparison(started))).toBe(true);
  }, 60_000);

  it("keeps retrying a state whose port another process took, and names the port and why", async () => {
    const port = (await status(started)).get("sachsen")!.port;
    expect((await service(started, "stop", "sachsen")).code).toBe(0);
    // It hangs up on every connection (compare keeps asking for Sachsen), so that it can close.
    const squatter = createServer((socket) => socket.destroy());
    await new Promise<void>((r) => squatter.listen(port, "127.0.0.1", () => r()));
    try {
      const refused = await service(started, "start", "sachsen");
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`sachsen did not start: port ${port} is already in use (EADDRINUSE); the supervisor keeps retrying`);
      // Still retrying with a growing delay, and the others unharmed meanwhile.
      expect(await eventually(async () => /restarting in 1 s \(restart \d+\)/.test(started.output()), 20_000)).toBe(true);
      expect((await status(started)).get("sachsen")!.state).toBe("backoff");
      await expectOthersAnswer(started, "SN");
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
    // Once the port is free, it comes back without being asked.
    expect(await eventually(async () => (await status(started)).get("sachsen")!.state === "running", 30_000)).toBe(true);
    expect(started.output()).toMatch(/sachsen is serving again \(pid \d+\)/);
  }, 60_000);
});

describe("npm start that cannot start", () => {
  it("names the service whose port is taken, and starts nothing", async () => {
    const ports = await freePorts();
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(ports.sn, "127.0.0.1", () => r()));
    try {
      const { child, output } = launch(secret, ports);
      const result = await failedStart(child, output);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`sachsen: port ${ports.sn} is already in use (EADDRINUSE)`);
      for (const port of [ports.gateway, ports.sl, ports.st, ports.compare]) expect(await listening(port), `port ${port}`).toBe(false);
    } finally {
      await new Promise<void>((r) => squatter.close(() => r()));
    }
  }, 60_000);

  it("names the service that died while starting, with the error it died of, and stops the others", async () => {
    const ports = await freePorts();
    const { child, output } = launch("too-short", ports);
    const result = await failedStart(child, output);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/\n  saarland: exited during start \(code 1\): ConfigError: .*AUTH_JWT_SECRETS/);
    for (const port of [ports.gateway, ports.sl, ports.sn, ports.st, ports.compare]) expect(await listening(port), `port ${port}`).toBe(false);
  }, 60_000);

  it("names the services that fail their health check, with the reason, and stops the others", async () => {
    const ports = await freePorts();
    const { child, output } = launch(secret, ports, { START_TIMEOUT_MS: "1" });
    const result = await failedStart(child, output);
    expect(result.code).toBe(1);
    expect(result.output).toMatch(new RegExp(`  sachsen: did not answer http://127\\.0\\.0\\.1:${ports.sn}/health with 200 within 1 ms \\(last: `));
    for (const port of [ports.gateway, ports.sl, ports.sn, ports.st, ports.compare]) expect(await listening(port), `port ${port}`).toBe(false);
  }, 60_000);
});
