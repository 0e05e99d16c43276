import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A service the bench started as a child process. */
export interface Service {
  name: string;
  /** Its GraphQL endpoint. */
  url: string;
  pid: number;
  /** Set once the process has exited. */
  exited: () => string | null;
}

/** A free TCP port on loopback (asked of the kernel, then released for the child). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process in bytes (Linux `/proc`), or null where it cannot be read. */
export function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Owns every child process of a bench run: starts them, waits until each answers GraphQL, and
 * kills them all at the end, on an error, on Ctrl-C or when the runner itself exits.
 */
export class ProcessGroup {
  readonly #children = new Map<string, ChildProcess>();

  constructor() {
    // Whatever ends the runner, no service is left behind: SIGKILL needs no cooperation.
    process.on("exit", () => {
      for (const child of this.#children.values()) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    });
  }

  /**
   * Runs `node <script>` from `cwd` with `env` over a minimal inherited environment, and waits
   * until `url` answers `{ __typename }` (or the child dies, or `timeoutMs` passes).
   */
  async start(options: { name: string; script: string; cwd: string; env: Record<string, string>; url: string; nodeArgs?: string[]; timeoutMs?: number }): Promise<Service> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
      cwd: options.cwd,
      // Only what node needs from the caller's shell: a developer's .env or exported variables
      // (ports, secrets, cache settings) must not change what is measured.
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.#children.set(options.name, child);
    let stderr = "";
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    let exit: string | null = null;
    child.on("exit", (code, signal) => {
      exit = `exited with ${signal ?? code}${stderr.trim() ? `: ${stderr.trim().split("\n").slice(-5).join(" | ")}` : ""}`;
    });
    const service: Service = { name: options.name, url: options.url, pid: child.pid!, exited: () => exit };

    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      if (exit !== null) throw new Error(`${options.name} ${exit}`);
      try {
        const res = await fetch(options.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ __typename }" }),
          signal: AbortSignal.timeout(2_000),
        });
        if (res.ok && ((await res.json()) as { data?: unknown }).data) return service;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`${options.name} did not answer ${options.url} within ${options.timeoutMs ?? 60_000} ms`);
      await sleep(200);
    }
  }

  /** Stops one child: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(name: string, graceMs = 3_000): Promise<void> {
    const child = this.#children.get(name);
    if (!child) return;
    this.#children.delete(name);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
  }

  /** Stops every child still running. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#children.keys()].map((name) => this.stop(name)));
  }
}
