#!/usr/bin/env node
// `npm start`: runs the whole federation on the embedded default (one SQLite file per
// subgraph under .data/, created, migrated and seeded on first start and kept afterwards).
// It builds nothing: `npm install` builds through the root `prepare` script.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// Variables set in the shell win over the ones in .env (see .env.example).
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
// Where the SQLite files live; DATA_DIR moves them (a path relative to the repository root).
const dataDir = process.env.DATA_DIR ? resolve(root, process.env.DATA_DIR) : `${root}.data`;
const host = process.env.HOST ?? "127.0.0.1";
const healthTimeoutMs = Number(process.env.START_TIMEOUT_MS ?? 60_000);

function port(variable, fallback) {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${variable}=${raw} is not a TCP port`);
  return value;
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const urlOf = (p) => `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${p}`;

const states = [
  { name: "saarland", code: "SL", dir: "subgraphs/saarland", port: port("SL_PORT", 4001) },
  { name: "sachsen", code: "SN", dir: "subgraphs/sachsen", port: port("SN_PORT", 4002) },
  { name: "sachsen-anhalt", code: "ST", dir: "subgraphs/sachsen-anhalt", port: port("ST_PORT", 4003) },
];
const stateUrls = Object.fromEntries(states.map((s) => [`SUBGRAPH_URL_${s.code}`, `${urlOf(s.port)}/graphql`]));
const comparePort = port("COMPARE_PORT", 4010);
const gatewayPort = port("GATEWAY_PORT", 4000);

// Each state verifies tokens with its own key, as each ministry deploys its subgraph:
// SL_AUTH_JWT_SECRETS (and the other AUTH_JWT_* with the state's prefix) reach Saarland's
// subgraph only, as its AUTH_JWT_SECRETS. An unprefixed AUTH_JWT_* applies to every state.
const AUTH_VARIABLES = ["AUTH_JWT_SECRETS", "AUTH_JWT_PUBLIC_KEYS", "AUTH_JWT_ISSUER", "AUTH_JWT_AUDIENCE"];
function stateAuthEnv(code) {
  const env = {};
  for (const variable of AUTH_VARIABLES) {
    const own = process.env[`${code}_${variable}`];
    if (own !== undefined && own !== "") env[variable] = own;
  }
  return env;
}
const subgraphs = [
  ...states.map((s) => ({ ...s, env: { DATABASE_URL: `${dataDir}/${s.name}.sqlite`, ...stateAuthEnv(s.code) } })),
  { name: "compare", dir: "subgraphs/compare", port: comparePort, env: { DATABASE_URL: `${dataDir}/compare.sqlite`, ...stateUrls } },
];
const gateway = { name: "gateway", dir: "gateway", port: gatewayPort, env: { ...stateUrls, COMPARE_URL: `${urlOf(comparePort)}/graphql` } };
const services = [...subgraphs, gateway];

const missing = services.filter((s) => !existsSync(`${root}${s.dir}/dist/main.js`));
if (missing.length > 0) {
  fail(`${missing.map((s) => `${s.dir}/dist/main.js`).join(", ")} missing: run \`npm run build\` first`);
}
const taken = new Map();
for (const s of services) {
  if (taken.has(s.port)) fail(`${s.name} and ${taken.get(s.port)} would both listen on port ${s.port}`);
  taken.set(s.port, s.name);
}
mkdirSync(dataDir, { recursive: true });

const width = Math.max(...services.map((s) => s.name.length));
const children = new Map();
let stopping = false;

const LEVELS = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };
const PINO_KEYS = new Set(["level", "time", "pid", "hostname", "name", "msg", "v"]);

/** One pino JSON line as `level msg` (plus its own fields); anything else verbatim. */
function formatLine(line) {
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

function pipe(stream, name, out) {
  const prefix = `${name.padEnd(width)} |`;
  createInterface({ input: stream }).on("line", (line) => {
    for (const part of formatLine(line).split("\n")) out.write(`${prefix} ${part}\n`);
  });
}

function start(service) {
  const child = spawn(process.execPath, [`${service.dir}/dist/main.js`], {
    cwd: root,
    env: { ...process.env, PORT: String(service.port), HOST: host, SEED: process.env.SEED ?? "true", ...service.env },
    stdio: ["ignore", "pipe", "pipe"],
    // Own process group: Ctrl-C reaches only this script, which then stops the children
    // itself, so a child ending on the terminal's signal is never mistaken for a crash.
    detached: true,
  });
  children.set(service.name, child);
  pipe(child.stdout, service.name, process.stdout);
  pipe(child.stderr, service.name, process.stderr);
  child.on("exit", (code, signal) => {
    children.delete(service.name);
    if (stopping) return;
    console.error(`\n${service.name} exited unexpectedly (${signal ?? `code ${code}`}); stopping the others`);
    stopAll(1);
  });
  return child;
}

async function waitHealthy(service) {
  const url = `${urlOf(service.port)}/health`;
  const deadline = Date.now() + healthTimeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.error(`\n${service.name} did not become healthy at ${url} within ${healthTimeoutMs} ms; stopping`);
  stopAll(1);
}

function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const pending = [...children.values()];
  if (pending.length === 0) process.exit(exitCode);
  let left = pending.length;
  for (const child of pending) {
    child.once("exit", () => {
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill("SIGTERM");
  }
  // A child that ignores SIGTERM must not keep `npm start` alive.
  setTimeout(() => {
    for (const child of children.values()) child.kill("SIGKILL");
    process.exit(exitCode);
  }, 10_000).unref();
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
process.on("SIGHUP", () => stopAll(0));
// Never leave orphans behind, whatever ends this process.
process.on("exit", () => {
  for (const child of children.values()) child.kill("SIGTERM");
});

console.log(`laenderhub: starting ${services.length} services (data in ${dataDir})`);
for (const s of subgraphs) start(s);
await Promise.all(subgraphs.map(waitHealthy));
if (!stopping) {
  start(gateway);
  await waitHealthy(gateway);
}
if (!stopping) {
  const example = "{ saarland { partnershipByOrdinal(n: 10) { signedOn { iso } municipality { name ags district { name } } } } }";
  console.log(
    [
      "",
      "laenderhub is running:",
      `  gateway         ${urlOf(gateway.port)}/graphql   (health: ${urlOf(gateway.port)}/health)`,
      ...subgraphs.map((s) => `  ${s.name.padEnd(15)} ${urlOf(s.port)}/graphql`),
      "",
      "Try:",
      `  curl -s ${urlOf(gateway.port)}/graphql -H 'content-type: application/json' -d '${JSON.stringify({ query: example })}'`,
      "",
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}
