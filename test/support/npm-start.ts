import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

// What the tests that run `npm start` itself (test/tests/start.test.ts, the fault suite) share:
// free ports, an environment the caller's shell cannot steer, the launch, and the wait until
// npm start says it is running.

/** The repository root, where `npm start` runs. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** One service as `npm run service -- status --json` reports it. */
export interface ServiceStatus {
  name: string;
  state: string;
  pid: number | null;
  port: number;
  restarts: number;
}

/** The five services' ports. */
export interface Ports {
  gateway: number;
  sl: number;
  sn: number;
  st: number;
  compare: number;
}

/** A port nothing listens on now (the kernel picks it, then it is released for the child). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function freePorts(): Promise<Ports> {
  const [gateway, sl, sn, st, compare] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  return { gateway, sl, sn, st, compare };
}

/**
 * The environment of an npm start under test: the caller's, less anything that could steer it
 * (keys, database URLs, timeouts, limits, cache and registry settings), plus its data folder,
 * ports and LOG_LEVEL=warn; `extra` last.
 */
export function npmStartEnv(dataDir: string, ports: Ports, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^((SL|SN|ST)_)?AUTH_JWT_/.test(key) ||
      /^(STATE_|SUBGRAPH_|COMPARE_|RESPONSE_CACHE|GATEWAY_|MAX_)/.test(key) ||
      ["DATABASE_URL", "SEED", "HOST", "START_TIMEOUT_MS", "REDIS_URL"].includes(key)
    ) {
      delete env[key];
    }
  }
  return {
    ...env,
    DATA_DIR: dataDir,
    GATEWAY_PORT: String(ports.gateway),
    SL_PORT: String(ports.sl),
    SN_PORT: String(ports.sn),
    ST_PORT: String(ports.st),
    COMPARE_PORT: String(ports.compare),
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** npm start (scripts/start.mjs on the built packages) with `env`, its output collected; not yet waited for. */
export function spawnNpmStart(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  return { child, output: () => text };
}

/** Resolves once npm start says it is running; rejects with its output if it exits or is not running within `limitMs`. */
export function untilRunning(child: ChildProcess, output: () => string, limitMs = 120_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      clearInterval(poll);
      clearTimeout(deadline);
      child.off("exit", onExit);
      if (err) reject(err);
      else resolve();
    };
    const onExit = (code: number | null) => done(new Error(`npm start exited with ${code} before it was running:\n${output()}`));
    const poll = setInterval(() => output().includes("laenderhub is running") && done(), 100);
    const deadline = setTimeout(() => done(new Error(`npm start was not running after ${limitMs} ms:\n${output()}`)), limitMs);
    child.once("exit", onExit);
  });
}
