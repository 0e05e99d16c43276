import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./helpers.js";

// The commands run the compiled package (`npm run import` runs dist/cli/import.js), built once
// for the whole run by vitest.global-setup.ts.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const importCli = join(packageDir, "dist/cli/import.js");
const exportCli = join(packageDir, "dist/cli/export.js");
const example = join(packageDir, "examples/partnerships.csv");

let dir: string;
let remove: () => void;
beforeAll(() => {
  expect(existsSync(importCli) && existsSync(exportCli)).toBe(true);
  ({ dir, remove } = tempDir());
});
afterAll(() => remove?.());

function cli(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No DATABASE_URL from the surrounding shell: the tests name their database.
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [script, ...args], { cwd: packageDir, env: { ...inherited, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("the import and export commands (compiled, in a child process)", () => {
  it("import a file into a new database file, idempotently, with progress, and export it again", async () => {
    const database = join(dir, "st.sqlite");
    const first = await cli(importCli, [example, "--database", database, "--actor", "M. Muster (MI)", "--progress-every", "1"]);
    expect(first.stderr).toContain("partnerships: validated 1/2 rows");
    expect(first.stderr).toContain("partnerships: applied 2/2 rows");
    expect(first).toMatchObject({ code: 0, stdout: "partnerships: imported: 2 created, 0 updated, 0 unchanged (2 rows)\n" });

    const second = await cli(importCli, [example, "--database", database]);
    expect(second).toMatchObject({ code: 0, stdout: "partnerships: imported: 0 created, 0 updated, 2 unchanged (2 rows)\n" });

    const out = join(dir, "partnerships.json");
    const exported = await cli(exportCli, ["--database", database, "--out", out]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain(`partnerships: exported 8 records to ${out}`);
    const records = JSON.parse(readFileSync(out, "utf8")) as { id: string }[];
    expect(records.map((r) => r.id)).toEqual(["ST-P-01", "ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05", "ST-P-06", "ST-P-EXAMPLE-1", "ST-P-EXAMPLE-2"]);

    const events = await cli(exportCli, ["--database", database, "--type", "events", "--format", "csv"]);
    expect(events.code).toBe(0);
    expect(events.stdout.split("\n")[0]).toBe("id,programmeId,date,datePeriod,dateNote,title,eventType,format,place,status,participantsSummary,additionalDates,relatedIds,sources");
    expect(events.stdout.trimEnd().split("\n")).toHaveLength(13);

    const reimported = await cli(importCli, [out, "--database", database]);
    expect(reimported).toMatchObject({ code: 0, stdout: "partnerships: imported: 0 created, 0 updated, 8 unchanged (8 rows)\n" });
  }, 60_000);

  it("reads a path relative to where npm was called, reports a bad row by line and writes nothing on --dry-run", async () => {
    const database = join(dir, "dry.sqlite");
    const lines = readFileSync(example, "utf8").trimEnd().split("\n");
    writeFileSync(join(dir, "bad.csv"), `${[lines[0], lines[1]!.replace("COOPERATION_AGREEMENT", "HANDSHAKE"), lines[2]].join("\n")}\n`);
    copyFileSync(example, join(dir, "good.csv"));

    const bad = await cli(importCli, ["bad.csv", "--database", database], { INIT_CWD: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('bad.csv line 2: instrument: "HANDSHAKE" is not one of LETTER_OF_INTENT');
    expect(bad.stderr).toContain("1 error(s); nothing was imported");

    const dry = await cli(importCli, ["good.csv", "--dry-run", "--database", database], { INIT_CWD: dir });
    expect(dry).toMatchObject({ code: 0, stdout: "partnerships: dry run, nothing written: would be 2 created, 0 updated, 0 unchanged (2 rows)\n" });
    const after = await cli(exportCli, ["--database", database, "--format", "json"]);
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe(6);
  }, 60_000);

  it("answers a wrong command line with the usage and exit code 2", async () => {
    const result = await cli(importCli, ["--type", "nonsense", example]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown --type "nonsense"; known: partnerships, events, indicators, municipalities, programmes/);
    expect(result.stderr).toMatch(/usage: npm run import -w @laenderhub\/subgraph-sachsen-anhalt --/);
  }, 60_000);
});
