import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ComparativeContractResolver, readStateEnv } from "../src/index.js";
import { toyCsv } from "./fixtures/toy-records.mjs";
import { TOY_ENTRY, TOY_STATE } from "./fixtures/toy-state.mjs";

// `main` runs in a child process on the compiled package (built once for the whole run by
// vitest.global-setup.ts), exactly as a state's dist/main.js does.
const sharedDir = fileURLToPath(new URL("..", import.meta.url));
const mainFixture = fileURLToPath(new URL("./fixtures/toy-state-main.mjs", import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lh-state-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const captured = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
};

describe("defineStateSubgraph: create", () => {
  it("opens, migrates (with the audit table and the contract views) and seeds the database, and serves the state's resolvers with its loaders", async () => {
    const service = await TOY_STATE.create({ databaseUrl: ":memory:" });
    try {
      expect(service.name).toBe("toy");
      const result = await service.server.executeOperation({ query: "{ toyRecordCount }" }, { contextValue: await service.createContext() });
      expect(result.body.kind === "single" && result.body.singleResult).toMatchObject({ data: { toyRecordCount: 1 } });
      const objects = (await service.dataSource.query(`SELECT type, name FROM sqlite_master WHERE name IN ('audit_entry', 'toy_record', 'cmp_toy')`)) as { type: string; name: string }[];
      expect(objects.map((o) => `${o.type} ${o.name}`).sort()).toEqual(["table audit_entry", "table toy_record", "view cmp_toy"]);
      // Without keys, reads work and nobody is an editor.
      expect((await service.createContext("Bearer not-a-token")).principal).toBeNull();
    } finally {
      await service.close();
    }
  });

  it("leaves the database empty when told not to seed", async () => {
    const service = await TOY_STATE.create({ databaseUrl: ":memory:", seed: false });
    try {
      const result = await service.server.executeOperation({ query: "{ toyRecordCount }" }, { contextValue: await service.createContext() });
      expect(result.body.kind === "single" && result.body.singleResult).toMatchObject({ data: { toyRecordCount: 0 } });
    } finally {
      await service.close();
    }
  });
});

describe("defineStateSubgraph: printSchema", () => {
  it("prints the federated SDL with the state's fields and the comparative contract, without a database", async () => {
    const sdl = await TOY_STATE.printSchema();
    expect(sdl).toContain("@link(url: \"https://specs.apollo.dev/federation/v2.5\"");
    expect(sdl).toMatch(/toyRecordCount: Int!/);
    // The contract resolver is the shared one, added although the toy did not list it.
    expect(TOY_STATE.declaration.resolvers).not.toContain(ComparativeContractResolver);
    expect(sdl).toMatch(/_comparativeParticipations\(/);
  });
});

describe("defineStateSubgraph: cli", () => {
  it("import --help lists every option, the environment and the columns of each record kind, and exits 0", async () => {
    const c = captured();
    expect(await TOY_STATE.cli("import", ["--help"], { env: {}, io: c.io })).toBe(0);
    const help = c.out.join("");
    expect(help).toContain("usage: npm run import -w @laenderhub/subgraph-toy -- <file.csv|file.json> [options]");
    for (const option of ["--type <kind>", "--dry-run", "--database <url>", "--actor <name>", "--format csv|json", "--progress-every <n>", "-h, --help", "DATABASE_URL", "SEED=false"]) expect(help).toContain(option);
    expect(help).toContain("toys (default)");
    expect(help).toContain("toys: id, municipality, ags, signedOn, status, fields, seats, sources");
    expect(c.err).toEqual([]);
  });

  it("export -h lists its own options, not import's", async () => {
    const c = captured();
    expect(await TOY_STATE.cli("export", ["-h"], { env: {}, io: c.io })).toBe(0);
    const help = c.out.join("");
    for (const option of ["--type <kind>", "--format csv|json", "--out <file>", "--database <url>"]) expect(help).toContain(option);
    expect(help).not.toContain("--dry-run");
  });

  it("imports into and exports from the database the state opens, seeded first", async () => {
    const db = join(dir, "toy.sqlite");
    const file = join(dir, "toys.csv");
    writeFileSync(file, toyCsv(3, 2));
    const imported = captured();
    expect(await TOY_STATE.cli("import", [file, "--database", db], { env: {}, io: imported.io }), imported.err.join("")).toBe(0);
    expect(imported.out.join("")).toBe("toys: imported: 3 created, 0 updated, 0 unchanged (3 rows)\n");
    const exported = captured();
    expect(await TOY_STATE.cli("export", ["--database", db, "--format", "json"], { env: {}, io: exported.io })).toBe(0);
    expect((JSON.parse(exported.out.join("")) as { id: string }[]).map((r) => r.id)).toEqual(["SL-T-1", "SL-T-2", "SL-T-3", "SL-T-4"]);
  });
});

describe("defineStateSubgraph: environment", () => {
  it("reports every bad variable in one ConfigError, the keys included", () => {
    expect(() => readStateEnv(TOY_ENTRY, { PORT: "70000", SEED: "yes", AUTH_JWT_MAX_LIFETIME: "soon" })).toThrow(/toy: invalid configuration\n {2}PORT: .*\n {2}SEED: .*\n {2}AUTH_JWT_MAX_LIFETIME: /);
  });

  it("reads the defaults of the state's registry entry", () => {
    const { env, auth } = readStateEnv(TOY_ENTRY, {});
    expect(env).toMatchObject({ PORT: 4099, HOST: "127.0.0.1", DATABASE_URL: ".data/toy.sqlite", SEED: true });
    expect(auth.audience).toBe("laenderhub:SL");
  });
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMain(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; exited: Promise<Exit>; stdout: () => string } {
  // Only PATH from the test's environment: a DATABASE_URL or key of the machine must not leak in.
  const child = spawn(process.execPath, [mainFixture], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "pipe" });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { child, exited, stdout: () => stdout };
}

describe("defineStateSubgraph: main", () => {
  beforeAll(() => {
    expect(existsSync(join(sharedDir, "dist/state/define-state-subgraph.js"))).toBe(true);
  });

  it("exits 1 naming every bad variable at once, without a stack trace", async () => {
    const { exited } = runMain({ PORT: "abc", SEED: "maybe", LOG_LEVEL: "loud", AUTH_JWT_SECRETS: "too-short", AUTH_JWT_MAX_LIFETIME: "soon" });
    const { code, stderr } = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(/^ConfigError: toy: invalid configuration\n/);
    for (const variable of ["PORT", "SEED", "LOG_LEVEL", "AUTH_JWT_SECRETS", "AUTH_JWT_MAX_LIFETIME"]) expect(stderr).toMatch(new RegExp(`\\n {2}${variable}: `));
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 20_000);

  it("serves on the configured port and stops cleanly on SIGTERM", async () => {
    const { child, exited, stdout } = runMain({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: ":memory:", LOG_LEVEL: "info" });
    try {
      const deadline = Date.now() + 15_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/graphql)"/.exec(stdout())?.[1];
        if (!url) await new Promise((r) => setTimeout(r, 50));
      }
      expect(url, stdout()).toBeDefined();
      const health = await fetch(url!.replace(/graphql$/, "health"));
      expect(health.status).toBe(200);
      const answer = await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ toyRecordCount }" }) });
      expect(await answer.json()).toEqual({ data: { toyRecordCount: 1 } });
      child.kill("SIGTERM");
      const { code, stdout: out } = await exited;
      expect(code).toBe(0);
      expect(out).toMatch(/"signal":"SIGTERM".*"msg":"stopping toy subgraph"/);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);
});
