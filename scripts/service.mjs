#!/usr/bin/env node
// `npm run service -- <stop|start|restart> <name>` and `npm run service -- status`: steer one
// service of a running `npm start` through its supervisor's control socket in DATA_DIR. A
// service stopped this way stays stopped (it is not restarted) until it is started again.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { controlRequest, controlSocketPath } from "./supervisor.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// The same .env and DATA_DIR as `npm start`, so both find the same socket.
if (existsSync(`${root}.env`)) process.loadEnvFile(`${root}.env`);
const dataDir = process.env.DATA_DIR ? resolve(root, process.env.DATA_DIR) : `${root}.data`;
const socket = controlSocketPath(dataDir);

const USAGE = "usage: npm run service -- status [--json] | stop <name> | start <name> | restart <name>";
const args = process.argv.slice(2);
const json = args.includes("--json");
const [action, name, ...rest] = args.filter((a) => a !== "--json");

function exit(code, message) {
  (code === 0 ? console.log : console.error)(message);
  process.exit(code);
}

const valid = (action === "status" && name === undefined) || (["stop", "start", "restart"].includes(action) && name !== undefined && rest.length === 0);
if (!valid) exit(2, USAGE);

let answer;
try {
  answer = action === "status" ? await controlRequest(socket, "GET", "/status") : await controlRequest(socket, "POST", `/services/${encodeURIComponent(name)}/${action}`);
} catch (err) {
  if (err.code === "ENOENT" || err.code === "ECONNREFUSED") exit(1, `npm run service: no npm start is running with data in ${dataDir} (nothing answers on ${socket})`);
  exit(1, `npm run service: ${err.message}`);
}

if (action !== "status") exit(answer.body.ok ? 0 : 1, answer.body.ok ? answer.body.message : `npm run service: ${answer.body.message}`);
if (!answer.body.ok) exit(1, `npm run service: ${answer.body.message}`);
if (json) exit(0, JSON.stringify(answer.body.services, null, 2));
const rows = [["service", "state", "pid", "port", "restarts", "since"], ...answer.body.services.map((s) => [s.name, s.state, s.pid ?? "-", s.port, s.restarts, s.since])];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
exit(0, rows.map((r) => r.map((cell, i) => String(cell).padEnd(widths[i])).join("  ").trimEnd()).join("\n"));
