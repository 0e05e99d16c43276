import { AuditEntry, runExportCommand, runImportCommand, type DataFormat } from "@laenderhub/shared";
import { SACHSEN, SACHSEN_IMPORT_ORDER, SACHSEN_RECORD_IO } from "@laenderhub/subgraph-sachsen";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestSubgraph, data, tempDir } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../examples/memberships.csv", import.meta.url));

let dir: string;
let cleanup: () => void;
let db: string;

/** A seeded SQLite file, as the subgraph leaves it on first start. */
async function seededDatabase(path: string): Promise<string> {
  const service = await createTestSubgraph({ databaseUrl: path });
  await service.close();
  return path;
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  db = await seededDatabase(join(dir, "sachsen.sqlite"));
});
afterEach(() => cleanup());

/** Runs the import or export command in-process with the options the real CLI uses. */
async function cli(command: "import" | "export", argv: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const options = { ...SACHSEN.cliOptions(command, argv, env), io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) } };
  const code = await (command === "import" ? runImportCommand(options) : runExportCommand(options));
  return { code, out, err };
}
const importFile = (file: string, database = db, ...more: string[]) => cli("import", [file, "--database", database, "--actor", "tester", ...more]);
const exportTo = (type: string, format: DataFormat, database = db) => {
  const out = join(dir, `${type}-${database === db ? "seeded" : "other"}.${format}`);
  return cli("export", ["--type", type, "--format", format, "--out", out, "--database", database]).then((r) => ({ ...r, out }));
};

/** Everything the import could change: row counts of the tables and of the audit. */
async function snapshot(database = db): Promise<Record<string, unknown>> {
  const ds = await SACHSEN.openDatabase(database, { seed: false });
  try {
    const count = async (table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return {
      memberships: await count("membership"),
      people: await count("membership_person"),
      fields: await count("membership_field"),
      municipalities: await count("municipality"),
      events: await count("event"),
      indicators: await count("indicator"),
      programmes: await count("programme"),
      audit: await ds.getRepository(AuditEntry).count(),
      cmp: await ds.query(`SELECT * FROM cmp_participation ORDER BY id`),
    };
  } finally {
    await ds.destroy();
  }
}

const header = SACHSEN_RECORD_IO.memberships.columns.map((c) => c.name).join(",");
const src = (n: number) => `"[{""url"":""https://example.org/import/${n}"",""publisher"":""Test"",""title"":null,""publishedOn"":""2024-01""}]"`;
/** A CSV row of a made-up membership of Chemnitz (SN-M-14511000); cells by column name. */
function row(id: string, cells: Record<string, string> = {}): string {
  const values: Record<string, string> = {
    id,
    municipalityId: "SN-M-14511000",
    stage: "COOPERATION_AGREEMENT",
    signedOn: "2024-03-01",
    partners: "Stadt Chemnitz;Polizeidirektion Chemnitz",
    notes: `"[""graffiti""]"`,
    status: "ACTIVE",
    signatories: `"[{""name"":""Erika Beispiel"",""role"":null,""organisation"":null,""party"":null,""basis"":""SIGNED""}]"`,
    sources: src(Number(id.replace(/\D/g, ""))),
    ...cells,
  };
  return SACHSEN_RECORD_IO.memberships.columns.map((c) => values[c.name] ?? "").join(",");
}
const csv = (...rows: string[]) => `${[header, ...rows].join("\n")}\n`;
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("importing memberships", () => {
  it("imports nothing when one row is bad, and reports that row's line and field", async () => {
    const before = await snapshot();
    const file = write("bad.csv", csv(row("SN-P-201"), row("SN-P-202", { signedOn: "2021-02-30" }), row("SN-P-203")));
    const result = await importFile(file);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file} line 3: signedOn: "2021-02-30" is not a real date`);
    expect(result.err).toContain("nothing was imported");
    expect(result.err).not.toMatch(/line [24]/);
    expect(await snapshot()).toEqual(before);
  });

  it("reports every bad row, including references checked against the database", async () => {
    const before = await snapshot();
    const file = write("refs.csv", csv(row("SN-P-201", { municipalityId: "SN-M-14999999" }), row("SN-P-202", { stage: "SIGNED_TWICE" }), row("SL-P-203"), row("SN-P-204", { sources: "" })));
    const result = await importFile(file);
    expect(result.code).toBe(1);
    // Rows with their own errors are reported first; references are checked once every row is well-formed.
    expect(result.err).toMatch(/line 3: stage: "SIGNED_TWICE" is not one of/);
    expect(result.err).toMatch(/line 4: id: "SL-P-203" is not a membership id of Sachsen/);
    expect(result.err).toMatch(/line 5: sources: at least one source is required/);
    expect(await snapshot()).toEqual(before);
    const refs = await importFile(write("refs2.csv", csv(row("SN-P-201", { municipalityId: "SN-M-14999999" }))));
    expect(refs.err).toMatch(/line 2: municipalityId: municipality SN-M-14999999 does not exist/);
  });

  it("is idempotent: the same file imported twice creates once, then reports every row unchanged", async () => {
    const file = write("good.csv", csv(row("SN-P-201"), row("SN-P-202", { signedOn: "", signedMonth: "7", signedDay: "4" })));
    const first = await importFile(file);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toBe("memberships: imported: 2 created, 0 updated, 0 unchanged (2 rows)\n");
    const after = await snapshot();
    expect(after.audit).toBe(2);
    const second = await importFile(file);
    expect(second.out).toBe("memberships: imported: 0 created, 0 updated, 2 unchanged (2 rows)\n");
    expect(await snapshot()).toEqual(after);
    // The derived columns are right: the views read imported rows like seeded ones.
    const cmp = (after.cmp as Array<Record<string, unknown>>).filter((r) => String(r.id).startsWith("SN-P-20"));
    expect(cmp.map((r) => [r.id, r.signed_on, r.signed_precision, r.signed_month, r.signed_day, r.municipality_sort_name])).toEqual([
      ["SN-P-201", "2024-03-01", "DAY", null, null, "chemnitz"],
      ["SN-P-202", null, "DAY_MONTH", 7, 4, "chemnitz"],
    ]);
  });

  it("updates the rows that changed, audited as imports with before and after", async () => {
    await importFile(write("a.csv", csv(row("SN-P-201"), row("SN-P-202"))));
    const result = await importFile(write("b.csv", csv(row("SN-P-201"), row("SN-P-202", { notes: `"[""graffiti"",""video surveillance""]"` }))));
    expect(result.out).toBe("memberships: imported: 0 created, 1 updated, 1 unchanged (2 rows)\n");
    const ds = await SACHSEN.openDatabase(db, { seed: false });
    try {
      const entries = await ds.getRepository(AuditEntry).find({ where: { recordId: "SN-P-202" }, order: { id: "ASC" } });
      expect(entries.map((e) => [e.action, e.source, e.actorSubject])).toEqual([
        ["CREATE", "import", "tester"],
        ["UPDATE", "import", "tester"],
      ]);
      expect(entries[1]!.changedFields).toEqual(["fieldsOfAction", "notes"]);
      const fields = await ds.query(`SELECT field FROM cmp_participation_field WHERE participation_id = 'SN-P-202' ORDER BY field`);
      expect(fields.map((f: { field: string }) => f.field)).toEqual(["GRAFFITI", "VIDEO_SURVEILLANCE"]);
    } finally {
      await ds.destroy();
    }
  });

  it("writes nothing on a dry run, and says what it would do", async () => {
    const before = await snapshot();
    const result = await importFile(write("dry.csv", csv(row("SN-P-201"), row("SN-P-202"))), db, "--dry-run");
    expect(result.code).toBe(0);
    expect(result.out).toBe("memberships: dry run, nothing written: would be 2 created, 0 updated, 0 unchanged (2 rows)\n");
    expect(await snapshot()).toEqual(before);
  });

  it("reports progress for a large file", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(`SN-P-${300 + i}`));
    const result = await importFile(write("large.csv", csv(...rows)), db, "--progress-every", "10");
    expect(result.out).toContain("30 created");
    expect(result.err).toContain("memberships: validated 10/30 rows");
    expect(result.err).toContain("memberships: applied 30/30 rows");
  });

  it("imports the README's example file cleanly into a fresh seeded database", async () => {
    const result = await importFile(EXAMPLE);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/memberships: imported: 0 created, 0 updated, 2 unchanged \(2 rows\)/);
  });
});

describe("export", () => {
  for (const format of ["csv", "json"] as const) {
    it(`of the seeded database (${format}) re-imports into it with every record unchanged`, async () => {
      const before = await snapshot();
      for (const type of SACHSEN_IMPORT_ORDER) {
        const exported = await exportTo(type, format);
        expect(exported.code, exported.err).toBe(0);
        const result = await importFile(exported.out, db, "--type", type);
        expect(result.code, result.err).toBe(0);
        expect(result.out).toMatch(new RegExp(`^${type}: imported: 0 created, 0 updated, (\\d+) unchanged \\(\\1 rows\\)\\n$`));
      }
      const memberships = await exportTo("memberships", format);
      const text = readFileSync(memberships.out, "utf8");
      for (const p of data.participations) expect(text).toContain(p.id);
      expect(await snapshot()).toEqual(before);
    });

    it(`(${format}) imported into an empty migrated database gives the same records`, async () => {
      const empty = join(dir, "empty.sqlite");
      await (await SACHSEN.openDatabase(empty, { seed: false })).destroy();
      for (const type of SACHSEN_IMPORT_ORDER) {
        const exported = await exportTo(type, format);
        // SEED=false: the commands would otherwise seed the empty database first, as the subgraph does.
        const result = await cli("import", [exported.out, "--database", empty, "--actor", "tester", "--type", type], { SEED: "false" });
        expect(result.code, result.err).toBe(0);
        expect(result.out).toMatch(new RegExp(`^${type}: imported: (\\d+) created, 0 updated, 0 unchanged \\(\\1 rows\\)\\n$`));
        // Exported again from the new database, the file is the same, byte for byte.
        const again = await exportTo(type, format, empty);
        expect(readFileSync(again.out, "utf8"), type).toBe(readFileSync(exported.out, "utf8"));
      }
      const [original, copy] = [await snapshot(db), await snapshot(empty)];
      // The comparative view is the same, row for row; only the audit differs (the copy was imported).
      expect(copy.cmp).toEqual(original.cmp);
      expect({ ...copy, audit: 0 }).toEqual({ ...original, audit: 0 });
    });
  }
});

describe("the database the commands open", () => {
  it("is by default the one npm start serves: <repository>/.data/sachsen.sqlite", () => {
    expect(SACHSEN.cliOptions("export", []).defaultDatabase).toBe(fileURLToPath(new URL("../../../.data/sachsen.sqlite", import.meta.url)));
  });

  it("is migrated and seeded when new, as the subgraph does on start; SEED=false leaves it empty", async () => {
    const exported = async (database: string, env: Record<string, string>) => {
      const out = join(dir, `${env.SEED ?? "default"}.json`);
      const result = await cli("export", ["--format", "json", "--out", out, "--database", database], env);
      expect(result.code, result.err).toBe(0);
      return JSON.parse(readFileSync(out, "utf8")) as { id: string }[];
    };
    expect((await exported(join(dir, "new.sqlite"), {})).map((r) => r.id).sort()).toEqual(data.participations.map((p) => p.id).sort());
    expect(await exported(join(dir, "empty.sqlite"), { SEED: "false" })).toEqual([]);
  });
});
