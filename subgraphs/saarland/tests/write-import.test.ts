import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { DataSource } from "typeorm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuditEntry, loadStateDataset, runExport, runImport, runImportCommand, runExportCommand, StateCode, writeRecords, type DataFormat, type RecordIoSpec } from "@laenderhub/shared";
import {
  buildSaarlandSeedRows,
  SAARLAND,
  PARTNERSHIP_COLUMNS,
  partnershipIo,
  SAARLAND_RECORD_IO,
  SaarlandAgreedMeasure,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandProgramme,
  SaarlandProgrammeFieldOfAction,
  type PartnershipRow,
} from "@laenderhub/subgraph-saarland";
import { tempDir } from "./helpers.js";

const actor = { subject: "import-operator", state: "SL", role: null };
const TYPES = ["municipalities", "partnerships", "events", "indicators"] as const;

/** A new partnership row (test data, not a fact) with Bexbach's register entry. */
function newRow(extra: Partial<PartnershipRow> = {}): PartnershipRow {
  return {
    id: "SL-P-12",
    programmeId: "SL-PRG-SIPA",
    municipalityId: "SL-M-10045111",
    instrument: "LETTER_OF_INTENT" as PartnershipRow["instrument"],
    instrumentLabel: "Letter of Intent (Absichtserklärung)",
    agreementId: "SL-P-12",
    groupName: null,
    groupKind: null,
    signedOn: "2024-05",
    signedMonth: null,
    signedDay: null,
    signedNote: "month only; the day is not reported",
    effectiveOn: null,
    ordinal: null,
    ordinalBasis: null,
    ordinalBasisText: null,
    format: null,
    place: "Bexbach; Rathaus",
    status: "ACTIVE" as PartnershipRow["status"],
    endedOn: null,
    partners: ["Saarland (Innenministerium)", "Stadt Bexbach"],
    notes: ["joint focus operations; city centre"],
    fieldsOfAction: [],
    signatories: [{ name: "Erika Muster", role: "Ministerin", organisation: "MIBS", party: null, basis: "SIGNED" as PartnershipRow["signatories"][number]["basis"] }],
    present: [],
    sources: [{ url: "https://example.org/saarland/import-test", publisher: "Test", title: null, publishedOn: "2024-05" }],
    ...extra,
  };
}

describe("saarland bulk import and export", () => {
  let dir: string;
  let cleanup: () => void;
  let ds: DataSource;
  const open: DataSource[] = [];

  beforeEach(async () => {
    ({ dir, cleanup } = tempDir());
    ds = await SAARLAND.openDatabase(":memory:");
    open.push(ds);
  });
  afterEach(async () => {
    for (const d of open.splice(0)) if (d.isInitialized) await d.destroy();
    cleanup();
  });

  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const csvOf = (rows: object[]) => writeRecords(rows as Record<string, unknown>[], "csv", PARTNERSHIP_COLUMNS);
  const importInto = (target: DataSource, path: string, spec: RecordIoSpec<any, any> = partnershipIo, dryRun = false) =>
    runImport({ ...spec, file: path, dataSource: target, state: "SL", actor, dryRun });
  const counts = async (target: DataSource = ds) => ({
    partnerships: Number((await target.query("SELECT COUNT(*) AS n FROM partnership"))[0].n),
    people: Number((await target.query("SELECT COUNT(*) AS n FROM partnership_person"))[0].n),
    audit: await target.getRepository(AuditEntry).count(),
  });
  const exportText = async (source: DataSource, type: (typeof TYPES)[number], format: DataFormat) => {
    const spec = SAARLAND_RECORD_IO[type]!;
    return runExport({ format, rows: await spec.exportRecords!(source.manager), columns: spec.columns });
  };

  it("imports nothing from a CSV with one bad row, and reports that row's line", async () => {
    const before = await counts();
    const path = file("bad.csv", csvOf([newRow(), newRow({ id: "SL-P-13", signedOn: "2021-02-30" }), newRow({ id: "SL-P-14" })]));
    const report = await importInto(ds, path);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ line: 3, where: "line 3", field: "signedOn", code: "BAD_USER_INPUT", message: expect.stringMatching(/not a real date/) }]);
    expect(await counts()).toEqual(before);

    // The command prints one line per problem and exits 1.
    const db = join(dir, "cli.sqlite");
    await (await SAARLAND.openDatabase(db)).destroy();
    const err: string[] = [];
    const code = await runImportCommand({ ...SAARLAND.cliOptions("import", [path, "--database", db], {}), io: { out: () => {}, err: (t) => err.push(t) } });
    expect(code).toBe(1);
    expect(err.join("")).toContain(`${path} line 3: signedOn: "2021-02-30" is not a real date`);
    expect(err.join("")).toContain("nothing was imported");
  });

  it("reports rows with unknown vocabulary, unknown references and inconsistent derived cells by line", async () => {
    const rows = [
      { ...newRow(), instrument: "TREATY" },
      newRow({ id: "SL-P-13", municipalityId: "SL-M-99999999" }),
      newRow({ id: "SL-P-14", fieldsOfAction: ["GRAFFITI"] as PartnershipRow["fieldsOfAction"] }),
      newRow({ id: "SL-P-15", ordinal: 11, ordinalBasis: "STATED" as PartnershipRow["ordinalBasis"] }),
    ];
    // Shape and own checks come first; references are checked once every row is well-formed.
    const first = await importInto(ds, file("a.csv", csvOf(rows.slice(0, 1).concat(rows.slice(2, 3)))));
    expect(first.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, "instrument", "BAD_USER_INPUT"],
      [3, "fieldsOfAction", "BAD_USER_INPUT"],
    ]);
    const second = await importInto(ds, file("b.csv", csvOf([rows[1]!, rows[3]!])));
    expect(second.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, "municipalityId", "BAD_USER_INPUT"],
      [3, "ordinal", "CONFLICT"],
    ]);
    expect((await counts()).audit).toBe(0);
  });

  it("refuses a file that leaves a column out, so an import never clears a field by omission", async () => {
    const seeded = (await partnershipIo.exportRecords!(ds.manager)).find((r) => r.id === "SL-P-11")!;
    const columns = PARTNERSHIP_COLUMNS.filter((c) => c.name !== "place" && c.name !== "present");
    const csv = await importInto(ds, file("short.csv", writeRecords([seeded as never], "csv", columns)));
    expect(csv.errors.map((e) => [e.where, e.field])).toEqual([
      ["line 2", "place"],
      ["line 2", "present"],
    ]);
    expect(csv.errors[0]!.message).toMatch(/column is missing/);
    const { place: _place, ...withoutPlace } = seeded;
    const json = await importInto(ds, file("short.json", JSON.stringify([withoutPlace])));
    expect(json.errors.map((e) => [e.where, e.field])).toEqual([["[0]", "place"]]);
    // Present but empty is a value: null clears the field, and the history says so.
    const cleared = await importInto(ds, file("cleared.json", JSON.stringify([{ ...seeded, signedNote: null, place: null, present: [] }])));
    expect(cleared).toMatchObject({ ok: true, updated: 1 });
    const [entry] = await ds.getRepository(AuditEntry).find();
    expect(entry!.changedFields).toEqual(["present"]);
  });

  it("is idempotent: the same good file twice changes nothing the second time", async () => {
    const seeded = (await partnershipIo.exportRecords!(ds.manager)).find((r) => r.id === "SL-P-10")!;
    const path = file("good.csv", csvOf([newRow(), { ...seeded, place: "Bexbach" }]));
    const first = await importInto(ds, path);
    expect(first).toMatchObject({ ok: true, created: 1, updated: 1, unchanged: 0 });
    const afterFirst = await counts();
    expect(afterFirst.audit).toBe(2);
    const audit = await ds.getRepository(AuditEntry).find({ order: { id: "ASC" } });
    expect(audit.map((a) => [a.recordId, a.action, a.source, a.actorSubject])).toEqual([
      ["SL-P-12", "CREATE", "import", "import-operator"],
      ["SL-P-10", "UPDATE", "import", "import-operator"],
    ]);
    expect(audit[1]!.changedFields).toEqual(["place"]);

    const second = await importInto(ds, path);
    expect(second).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    expect(await counts()).toEqual(afterFirst);

    // What was imported is served with everything derived from it.
    const [row] = await ds.query(`SELECT signed_on, signed_precision, municipality_sort_name FROM cmp_participation WHERE id = 'SL-P-12'`);
    expect(row).toEqual({ signed_on: "2024-05", signed_precision: "MONTH", municipality_sort_name: "bexbach" });
    expect(await ds.query(`SELECT field FROM cmp_participation_field WHERE participation_id = 'SL-P-12'`)).toEqual([{ field: "JOINT_PATROLS" }]);
  });

  it("writes nothing on a dry run, but reports what it would do", async () => {
    const before = await counts();
    const report = await importInto(ds, file("dry.csv", csvOf([newRow(), newRow({ id: "SL-P-13" })])), partnershipIo, true);
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 2, updated: 0, unchanged: 0 });
    expect(await counts()).toEqual(before);
  });

  it("re-imports its own export of the seeded data (CSV and JSON) with every row unchanged", async () => {
    for (const format of ["csv", "json"] as const) {
      for (const type of TYPES) {
        const text = await exportText(ds, type, format);
        const report = await importInto(ds, file(`${type}.${format}`, text), SAARLAND_RECORD_IO[type]);
        expect(report.errors, `${type} ${format}`).toEqual([]);
        expect(report, `${type} ${format}`).toMatchObject({ ok: true, created: 0, updated: 0 });
        expect(report.unchanged, `${type} ${format}`).toBeGreaterThan(0);
      }
    }
    expect((await counts()).audit).toBe(0);
    const partnerships = JSON.parse(await exportText(ds, "partnerships", "json"));
    expect(partnerships).toHaveLength(11);
    expect(Object.keys(partnerships[0])).toEqual(PARTNERSHIP_COLUMNS.map((c) => c.name));
  });

  it("rebuilds the same records in an empty migrated database from the export", async () => {
    const empty = await SAARLAND.openDatabase(":memory:", { seed: false });
    open.push(empty);
    // The programme frame (documents, measures) is not a ministry record and not importable; it comes from the seed.
    const seed = buildSaarlandSeedRows(loadStateDataset(StateCode.SL));
    await empty.transaction(async (m) => {
      await m.insert(SaarlandProgramme, seed.programmes as never);
      await m.insert(SaarlandFrameworkDocument, seed.documents as never);
      await m.insert(SaarlandFundingStatement, seed.funding as never);
      await m.insert(SaarlandProgrammeFieldOfAction, seed.programmeFields as never);
      await m.insert(SaarlandAgreedMeasure, seed.measures as never);
    });
    for (const format of ["csv", "json"] as const) {
      for (const type of TYPES) {
        const report = await importInto(empty, file(`${type}-${format}.${format}`, await exportText(ds, type, format)), SAARLAND_RECORD_IO[type]);
        expect(report.errors, `${type} ${format}`).toEqual([]);
        expect(report.updated, `${type} ${format}`).toBe(0);
        // The first format creates every record; the second finds them unchanged.
        expect(format === "csv" ? report.unchanged : report.created, `${type} ${format}`).toBe(0);
      }
    }
    for (const type of TYPES) expect(await exportText(empty, type, "json"), type).toBe(await exportText(ds, type, "json"));
    for (const view of ["cmp_participation", "cmp_participation_field", "cmp_person", "cmp_event", "cmp_indicator", "cmp_municipality", "cmp_prevention_body"]) {
      const all = (d: DataSource) => d.query(`SELECT * FROM ${view}`).then((rows: object[]) => rows.map((r) => JSON.stringify(r)).sort());
      expect(await all(empty), view).toEqual(await all(ds));
    }
    const links = (d: DataSource) => d.query(`SELECT partnership_id, measure FROM partnership_measure ORDER BY partnership_id, measure`);
    expect(await links(empty)).toEqual(await links(ds));
  });

  it("imports the example file cleanly into a fresh seeded database", async () => {
    const example = new URL("../examples/partnerships.csv", import.meta.url);
    const text = readFileSync(example, "utf8");
    expect(text.trim().split("\n")).toHaveLength(3);
    const report = await importInto(ds, file("example.csv", text));
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, total: 2 });
  });

  it("runs the commands end to end on a database file: export to a file, progress lines, re-import unchanged", async () => {
    const db = join(dir, "saarland.sqlite");
    const out = join(dir, "out", "partnerships.json");
    const io = () => {
      const lines = { out: [] as string[], err: [] as string[] };
      return { lines, io: { out: (t: string) => lines.out.push(t), err: (t: string) => lines.err.push(t) } };
    };
    const exported = io();
    expect(await runExportCommand({ ...SAARLAND.cliOptions("export", ["--database", db, "--out", out], {}), io: exported.io })).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toHaveLength(11);

    const imported = io();
    expect(await runImportCommand({ ...SAARLAND.cliOptions("import", [out, "--database", db, "--progress-every", "5"], {}), io: imported.io })).toBe(0);
    expect(imported.lines.out.join("")).toBe("partnerships: imported: 0 created, 0 updated, 11 unchanged (11 rows)\n");
    expect(imported.lines.err.join("")).toContain("partnerships: validated 5/11 rows");
    expect(imported.lines.err.join("")).toContain("partnerships: applied 11/11 rows");

    const events = io();
    expect(await runExportCommand({ ...SAARLAND.cliOptions("export", ["--database", db, "--type", "events", "--format", "csv"], {}), io: events.io })).toBe(0);
    expect(events.lines.out.join("").split("\n")[0]).toBe("id,programmeId,date,additionalDates,title,eventType,format,place,status,participantsSummary,relatedIds,sources");
  });
});

describe("the commands' default database", () => {
  it("is the one npm start serves, <repository>/.data/saarland.sqlite, wherever the command runs", () => {
    expect(SAARLAND.cliOptions("export", []).defaultDatabase).toBe(fileURLToPath(new URL("../../../.data/saarland.sqlite", import.meta.url)));
  });
});
