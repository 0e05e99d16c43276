import { AuditEntry, runExport, runImport, type DataFormat, type ImportReport, type RecordIoSpec } from "@laenderhub/shared";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataSource } from "typeorm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPartnershipRecords, partnershipIo, SACHSEN_ANHALT, SACHSEN_ANHALT_IO_SPECS } from "../src/index.js";
import { tempDir } from "./helpers.js";

const EXAMPLE = fileURLToPath(new URL("../examples/partnerships.csv", import.meta.url));
/** Every record type, in the order a database is rebuilt from files (later ones refer to earlier ones). */
const TYPES = ["programmes", "municipalities", "partnerships", "events", "indicators"] as const;
const VIEWS = ["cmp_participation", "cmp_participation_field", "cmp_person", "cmp_event", "cmp_indicator", "cmp_municipality", "cmp_programme"];

let dir: string;
let remove: () => void;
let db: DataSource;
beforeEach(async () => {
  ({ dir, remove } = tempDir());
  db = await SACHSEN_ANHALT.openDatabase(join(dir, "st.sqlite"));
});
afterEach(async () => {
  await db.destroy();
  remove();
});

function importFile(dataSource: DataSource, spec: RecordIoSpec<any, any>, file: string, options: { dryRun?: boolean } = {}): Promise<ImportReport> {
  return runImport({ ...spec, file, dataSource, state: "ST", actor: { subject: "import-test", state: "ST", role: null }, dryRun: options.dryRun ?? false });
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  // Whole rows in a fixed order, so two databases with the same records compare equal.
  for (const view of VIEWS) out[view] = ((await dataSource.query(`SELECT * FROM ${view}`)) as unknown[]).map((r) => JSON.stringify(r)).sort();
  return out;
}

const auditCount = (dataSource: DataSource) => dataSource.getRepository(AuditEntry).count();
const partnershipCount = (dataSource: DataSource) => dataSource.query(`SELECT COUNT(*) AS n FROM st_partnership`).then((r: { n: number }[]) => Number(r[0]!.n));

const GOOD = readFileSync(EXAMPLE, "utf8");

describe("partnership import", () => {
  it("imports the example file into a fresh seeded database, derived columns and all", async () => {
    const report = await importFile(db, partnershipIo, EXAMPLE);
    expect(report).toMatchObject({ ok: true, total: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    const [row] = await db.query(`SELECT signed_on, signed_precision, municipality_sort_name, partners FROM cmp_participation WHERE id = 'ST-P-EXAMPLE-1'`);
    expect(row).toEqual({ signed_on: "2024-03", signed_precision: "MONTH", municipality_sort_name: "halle (saale)", partners: JSON.stringify(["Stadt Halle (Saale)", "Polizeirevier Halle (Saale)"]) });
    const fields = await db.query(`SELECT field FROM cmp_participation_field WHERE participation_id = 'ST-P-EXAMPLE-2' ORDER BY field`);
    expect(fields).toEqual([{ field: "RESIDENT_SURVEY" }]);
    const people = await db.query(`SELECT name, basis FROM cmp_person WHERE participation_id = 'ST-P-EXAMPLE-2' ORDER BY name`);
    expect(people).toEqual([
      { name: "Max Muster", basis: "SIGNED" },
      { name: "Otto Gast", basis: "PRESENT" },
      { name: "Paula Probe", basis: "SIGNED" },
    ]);
    const [police] = await db.query(`SELECT police_partner FROM st_partnership WHERE id = 'ST-P-EXAMPLE-2'`);
    expect(police.police_partner).toBe("Polizeirevier Altmarkkreis Salzwedel");
    const audit = await db.getRepository(AuditEntry).find({ order: { id: "ASC" } });
    expect(audit.map((a) => [a.recordId, a.action, a.source, a.actorSubject])).toEqual([
      ["ST-P-EXAMPLE-1", "CREATE", "import", "import-test"],
      ["ST-P-EXAMPLE-2", "CREATE", "import", "import-test"],
    ]);
  });

  it("is idempotent: the same file a second time changes nothing and records nothing", async () => {
    const file = write("good.csv", GOOD);
    expect(await importFile(db, partnershipIo, file)).toMatchObject({ ok: true, created: 2 });
    const audit = await auditCount(db);
    const before = await snapshot(db);
    const second = await importFile(db, partnershipIo, file);
    expect(second).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    expect(await auditCount(db)).toBe(audit);
    expect(await snapshot(db)).toEqual(before);
  });

  it("imports nothing when one row is bad, and names its line and field", async () => {
    const [header, first, second] = GOOD.trimEnd().split("\n");
    const bad = second!.replace("2025-06-02", "2021-02-30");
    const file = write("bad.csv", [header, first, bad].join("\n") + "\n");
    const before = await snapshot(db);
    const report = await importFile(db, partnershipIo, file);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ line: 3, where: "line 3", field: "signedOn", code: "BAD_USER_INPUT" })]);
    expect(report.errors[0]!.message).toMatch(/2021-02-30.*not a real date/);
    expect(report.created).toBe(0);
    expect(await snapshot(db)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });

  it("checks references and uniqueness against the database before writing", async () => {
    const rows = [
      { id: "ST-P-X1", municipalityId: "ST-M-15099999", instrument: "COOPERATION_AGREEMENT", sources: [{ url: "https://example.org/a" }] },
      { id: "ST-P-X2", municipalityId: "ST-M-15003000", instrument: "COOPERATION_AGREEMENT", programmeId: "ST-PRG-NONE", sources: [{ url: "https://example.org/b" }] },
      { id: "ST-P-X2", municipalityId: "ST-M-15003000", instrument: "COOPERATION_AGREEMENT", sources: [{ url: "https://example.org/c" }] },
    ];
    const report = await importFile(db, partnershipIo, write("refs.json", JSON.stringify(rows)));
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => `${e.where} ${e.field} ${e.code}`)).toEqual(["[2] (row) CONFLICT"]);
    const unique = await importFile(db, partnershipIo, write("refs2.json", JSON.stringify(rows.slice(0, 2))));
    expect(unique.errors.map((e) => `${e.where} ${e.field}: ${e.message}`)).toEqual([
      "[0] municipalityId: municipality ST-M-15099999 does not exist",
      "[1] programmeId: programme ST-PRG-NONE does not exist",
    ]);
    expect(await partnershipCount(db)).toBe(6);
  });

  it("writes nothing on a dry run, but reports what would change", async () => {
    const before = await snapshot(db);
    const report = await importFile(db, partnershipIo, EXAMPLE, { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 2, updated: 0, unchanged: 0 });
    expect(await snapshot(db)).toEqual(before);
    expect(await auditCount(db)).toBe(0);
  });

  it("changes only the columns a file has: a two-column file corrects a place and keeps the rest", async () => {
    const before = (await loadPartnershipRecords(db.manager, ["ST-P-02"])).get("ST-P-02")!;
    const report = await importFile(db, partnershipIo, write("place.csv", "id,place\nST-P-02,Bürgersaal Gardelegen\n"));
    expect(report).toMatchObject({ ok: true, updated: 1 });
    const after = (await loadPartnershipRecords(db.manager, ["ST-P-02"])).get("ST-P-02")!;
    expect(after).toEqual({ ...before, place: "Bürgersaal Gardelegen" });
    const [entry] = await db.getRepository(AuditEntry).find();
    expect(entry).toMatchObject({ recordId: "ST-P-02", action: "UPDATE", changedFields: ["place"] });
    // An empty cell clears: the column is there, its value is null.
    expect(await importFile(db, partnershipIo, write("clear.csv", "id,place\nST-P-02,\n"))).toMatchObject({ ok: true, updated: 1 });
    expect((await loadPartnershipRecords(db.manager, ["ST-P-02"])).get("ST-P-02")!.place).toBeNull();
  });

  it("refuses fields of action that the notes do not name, and unknown JSON keys", async () => {
    const fields = await importFile(db, partnershipIo, write("fields.csv", "id,fieldsOfAction\nST-P-02,GRAFFITI\n"));
    expect(fields.errors).toEqual([expect.objectContaining({ line: 2, field: "fieldsOfAction" })]);
    const typo = await importFile(db, partnershipIo, write("typo.json", JSON.stringify([{ id: "ST-P-02", sources: [{ url: "https://example.org", published: "2020" }] }])));
    expect(typo.errors[0]).toMatchObject({ index: 0, field: "sources[0]", code: "BAD_USER_INPUT" });
    const column = await importFile(db, partnershipIo, write("column.csv", "id,signed_on\nST-P-02,2020\n"));
    expect(column.errors[0]).toMatchObject({ line: 1, field: "(file)" });
    expect(await auditCount(db)).toBe(0);
  });
});

describe("export", () => {
  async function exportAll(dataSource: DataSource, format: DataFormat): Promise<Record<string, string>> {
    const files: Record<string, string> = {};
    for (const type of TYPES) {
      const spec = SACHSEN_ANHALT_IO_SPECS[type]!;
      files[type] = await runExport({ format, rows: await spec.exportRecords!(dataSource.manager), columns: spec.columns, out: join(dir, `${type}.${format}`) });
    }
    return files;
  }

  it.each(["csv", "json"] as const)("of the seeded database re-imports unchanged (%s)", async (format) => {
    await exportAll(db, format);
    const before = await snapshot(db);
    for (const type of TYPES) {
      const report = await importFile(db, SACHSEN_ANHALT_IO_SPECS[type]!, join(dir, `${type}.${format}`));
      expect(report.errors, type).toEqual([]);
      expect(report, type).toMatchObject({ ok: true, created: 0, updated: 0 });
      expect(report.unchanged, type).toBeGreaterThan(0);
    }
    expect(await auditCount(db)).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it.each(["csv", "json"] as const)("rebuilds the same records in an empty migrated database (%s), written changes included", async (format) => {
    // A change first, so the export holds more than the seed: a new record and an ended one.
    await importFile(db, partnershipIo, EXAMPLE);
    await importFile(db, partnershipIo, write("end.csv", "id,status,endedOn\nST-P-03,ENDED,2023-12-31\n"));
    const exported = await exportAll(db, format);

    const empty = await SACHSEN_ANHALT.openDatabase(join(dir, "empty.sqlite"), { seed: false });
    try {
      expect(await partnershipCount(empty)).toBe(0);
      for (const type of TYPES) {
        const report = await importFile(empty, SACHSEN_ANHALT_IO_SPECS[type]!, join(dir, `${type}.${format}`));
        expect(report.errors, type).toEqual([]);
        expect(report, type).toMatchObject({ ok: true, updated: 0, unchanged: 0 });
      }
      expect(await snapshot(empty)).toEqual(await snapshot(db));
      const again = await exportAll(empty, format);
      expect(again).toEqual(exported);
    } finally {
      await empty.destroy();
    }
  });

  it("writes every column, the partnerships in id order, people and sources as JSON cells", async () => {
    const csv = (await exportAll(db, "csv")).partnerships!;
    const [header, ...lines] = csv.trimEnd().split("\n");
    expect(header).toBe(partnershipIo.columns.map((c) => c.name).join(","));
    expect(lines.map((l) => l.split(",")[0])).toEqual(["ST-P-01", "ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05", "ST-P-06"]);
    const json = JSON.parse((await exportAll(db, "json")).partnerships!) as Record<string, unknown>[];
    expect(json[3]).toMatchObject({ id: "ST-P-04", signedOn: "2021-07", signedNote: expect.stringContaining("July 2021") });
    expect(json[0]!.signatories).toEqual([
      { name: "Ingrid Häußler", role: "Oberbürgermeisterin", organisation: "Stadt Halle (Saale)", party: "SPD", basis: "SIGNED" },
      { name: "Walter Schumann", role: "Polizeipräsident", organisation: "Polizeidirektion (Halle)", party: null, basis: "SIGNED" },
    ]);
  });
});
