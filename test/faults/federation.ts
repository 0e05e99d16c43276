import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePorts, npmStartEnv, ROOT, spawnNpmStart, untilRunning, type ServiceStatus } from "../support/npm-start.js";

export { ROOT };

export type { ServiceStatus };

/** A running `npm start` of the fault suite, on free loopback ports with its data in a temp folder. */
export interface NpmStart {
  /** The gateway's /graphql. */
  gateway: string;
  dataDir: string;
  /** Everything npm start printed so far (its own lines and its services'). */
  output(): string;
  /** `npm run service -- status --json`, by service name. */
  status(): Promise<Map<string, ServiceStatus>>;
  /** The pid of a running service; throws if it has none. */
  pidOf(name: string): Promise<number>;
  /** SIGSTOP to a service: it holds its port and its connections but answers nothing. */
  pause(pid: number): void;
  /** SIGCONT to a paused service. */
  resume(pid: number): void;
  /** Ctrl-C, then SIGKILL for whatever is left; removes the data folder. Safe to call twice. */
  stop(): Promise<void>;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts `npm start` (scripts/start.mjs on the built packages) as an operator would, with
 * nothing from the caller's shell steering it but `env`: each state its own fresh 256-bit key
 * (a write key is what production runs with, and a secret written into the repository is
 * refused), LOG_LEVEL=warn, and the SQLite files in a new temp folder. Resolves once npm start
 * says it is running; rejects with its output if it exits or is not running within `startLimitMs`.
 */
export async function launchNpmStart(env: Record<string, string>, startLimitMs = 120_000): Promise<NpmStart> {
  const dataDir = mkdtempSync(join(tmpdir(), "lh-faults-"));
  const ports = await freePorts();
  const { child, output } = spawnNpmStart(
    npmStartEnv(dataDir, ports, {
      SL_AUTH_JWT_SECRETS: randomBytes(32).toString("base64url"),
      SN_AUTH_JWT_SECRETS: randomBytes(32).toString("base64url"),
      ST_AUTH_JWT_SECRETS: randomBytes(32).toString("base64url"),
      ...env,
    }),
  );

  // The services' pids as last reported, and those paused: a paused process ignores SIGTERM,
  // and the services run in their own process groups, so an npm start that has to be killed
  // would leave them behind.
  let current: number[] = [];
  const paused = new Set<number>();
  const lastResort = () => {
    for (const pid of paused) if (alive(pid)) process.kill(pid, "SIGCONT");
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      for (const pid of current) if (alive(pid)) process.kill(pid, "SIGKILL");
    }
  };
  process.once("exit", lastResort);

  const status = async (): Promise<Map<string, ServiceStatus>> => {
    const stdout = await new Promise<string>((resolve, reject) => {
      // What `npm run service -- status --json` runs, without npm's own start-up time.
      execFile(process.execPath, ["scripts/service.mjs", "status", "--json"], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir }, timeout: 30_000 }, (err, out, errOut) =>
        err ? reject(new Error(`npm run service -- status failed: ${errOut || err.message}`)) : resolve(out),
      );
    });
    const services = JSON.parse(stdout) as ServiceStatus[];
    current = services.flatMap((s) => (s.pid ? [s.pid] : []));
    return new Map(services.map((s) => [s.name, s]));
  };

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const pid of paused) if (alive(pid)) process.kill(pid, "SIGCONT");
      paused.clear();
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGINT");
        // npm start kills a service that ignores SIGTERM after 10 s; beyond that, a last resort.
        const timer = setTimeout(lastResort, 30_000);
        await exited;
        clearTimeout(timer);
      }
      process.off("exit", lastResort);
      rmSync(dataDir, { recursive: true, force: true });
    })());

  try {
    await untilRunning(child, output, startLimitMs);
    await status();
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    gateway: `http://127.0.0.1:${ports.gateway}/graphql`,
    dataDir,
    output,
    status,
    async pidOf(name) {
      const pid = (await status()).get(name)?.pid;
      if (!pid) throw new Error(`${name} has no pid: it is not running`);
      return pid;
    },
    pause(pid) {
      paused.add(pid);
      process.kill(pid, "SIGSTOP");
    },
    resume(pid) {
      process.kill(pid, "SIGCONT");
      paused.delete(pid);
    },
    stop,
  };
}
