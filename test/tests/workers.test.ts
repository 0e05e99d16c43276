import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";
import { freePort, ROOT } from "../support/npm-start.js";

// The gateway as several workers on one port (GATEWAY_WORKERS, node:cluster), as built
// (gateway/dist/main.js), in front of the in-process federation's subgraphs: requests spread
// over the workers, a write through one is seen by every other worker's cache, /metrics adds
// up all of them, and a worker that dies is replaced while the others serve.

const COUNT = "{ saarland { partnershipByOrdinal(n: 11) { place } } }";
const WRITE = `mutation ($place: String) { updateSaarlandPartnership(id: "SL-P-11", input: { place: $place }, note: "workers test") { place } }`;

/** A request on a connection of its own, so that the cluster may hand it to any worker. */
async function ask(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(10_000), headers: { connection: "close", ...(init.headers as Record<string, string>) } });
}

async function health(base: string): Promise<{ worker: number | null }> {
  return (await (await ask(`${base}/health`)).json()) as { worker: number | null };
}

describe("the gateway with two workers", () => {
  let federation: RunningFederation;
  let gateway: ChildProcess;
  let base: string;
  let output = "";

  beforeAll(async () => {
    federation = await startFederation();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = spawn(process.execPath, ["gateway/dist/main.js"], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        GATEWAY_WORKERS: "2",
        LOG_LEVEL: "warn",
        SUBGRAPH_URL_SL: federation.servers.get("SL")!.url,
        SUBGRAPH_URL_SN: federation.servers.get("SN")!.url,
        SUBGRAPH_URL_ST: federation.servers.get("ST")!.url,
        COMPARE_URL: federation.compareUrl,
        REDIS_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    gateway.stdout!.on("data", (c) => (output += c));
    gateway.stderr!.on("data", (c) => (output += c));
    // Both workers up: /health answered by two different workers.
    const seen = new Set<number | null>();
    for (let i = 0; i < 200 && seen.size < 2; i++) {
      try {
        seen.add((await health(base)).worker);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (seen.size < 2) throw new Error(`two workers did not answer:\n${output}`);
  });

  afterAll(async () => {
    if (gateway && gateway.exitCode === null) {
      const exited = new Promise((r) => gateway.once("exit", r));
      gateway.kill("SIGTERM");
      await exited;
    }
    await federation?.close();
  });

  it("serves from both workers, and a write through either is seen by the other's cache", async () => {
    const read = async () => {
      const res = await ask(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: COUNT }) });
      return ((await res.json()) as { data: { saarland: { partnershipByOrdinal: { place: string | null } } } }).data.saarland.partnershipByOrdinal.place;
    };
    // Fill both workers' caches.
    for (let i = 0; i < 10; i++) await read();
    const { authorization } = await federation.bearer("SL", "editor");
    const written = await ask(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: WRITE, variables: { place: "Losheim (workers test)" } }),
    });
    expect(((await written.json()) as { errors?: unknown }).errors).toBeUndefined();
    // Every worker answers fresh: the primary relayed the flush. (A read may reach a worker a
    // moment before the flush message does; the loop allows that moment and no more.)
    let fresh = 0;
    for (let i = 0; i < 50 && fresh < 10; i++) fresh = (await read()) === "Losheim (workers test)" ? fresh + 1 : 0;
    expect(fresh).toBe(10);
  });

  it("adds up every worker's metrics at /metrics", async () => {
    for (let i = 0; i < 6; i++) await ask(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ nope }" }) });
    const text = await (await ask(`${base}/metrics`)).text();
    const count = Number(/laenderhub_gateway_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} (\d+)/.exec(text)?.[1]);
    expect(count).toBe(6);
  });

  it("replaces a worker that dies while the other keeps serving", { timeout: 90_000 }, async () => {
    const pids = new Set<number>();
    // The workers' pids: the children of the primary.
    const { execFileSync } = await import("node:child_process");
    for (const line of execFileSync("ps", ["-o", "pid=", "--ppid", String(gateway.pid)], { encoding: "utf8" }).split("\n")) if (line.trim()) pids.add(Number(line.trim()));
    expect(pids.size).toBe(2);
    const [victim] = [...pids];
    process.kill(victim!, "SIGKILL");
    // A connection handed to the worker in the instant it died may fail; every other is served.
    let failed = 0;
    for (let i = 0; i < 20; i++) {
      try {
        const res = await ask(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
        expect(res.status).toBe(200);
      } catch {
        failed += 1;
      }
    }
    expect(failed).toBeLessThanOrEqual(1);
    let replaced = false;
    for (let i = 0; i < 300 && !replaced; i++) {
      const now = execFileSync("ps", ["-o", "pid=", "--ppid", String(gateway.pid)], { encoding: "utf8" }).split("\n").filter((l) => l.trim()).map(Number);
      replaced = now.length === 2 && !now.includes(victim!);
      if (!replaced) await new Promise((r) => setTimeout(r, 100));
    }
    expect(replaced, output).toBe(true);
  });
});
