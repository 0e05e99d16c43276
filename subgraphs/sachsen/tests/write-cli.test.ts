import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data, tempDir } from "./helpers.js";

// The commands run as users run them, `npm run import -w @laenderhub/subgraph-sachsen -- …`,
// which executes the compiled package, built once for the whole run by vitest.global-setup.ts.
const root = fileURLToPath(new URL("../../../", import.meta.url));

let dir: string;
let cleanup: () => void;
let db: string;
beforeAll(async () => {
  expect(existsSync(join(root, "subgraphs/sachsen/dist/cli/import.js"))).toBe(true);
  ({ dir, cleanup } = tempDir());
  db = join(dir, "sachsen.sqlite");
  await (await createTestSubgraph({ databaseUrl: db })).close();
}, 180_000);
afterAll(() => cleanup?.());

function npmRun(script: "import" | "export", args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, USER: "cli-user" };
    delete env.DATABASE_URL;
    const child = spawn("npm", ["run", "--silent", script, "-w", "@laenderhub/subgraph-sachsen", "--", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the import and export commands", () => {
  it("import the example file (a path relative to where the command is typed) and audit a created row", async () => {
    const example = await npmRun("import", ["subgraphs/sachsen/examples/memberships.csv", "--database", db]);
    expect(example.code, example.stderr).toBe(0);
    expect(example.stdout).toContain("memberships: imported: 0 created, 0 updated, 2 unchanged (2 rows)");

    // One made-up row in the example's layout, with a new id.
    const [header, torgau] = readFileSync(join(root, "subgraphs/sachsen/examples/memberships.csv"), "utf8").split("\n");
    const file = join(dir, "new.csv");
    writeFileSync(file, `${header}\n${torgau!.replaceAll("SN-P-007", "SN-P-500").replace("2021-06-25", "2024-06-25")}\n`);
    const dry = await npmRun("import", [file, "--database", db, "--dry-run"]);
    expect(dry.stdout).toContain("dry run, nothing written: would be 1 created");
    const created = await npmRun("import", [file, "--database", db]);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain("memberships: imported: 1 created, 0 updated, 0 unchanged (1 rows)");

    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare("SELECT signed_on, signed_precision FROM cmp_participation WHERE id = 'SN-P-500'").get()).toEqual({ signed_on: "2024-06-25", signed_precision: "DAY" });
      expect(sqlite.prepare("SELECT action, source, actor_subject FROM audit_entry WHERE record_id = 'SN-P-500'").all()).toEqual([{ action: "CREATE", source: "import", actor_subject: "cli-user" }]);
    } finally {
      sqlite.close();
    }
  });

  it("export the state's records as JSON, and exit 1 naming the line of a bad row", async () => {
    const out = join(dir, "memberships.json");
    const exported = await npmRun("export", ["--format", "json", "--out", out, "--database", db]);
    expect(exported.code, exported.stderr).toBe(0);
    const records = JSON.parse(readFileSync(out, "utf8")) as Array<{ id: string }>;
    expect(records.map((r) => r.id)).toEqual(expect.arrayContaining(data.participations.map((p) => p.id)));

    const [header, torgau] = readFileSync(join(root, "subgraphs/sachsen/examples/memberships.csv"), "utf8").split("\n");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${header}\n${torgau!.replace("2021-06-25", "2021-06-31")}\n`);
    const refused = await npmRun("import", [bad, "--database", db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad} line 2: signedOn: "2021-06-31" is not a real date`);
  });
});
