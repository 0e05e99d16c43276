#!/usr/bin/env node
// `npm start`: runs the whole federation on the embedded default (one SQLite file per
// subgraph under .data/, created, migrated and seeded on first start and kept afterwards).
// It builds nothing: `npm install` builds through the root `prepare` script. A service that
// exits is restarted by the supervisor (scripts/supervisor.mjs) while the others keep serving;
// `npm run service -- stop|start|restart <name>` and `status` steer one service (scripts/service.mjs).
import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { controlSocketPath, createSupervisor, portProblem } from "./supervisor.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// Variables set in the shell win over the ones in .env (see .env.example).
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
// Where the SQLite files live; DATA_DIR moves them (a path relative to the repository root).
const dataDir = process.env.DATA_DIR ? resolve(root, process.env.DATA_DIR) : `${root}.data`;
const host = process.env.HOST ?? "127.0.0.1";
const healthTimeoutMs = milliseconds("START_TIMEOUT_MS", 60_000);

function port(variable, fallback) {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65535) fail(`${variable}=${raw} is not a TCP port`);
  return value;
}

function milliseconds(variable, fallback) {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) fail(`${variable}=${raw} is not a positive number of milliseconds`);
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
const AUTH_VARIABLES = ["AUTH_JWT_SECRETS", "AUTH_JWT_PUBLIC_KEYS", "AUTH_JWT_ISSUER", "AUTH_JWT_AUDIENCE", "AUTH_JWT_MAX_LIFETIME"];
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

const supervisor = createSupervisor({ root, host, services, healthTimeoutMs });
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  await supervisor.stopAll();
  process.exit(exitCode);
}

process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
process.on("SIGHUP", () => stopAll(0));
// Never leave orphans (or a dead control socket) behind, whatever ends this process.
process.on("exit", () => supervisor.killAll());

// First the control socket: it also tells whether another npm start already uses this data.
try {
  await supervisor.listen(controlSocketPath(dataDir));
} catch (err) {
  fail(err.message);
}
// Every taken port at once, before anything is spawned, each with the service that needs it.
const busy = (await Promise.all(services.map(async (s) => ({ name: s.name, problem: await portProblem(host, s.port) })))).filter((b) => b.problem);
if (busy.length > 0) fail(`cannot start:\n${busy.map((b) => `  ${b.name}: ${b.problem}`).join("\n")}`);

console.log(`laenderhub: starting ${services.length} services (data in ${dataDir})`);
// The gateway last, so that its first requests find every subgraph serving.
const failed = await supervisor.run([subgraphs.map((s) => s.name), [gateway.name]]);
if (failed.length > 0 && !stopping) {
  console.error(`\nnpm start: cannot start:\n${failed.map((f) => `  ${f.name}: ${f.reason}`).join("\n")}\nstopping the others`);
  await stopAll(1);
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
      "A service that exits is restarted. One service at a time, from another terminal:",
      `  npm run service -- status | stop <name> | start <name> | restart <name>   (${services.map((s) => s.name).join(", ")})`,
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
}
