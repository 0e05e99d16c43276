import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry, writeRecords } from "@laenderhub/shared";
import { SAARLAND, PARTNERSHIP_COLUMNS } from "@laenderhub/subgraph-saarland";
import { tempDir } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PACKAGE = "@laenderhub/subgraph-saarland";

function run(command: string, args: string[]) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...env, SEED: "true" }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The documented commands, run as a user runs them: `npm run import|export -w @laenderhub/subgraph-saarland -- …`. */
const npmRun = (script: "import" | "export", args: string[]) => run("npm", ["run", "--silent", script, "-w", PACKAGE, "--", ...args]);

describe("saarland import and export commands as child processes", () => {
  let dir: string;
  let cleanup: () => void;

  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    // The npm scripts run the built code (built once for the whole run: vitest.global-setup.ts).
    expect(existsSync(join(ROOT, "subgraphs/saarland/dist/cli/import.js"))).toBe(true);
  });
  afterAll(() => cleanup?.());

  it("validates, dry-runs, imports once, then finds the same file unchanged, and exports what it holds", async () => {
    const db = join(dir, "saarland.sqlite");
    const row = {
      id: "SL-P-12",
      programmeId: "SL-PRG-SIPA",
      municipalityId: "SL-M-10045111",
      instrument: "LETTER_OF_INTENT",
      agreementId: "SL-P-12",
      signedOn: "2024",
      status: "ACTIVE",
      partners: ["Saarland (Innenministerium)", "Stadt Bexbach"],
      notes: [],
      signatories: [],
      present: [],
      sources: [{ url: "https://example.org/saarland/cli-test", publisher: null, title: null, publishedOn: null }],
    };
    const good = join(dir, "partnerships.csv");
    writeFileSync(good, writeRecords([row], "csv", PARTNERSHIP_COLUMNS));
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, writeRecords([{ ...row, signedOn: "2999" }], "csv", PARTNERSHIP_COLUMNS));

    const invalid = npmRun("import", [bad, "--database", db]);
    expect(invalid.status, invalid.stderr).toBe(1);
    expect(invalid.stderr).toContain(`${bad} line 2: signedOn: 2999 lies in the future`);

    const dry = npmRun("import", [good, "--database", db, "--dry-run"]);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toBe("partnerships: dry run, nothing written: would be 1 created, 0 updated, 0 unchanged (1 rows)\n");

    const first = npmRun("import", [good, "--database", db, "--actor", "M. Muster (MIBS)"]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe("partnerships: imported: 1 created, 0 updated, 0 unchanged (1 rows)\n");

    const second = npmRun("import", [good, "--database", db]);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toBe("partnerships: imported: 0 created, 0 updated, 1 unchanged (1 rows)\n");

    const exported = npmRun("export", ["--database", db, "--format", "json"]);
    expect(exported.status, exported.stderr).toBe(0);
    const rows = JSON.parse(exported.stdout) as Array<{ id: string; signedOn: string | null }>;
    expect(rows).toHaveLength(12);
    expect(rows.find((r) => r.id === "SL-P-12")?.signedOn).toBe("2024");

    const usage = npmRun("import", []);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("usage: npm run import -w @laenderhub/subgraph-saarland --");

    const ds = await SAARLAND.openDatabase(db);
    try {
      const audit = await ds.getRepository(AuditEntry).find();
      expect(audit.map((a) => [a.recordId, a.action, a.source, a.actorSubject])).toEqual([["SL-P-12", "CREATE", "import", "M. Muster (MIBS)"]]);
    } finally {
      await ds.destroy();
    }
  }, 120_000);
});
