// The process supervisor behind `npm start`: runs each service as a child process, restarts
// one that exits with a growing delay while the others keep serving, and takes orders for one
// service at a time (stop, start, restart, status) on a control socket that only the user who
// started it can reach. Plain ESM so that `npm start` needs no build of its own.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, unlinkSync } from "node:fs";
import { createServer as createHttpServer, request } from "node:http";
import { connect, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Restart delays: 0.5 s doubling up to 10 s; a service that served for 30 s starts over at 0.5 s. */
export const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 10_000, resetAfterMs: 30_000 };

/** The delay before restart number `failures + 1` of a service that keeps failing. */
export function restartDelay(failures, backoff = DEFAULT_BACKOFF) {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(failures, 30));
}

/**
 * Where a running `npm start` listens for `npm run service`: `supervisor.sock` in the data
 * folder, so each data folder has at most one supervisor. Unix socket paths are limited to
 * about 100 bytes; a deeper data folder gets a socket in the temp folder named after it.
 */
export function controlSocketPath(dataDir) {
  const inDataDir = join(dataDir, "supervisor.sock");
  if (Buffer.byteLength(inDataDir) <= 100) return inDataDir;
  const digest = createHash("sha256").update(dataDir).digest("hex").slice(0, 16);
  return join(tmpdir(), `laenderhub-${digest}.sock`);
}

const LEVELS = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const PINO_KEYS = new Set(["level", "time", "pid", "hostname", "name", "msg", "v"]);

/** One pino JSON line as `level msg` (plus its own fields); anything else verbatim. */
export function formatLine(line) {
  let record;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (record === null || typeof record !== "object" || !("msg" in record || "level" in record)) return line;
  const level = (LEVELS[record.level] ?? String(record.level ?? "")).padEnd(5);
  const extra = Object.entries(record)
    .filter(([key]) => !PINO_KEYS.has(key))
    .map(([key, value]) => {
      if (key === "err" && value && typeof value === "object") return `err=${value.message ?? JSON.stringify(value)}`;
      return `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
    });
  return [level, record.msg ?? "", ...extra].join(" ").trimEnd();
}

/** Why nothing can listen on host:port now (e.g. "port 4002 is already in use (EADDRINUSE)"), or null if it is free. */
export async function portProblem(host, port) {
  const probe = createNetServer();
  try {
    await new Promise((resolve, reject) => {
      probe.once("error", reject);
      probe.listen({ port, host }, () => resolve());
    });
    return null;
  } catch (err) {
    return describeListenError(err, port);
  } finally {
    if (probe.listening) await new Promise((r) => probe.close(() => r()));
  }
}

function describeListenError(err, port) {
  switch (err?.code) {
    case "EADDRINUSE":
      return `port ${port} is already in use (EADDRINUSE)`;
    case "EACCES":
      return `no permission to listen on port ${port} (EACCES)`;
    case "EADDRNOTAVAIL":
      return `the address to listen on for port ${port} is not on this machine (EADDRNOTAVAIL)`;
    default:
      return `cannot listen on port ${port} (${err?.code ?? err?.message ?? err})`;
  }
}

/**
 * Why a child ended before it was healthy, read from its last lines of output: a listen
 * error names the port, an uncaught error gives its first line and the indented lines under
 * it (a configuration error lists each bad variable there), else its last error log line.
 */
function reasonFromOutput(lines, port) {
  const text = lines.join("\n");
  if (/\bEADDRINUSE\b/.test(text)) return `port ${port} is already in use (EADDRINUSE)`;
  if (/\bEACCES\b/.test(text) && /\blisten\b/.test(text)) return `no permission to listen on port ${port} (EACCES)`;
  const thrown = lines.findIndex((line) => /^[A-Z]\w*(Error|Exception)\b:?/.test(line));
  if (thrown >= 0) {
    const detail = [];
    for (const line of lines.slice(thrown + 1)) {
      if (line.trim() === "" || /^\s+at /.test(line)) break;
      detail.push(line.trim());
    }
    return [lines[thrown], ...detail].join("; ");
  }
  const logged = lines.filter((line) => /^(error|fatal)\b/.test(line)).at(-1);
  return logged ?? lines.filter((line) => line.trim() !== "" && !line.startsWith("Node.js v")).at(-1) ?? null;
}

const exitText = (code, signal) => (signal ? `signal ${signal}` : `code ${code}`);
const seconds = (ms) => `${Number((ms / 1000).toFixed(1))} s`;

/**
 * A supervisor for `services` ({ name, dir, port, env }: `<root><dir>/dist/main.js` listening
 * on `port`, healthy when `GET /health` answers 200). `run()` starts them in `order` (groups
 * started one after the other) and resolves with the reasons of the services that failed to
 * come up; from then on every service that exits unexpectedly is restarted with backoff.
 */
export function createSupervisor({ root, host, services, healthTimeoutMs, backoff = DEFAULT_BACKOFF, stopTimeoutMs = 10_000, out = process.stdout, err = process.stderr }) {
  const urlHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const width = Math.max("supervisor".length, ...services.map((s) => s.name.length));
  const entries = new Map(
    services.map((service) => [
      service.name,
      {
        service,
        desired: "stopped",
        state: "stopped",
        child: null,
        restarts: 0,
        failures: 0,
        since: Date.now(),
        loop: null,
        wake: null,
        waiters: [],
        // Requests for one service run one after another, so a stop never races a start.
        queue: Promise.resolve(),
      },
    ]),
  );
  let stopping = false;
  // Until everything has come up once, a service that fails to start ends `npm start` (a bad
  // configuration is not cured by retrying); afterwards, a failed restart is retried.
  let started = false;
  let control = null;
  let socketPath = null;

  const say = (stream, line) => stream.write(`${"supervisor".padEnd(width)} | ${line}\n`);
  const log = (line) => say(out, line);
  const warn = (line) => say(err, line);

  function setState(entry, state) {
    entry.state = state;
    entry.since = Date.now();
  }

  /** One attempt: check the port, spawn, wait for /health; { ok, exited } or { ok: false, reason }. */
  async function launch(entry) {
    const { service } = entry;
    const busy = await portProblem(host, service.port);
    if (busy) return { ok: false, reason: busy };
    if (stopping || entry.desired !== "running") return { ok: false, reason: "stopped before it started" };
    const child = spawn(process.execPath, [`${service.dir}/dist/main.js`], {
      cwd: root,
      env: { ...process.env, PORT: String(service.port), HOST: host, SEED: process.env.SEED ?? "true", ...service.env },
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group: Ctrl-C reaches only the supervisor, which then stops the children
      // itself, so a child ending on the terminal's signal is never mistaken for a crash.
      detached: true,
    });
    entry.child = child;
    const recent = [];
    const prefix = `${service.name.padEnd(width)} |`;
    for (const [stream, to] of [
      [child.stdout, out],
      [child.stderr, err],
    ]) {
      createInterface({ input: stream }).on("line", (line) => {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        for (const part of formatLine(line).split("\n")) to.write(`${prefix} ${part}\n`);
      });
    }
    const exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        if (entry.child === child) entry.child = null;
        // The last lines may still be in the pipes when the exit event comes.
        const closed = new Promise((r) => child.once("close", r));
        Promise.race([closed, new Promise((r) => setTimeout(r, 500))]).then(() => resolve({ code, signal }));
      });
    });
    setState(entry, "starting");
    const health = await waitHealthy(service, exited);
    if (health.ok) return { ok: true, pid: child.pid, exited };
    if (health.exit) {
      const why = reasonFromOutput(recent, service.port);
      return { ok: false, reason: `exited during start (${exitText(health.exit.code, health.exit.signal)})${why ? `: ${why}` : ""}` };
    }
    // Alive but not healthy: it must not hold the port while the next attempt waits.
    await terminate(child, exited);
    return { ok: false, reason: health.reason };
  }

  async function waitHealthy(service, exited) {
    const url = `http://${urlHost}:${service.port}/health`;
    const deadline = Date.now() + healthTimeoutMs;
    let exit = null;
    exited.then((e) => (exit = e));
    let last = "no answer yet";
    while (Date.now() < deadline) {
      if (exit) return { ok: false, exit };
      if (stopping) return { ok: false, reason: "stopped before it was healthy" };
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(Math.min(2000, Math.max(1, deadline - Date.now()))) });
        await res.body?.cancel();
        if (res.ok) return { ok: true };
        last = `HTTP ${res.status}`;
      } catch (e) {
        last = e?.cause?.code ?? e?.name ?? String(e);
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
    }
    if (exit) return { ok: false, exit };
    return { ok: false, reason: `did not answer ${url} with 200 within ${healthTimeoutMs} ms (last: ${last})` };
  }

  /** SIGTERM, then SIGKILL for a child that ignores it. */
  async function terminate(child, exited) {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  }

  function settle(entry, outcome) {
    for (const resolve of entry.waiters.splice(0)) resolve(outcome);
  }

  function sleep(entry, ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      entry.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (entry.wake = null));
  }

  /** Keeps one service running until it is stopped on request or everything stops. */
  async function keepRunning(entry) {
    const { name } = entry.service;
    const wanted = () => entry.desired === "running" && !stopping;
    while (wanted()) {
      const attempt = await launch(entry);
      let reason;
      if (attempt.ok) {
        setState(entry, "running");
        const healthyAt = Date.now();
        if (entry.failures > 0) log(`${name} is serving again (pid ${attempt.pid})`);
        settle(entry, { ok: true, pid: attempt.pid });
        const { code, signal } = await attempt.exited;
        if (!wanted()) break;
        if (Date.now() - healthyAt >= backoff.resetAfterMs) entry.failures = 0;
        reason = `exited unexpectedly (${exitText(code, signal)}) after ${seconds(Date.now() - healthyAt)}`;
      } else {
        settle(entry, { ok: false, reason: attempt.reason });
        if (!wanted() || !started) break;
        reason = `failed to start: ${attempt.reason}`;
      }
      const delay = restartDelay(entry.failures, backoff);
      entry.failures += 1;
      entry.restarts += 1;
      setState(entry, "backoff");
      warn(`${name} ${reason}; restarting in ${seconds(delay)} (restart ${entry.restarts})`);
      if (delay >= backoff.maxMs && restartDelay(entry.failures - 2, backoff) < backoff.maxMs) {
        warn(`${name} keeps failing: retrying every ${seconds(backoff.maxMs)} until it serves (\`npm run service -- stop ${name}\` gives up)`);
      }
      await sleep(entry, delay);
    }
    if (entry.state !== "stopped") setState(entry, "stopped");
  }

  /** The outcome of the next start attempt of a service (whichever loop makes it). */
  function nextOutcome(entry) {
    return new Promise((resolve) => entry.waiters.push(resolve));
  }

  function serialize(entry, task) {
    const run = entry.queue.then(task);
    entry.queue = run.catch(() => {});
    return run;
  }

  async function startOne(entry) {
    if (stopping) return { ok: false, reason: "npm start is stopping" };
    if (entry.desired === "running" && entry.state === "running") return { ok: true, pid: entry.child?.pid, already: true };
    const outcome = nextOutcome(entry);
    entry.desired = "running";
    entry.failures = 0;
    if (entry.loop) entry.wake?.();
    else entry.loop = keepRunning(entry).finally(() => (entry.loop = null));
    return outcome;
  }

  async function stopOne(entry) {
    entry.desired = "stopped";
    entry.wake?.();
    const child = entry.child;
    if (child) {
      setState(entry, "stopping");
      await terminate(child, new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", r))));
    }
    await entry.loop;
    setState(entry, "stopped");
    settle(entry, { ok: false, reason: "stopped on request" });
  }

  function status() {
    return services.map(({ name, port }) => {
      const entry = entries.get(name);
      return {
        name,
        state: entry.state,
        pid: entry.child?.pid ?? null,
        port,
        url: `http://${urlHost}:${port}`,
        restarts: entry.restarts,
        since: new Date(entry.since).toISOString(),
      };
    });
  }

  /** Carries out one control request; `name` must be a service. */
  async function command(action, name) {
    const entry = entries.get(name);
    if (action === "start") {
      const outcome = await serialize(entry, () => startOne(entry));
      if (outcome.ok && !outcome.already) log(`${name} started on request (pid ${outcome.pid})`);
      if (outcome.ok) return { ok: true, message: outcome.already ? `${name} is already running (pid ${outcome.pid})` : `${name} started (pid ${outcome.pid})` };
      return { ok: false, message: `${name} did not start: ${outcome.reason}${entry.desired === "running" && !stopping ? "; the supervisor keeps retrying" : ""}` };
    }
    if (action === "stop") {
      if (entry.desired === "stopped" && entry.state === "stopped") return { ok: true, message: `${name} is already stopped` };
      await serialize(entry, () => stopOne(entry));
      log(`${name} stopped on request; \`npm run service -- start ${name}\` starts it again`);
      return { ok: true, message: `${name} stopped; it stays stopped until \`npm run service -- start ${name}\`` };
    }
    // restart
    const outcome = await serialize(entry, async () => {
      await stopOne(entry);
      return startOne(entry);
    });
    if (outcome.ok) {
      log(`${name} restarted on request (pid ${outcome.pid})`);
      return { ok: true, message: `${name} restarted (pid ${outcome.pid})` };
    }
    return { ok: false, message: `${name} did not start: ${outcome.reason}; the supervisor keeps retrying` };
  }

  async function handle(req, res) {
    const reply = (status, body) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? "/", "http://supervisor").pathname;
    if (req.method === "GET" && path === "/status") return reply(200, { ok: true, services: status() });
    const match = /^\/services\/([^/]+)\/(start|stop|restart)$/.exec(path);
    if (req.method !== "POST" || !match) return reply(404, { ok: false, message: "routes: GET /status, POST /services/<name>/(start|stop|restart)" });
    const name = decodeURIComponent(match[1]);
    if (!entries.has(name)) return reply(404, { ok: false, message: `unknown service; the services are ${[...entries.keys()].join(", ")}` });
    if (stopping) return reply(409, { ok: false, message: "npm start is stopping" });
    if (!started) return reply(409, { ok: false, message: "npm start is still starting its services; try again when it is running" });
    const result = await command(match[2], name);
    reply(result.ok ? 200 : 500, result);
  }

  return {
    /** Starts every group in turn; resolves with `[{ name, reason }]` of the services that did not come up. */
    async run(order) {
      for (const group of order) {
        const outcomes = await Promise.all(group.map(async (name) => ({ name, outcome: await startOne(entries.get(name)) })));
        const failed = outcomes.filter((o) => !o.outcome.ok).map((o) => ({ name: o.name, reason: o.outcome.reason }));
        if (failed.length > 0 || stopping) return failed;
      }
      started = true;
      return [];
    },

    /** Listens for `npm run service` on a Unix socket only the current user can use. */
    async listen(path) {
      if (existsSync(path)) {
        const alive = await new Promise((resolve) => {
          const socket = connect(path);
          socket.once("connect", () => {
            socket.destroy();
            resolve(true);
          });
          socket.once("error", () => resolve(false));
        });
        if (alive) throw new Error(`another npm start already runs with this data folder (its control socket ${path} answers); stop it first`);
        // Left behind by a supervisor that was killed: nothing answers on it.
        unlinkSync(path);
      }
      control = createHttpServer((req, res) => {
        handle(req, res).catch((e) => {
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, message: String(e?.message ?? e) }));
        });
      });
      await new Promise((resolve, reject) => {
        control.once("error", reject);
        control.listen(path, () => resolve());
      });
      chmodSync(path, 0o600);
      socketPath = path;
    },

    /** Stops every service (SIGTERM, then SIGKILL after `stopTimeoutMs`) and the control socket. */
    async stopAll() {
      stopping = true;
      control?.close();
      control?.closeAllConnections?.();
      for (const entry of entries.values()) {
        entry.desired = "stopped";
        entry.wake?.();
      }
      await Promise.all(
        [...entries.values()].map(async (entry) => {
          const child = entry.child;
          if (child) await terminate(child, new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", r))));
        }),
      );
      this.removeSocket();
    },

    /** Synchronous last resort for `process.on("exit")`: no child and no socket outlive the supervisor. */
    killAll() {
      for (const entry of entries.values()) entry.child?.kill("SIGTERM");
      this.removeSocket();
    },

    removeSocket() {
      if (socketPath && existsSync(socketPath)) {
        try {
          unlinkSync(socketPath);
        } catch {
          // already gone
        }
      }
      socketPath = null;
    },

    status,
    log,
    warn,
  };
}

/** One request to the supervisor of a running `npm start` (the client side of `listen`). */
export function controlRequest(path, method, route) {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath: path, method, path: route }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => {
        try {
          resolve({ status: res.statusCode, body: JSON.parse(body) });
        } catch {
          reject(new Error(`the supervisor answered something that is not JSON (HTTP ${res.statusCode})`));
        }
      });
    });
    req.once("error", reject);
    req.end();
  });
}
