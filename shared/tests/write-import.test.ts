import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DataSource } from "typeorm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as shared from "../src/index.js";
import { AuditEntry, createDataSource, ErrorCode, parseCliArgs, startDatabaseOf, runExport, runExportCommand, runImport, runImportCommand, UsageError, WRITE_ENTITIES, WRITE_MIGRATIONS, type ImportOptions } from "../src/index.js";
import { CreateToyRecord1700000000300, TOY_COLUMNS, toyCsv, toyRecordSpec, ToyRecord } from "./fixtures/toy-records.mjs";

const spec = toyRecordSpec(shared);
const actor = { subject: "import-operator", state: "SL", role: null };
let dir: string;
let db: string;
let ds: DataSource;

const open = (url: string) => createDataSource({ url, entities: [...WRITE_ENTITIES, ToyRecord], migrations: [...WRITE_MIGRATIONS, CreateToyRecord1700000000300] });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "lh-import-"));
  db = join(dir, "toy.sqlite");
  ds = await open(db);
});
afterEach(async () => {
  if (ds.isInitialized) await ds.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const importFile = (path: string, extra: Partial<ImportOptions<any, any>> = {}) => runImport({ ...spec, file: path, dataSource: ds, state: "SL", actor, ...extra });
const counts = async () => ({ records: await ds.getRepository(ToyRecord).count(), audit: await ds.getRepository(AuditEntry).count() });

describe("runImport", () => {
  it("imports a CSV file with an audit entry per record, and decodes lists, numbers and JSON cells", async () => {
    const report = await importFile(file("toys.csv", toyCsv(5)));
    expect(report).toMatchObject({ ok: true, total: 5, created: 5, updated: 0, unchanged: 0, errors: [] });
    const first = await ds.getRepository(ToyRecord).findOneByOrFail({ id: "SL-T-1" });
    expect(first).toMatchObject({ municipality: "Gemeinde 1", fields: ["VIDEO_SURVEILLANCE", "JOINT_PATROLS"], seats: 1, sources: [{ url: "https://example.org/sl/1", publisher: "MIBS", title: null, publishedOn: "2020-05" }] });
    const audit = await ds.getRepository(AuditEntry).find({ order: { id: "ASC" } });
    expect(audit).toHaveLength(5);
    expect(audit[0]).toMatchObject({ recordType: "ToyRecord", recordId: "SL-T-1", action: "CREATE", source: "import", actorSubject: "import-operator", before: null });
  });

  it("is idempotent by natural key: re-importing changes nothing and writes no audit entry", async () => {
    const path = file("toys.csv", toyCsv(5));
    await importFile(path);
    const again = await importFile(path);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 5 });
    expect(await counts()).toEqual({ records: 5, audit: 5 });
  });

  it("updates the rows that changed and audits only those", async () => {
    await importFile(file("a.csv", toyCsv(3)));
    const changed = toyCsv(3).replace("Gemeinde 2,", "Neue Gemeinde 2,");
    const report = await importFile(file("b.csv", changed));
    expect(report).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 });
    const update = await ds.getRepository(AuditEntry).findOneByOrFail({ action: shared.HistoryAction.UPDATE });
    expect(update).toMatchObject({ recordId: "SL-T-2", changedFields: ["municipality"], before: { municipality: "Gemeinde 2" }, after: { municipality: "Neue Gemeinde 2" } });
  });

  it("imports nothing when one row is bad, and reports its line", async () => {
    const lines = toyCsv(5).split("\n");
    lines[3] = lines[3]!.replace("10042113", "1004211x");
    const report = await importFile(file("bad.csv", lines.join("\n")));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ line: 4, where: "line 4", field: "ags", code: ErrorCode.INVALID_AGS, message: expect.stringMatching(/8 digits/) }]);
    expect(await counts()).toEqual({ records: 0, audit: 0 });
  });

  it("reports every bad row with the line it starts on, across multi-line cells", async () => {
    const header = TOY_COLUMNS.map((c) => c.name).join(",");
    const src = '"[{""url"":""https://example.org/x""}]"';
    const text = [
      header,
      `SL-T-1,"Ober-\nmunicipality",10042113,2019,ACTIVE,,,${src}`, // lines 2-3: fine
      `SL-T-2,Zwei,10042113,2021-02-30,ACTIVE,,,${src}`, // line 4: no such day
      `SL-T-3,Drei,10042113,2019,PAUSED,,,${src}`, // line 5: unknown status
      "",
      `SL-T-4,Vier,10042113,2019,ACTIVE,,,[{broken`, // line 7: not JSON
      `SL-T-5,Fünf,10042113`, // line 8: too few fields
      `SL-T-6,Sechs,14522180,2999-01,ACTIVE,,2.5,"[{""url"":""mailto:x@example.org""}]"`, // line 9: seats not an integer (the schema fails first, so the domain checks wait)
      `SL-T-1,Eins again,10042113,2019,ACTIVE,,,${src}`, // line 10: duplicate key
    ].join("\n");
    const report = await importFile(file("many.csv", text));
    expect(report.ok).toBe(false);
    const found = report.errors.map((e) => `${e.line}:${e.field}:${e.code}`);
    expect(found).toEqual([
      "4:signedOn:BAD_USER_INPUT",
      "5:status:BAD_USER_INPUT",
      "7:sources:BAD_USER_INPUT",
      "8:(row):BAD_USER_INPUT",
      "9:seats:BAD_USER_INPUT",
      "10:(row):CONFLICT",
    ]);
    expect(report.total).toBe(7);
    expect(await counts()).toEqual({ records: 0, audit: 0 });
  });

  it("reports all domain errors of a row that passes the schema", async () => {
    const text = `${TOY_COLUMNS.map((c) => c.name).join(",")}\nSL-T-6,Sechs,14522180,2999-01,ACTIVE,,,"[{""url"":""mailto:x@example.org""}]"\n`;
    const report = await importFile(file("domain.csv", text));
    expect(report.errors.map((e) => `${e.line}:${e.field}`)).toEqual(["2:ags", "2:signedOn", "2:sources[0].url"]);
  });

  it("refuses unknown columns instead of dropping their data", async () => {
    const report = await importFile(file("typo.csv", toyCsv(2).replace("signedOn", "sigendOn")));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatchObject({ line: 1, field: "(file)", message: expect.stringMatching(/unknown column "sigendOn"/) });
  });

  it("reads JSON arrays and reports bad entries by index", async () => {
    const rows = JSON.parse(await runExport({ format: "json", rows: [], columns: TOY_COLUMNS })) as unknown[];
    expect(rows).toEqual([]);
    const items = [
      { id: "SL-T-1", municipality: "Eins", ags: "10042113", signedOn: "2019-04-01", status: "ACTIVE", fields: [], seats: null, sources: [{ url: "https://example.org/1" }] },
      { id: "SL-T-2", municipality: "Zwei", ags: "10042113", signedOn: "2019-04-01", status: "ACTIVE", sources: [] },
      "not an object",
      { id: "SL-T-3", municipality: "Drei", status: "ACTIVE", sources: [{ url: "https://example.org/3" }], colour: "blue" },
    ];
    const report = await importFile(file("toys.json", JSON.stringify(items, null, 2)));
    expect(report.errors.map((e) => `${e.where}:${e.field}`)).toEqual(["[1]:sources", "[2]:(row)", "[3]:(row)"]);
    expect(report.errors[2]!.message).toMatch(/colour/);
    expect(await counts()).toEqual({ records: 0, audit: 0 });
    const good = await importFile(file("good.json", JSON.stringify([items[0]])));
    expect(good).toMatchObject({ ok: true, created: 1 });
  });

  it("dry run reports what would change and writes nothing", async () => {
    await importFile(file("a.csv", toyCsv(2)));
    const before = await counts();
    const report = await importFile(file("b.csv", toyCsv(4).replace("Gemeinde 1,", "Umbenannt 1,")), { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, created: 2, updated: 1, unchanged: 1 });
    expect(report.outcomes.map((o) => o.status)).toEqual(["updated", "unchanged", "created", "created"]);
    expect(await counts()).toEqual(before);
    expect((await ds.getRepository(ToyRecord).findOneByOrFail({ id: "SL-T-1" })).municipality).toBe("Gemeinde 1");
  });

  it("rolls everything back when storing a row fails midway, and names the row", async () => {
    const failing = { ...spec, apply: async (m: any, r: any, e: any) => (r.id === "SL-T-4" ? Promise.reject(new Error("disk full")) : spec.apply(m, r, e)) };
    const report = await runImport({ ...failing, file: file("toys.csv", toyCsv(6)), dataSource: ds, state: "SL", actor });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/disk full/) })]);
    expect(report.created).toBe(0);
    expect(await counts()).toEqual({ records: 0, audit: 0 });
  });

  it("reports progress every N rows in both phases", async () => {
    const seen: string[] = [];
    await importFile(file("toys.csv", toyCsv(25)), { progressEvery: 10, onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) });
    expect(seen).toEqual(["validate 10/25", "validate 20/25", "validate 25/25", "apply 10/25", "apply 20/25", "apply 25/25"]);
  });
});

describe("export", () => {
  it.each(["csv", "json"] as const)("round-trips through %s: export then import changes nothing", async (format) => {
    const header = TOY_COLUMNS.map((c) => c.name).join(",");
    const tricky = `${header}\nSL-T-1,"Sankt Ingbert, ""Mittelstadt""\nzweite Zeile",,,ANNOUNCED,,,"[{""url"":""https://example.org/ü?a=1,2"",""title"":""Titel; mit Semikolon""}]"\n`;
    await importFile(file("seed.csv", toyCsv(4)));
    await importFile(file("tricky.csv", tricky));
    const rows = await spec.exportRecords(ds.manager);
    const out = join(dir, `export.${format}`);
    const text = await runExport({ format, rows, columns: TOY_COLUMNS, out });
    expect(readFileSync(out, "utf8")).toBe(text);
    const auditBefore = await ds.getRepository(AuditEntry).count();
    const report = await importFile(out);
    expect(report).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 4 });
    expect(await ds.getRepository(AuditEntry).count()).toBe(auditBefore);
    // The export of the re-imported data is byte-identical.
    expect(await runExport({ format, rows: await spec.exportRecords(ds.manager), columns: TOY_COLUMNS })).toBe(text);
  });

  it("refuses to write a CSV it could not read back", async () => {
    await expect(runExport({ format: "csv", rows: [{ id: "SL-T-1", fields: ["a;b"] }], columns: TOY_COLUMNS })).rejects.toThrow(/export JSON instead/);
    await expect(runExport({ format: "csv", rows: [{ id: "SL-T-1", municipality: "" }], columns: TOY_COLUMNS })).rejects.toThrow(/empty text/);
  });
});

describe("import and export commands", () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) } };
  };
  const command = (argv: string[], captured: ReturnType<typeof io>) => ({
    argv,
    env: { USER: "ministry-admin" },
    program: "npm run import --",
    state: "SL",
    defaultDatabase: db,
    openDataSource: open,
    specs: { toys: spec },
    io: captured.io,
  });

  beforeEach(async () => {
    await ds.destroy();
  });

  it("takes a blank DATABASE_URL (as env files leave it) for unset: the default database", async () => {
    const c = io();
    const code = await runImportCommand({ ...command([file("toys.csv", toyCsv(3))], c), env: { USER: "ministry-admin", DATABASE_URL: "  " } });
    expect(code, c.err.join("")).toBe(0);
    const check = await open(db);
    expect(await check.getRepository(ToyRecord).count()).toBe(3);
    await check.destroy();
  });

  it("imports with exit code 0, progress on stderr and a summary on stdout", async () => {
    const c = io();
    const code = await runImportCommand(command([file("toys.csv", toyCsv(30)), "--progress-every", "10"], c));
    expect(code).toBe(0);
    expect(c.out.join("")).toBe("toys: imported: 30 created, 0 updated, 0 unchanged (30 rows)\n");
    expect(c.err.filter((l) => l.includes("applied"))).toEqual(["toys: applied 10/30 rows\n", "toys: applied 20/30 rows\n", "toys: applied 30/30 rows\n"]);
    const check = await open(db);
    expect(await check.getRepository(AuditEntry).findOneByOrFail({ recordId: "SL-T-1" })).toMatchObject({ actorSubject: "ministry-admin", source: "import" });
    await check.destroy();
  });

  it("exits 1 with one line per bad row and imports nothing", async () => {
    const c = io();
    const path = file("bad.csv", toyCsv(3).replace("SL-T-2,Gemeinde 2,10042113", "SL-T-2,Gemeinde 2,99"));
    expect(await runImportCommand(command([path, "--actor", "alice"], c))).toBe(1);
    expect(c.err.join("")).toContain(`${path} line 3: ags: AGS "99" must be exactly 8 digits [INVALID_AGS]`);
    expect(c.err.join("")).toContain("nothing was imported");
    const check = await open(db);
    expect(await check.getRepository(ToyRecord).count()).toBe(0);
    await check.destroy();
  });

  it("dry-run via the command writes nothing", async () => {
    const c = io();
    expect(await runImportCommand(command([file("toys.csv", toyCsv(3)), "--dry-run"], c))).toBe(0);
    expect(c.out.join("")).toMatch(/dry run, nothing written: would be 3 created/);
    const check = await open(db);
    expect(await check.getRepository(ToyRecord).count()).toBe(0);
    await check.destroy();
  });

  it("exits 2 on usage errors", async () => {
    for (const argv of [[], ["a.csv", "b.csv"], ["file.txt"], ["a.csv", "--bogus"], ["a.csv", "--type", "nope"], ["a.csv", "--format", "xml"]]) {
      const c = io();
      expect(await runImportCommand(command(argv, c))).toBe(2);
      expect(c.err.join("")).toMatch(/usage: npm run import -- <file.csv\|file.json>/);
    }
  });

  it("exits 1 when the database cannot be opened, without showing its password", async () => {
    const c = io();
    const failing = { ...command([file("toys.csv", toyCsv(1)), "--database", "postgres://admin:hunter2@db.invalid/x"], c), openDataSource: () => Promise.reject(new Error("connection refused")) };
    expect(await runImportCommand(failing)).toBe(1);
    expect(c.err.join("")).toBe("cannot open the database postgres://***@db.invalid/x: connection refused\n");
  });

  it("exports to a file and to stdout in a form that re-imports unchanged", async () => {
    await runImportCommand(command([file("toys.csv", toyCsv(3))], io()));
    const out = join(dir, "out", "toys.json");
    const c = io();
    expect(await runExportCommand({ ...command(["--out", out], c), program: "npm run export --" })).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8"))).toHaveLength(3);
    const stdout = io();
    expect(await runExportCommand({ ...command(["--format", "csv"], stdout), program: "npm run export --" })).toBe(0);
    expect(stdout.out.join("")).toBe(toyCsv(3));
    const again = io();
    expect(await runImportCommand(command([out], again))).toBe(0);
    expect(again.out.join("")).toMatch(/0 created, 0 updated, 3 unchanged/);
  });
});

describe("parseCliArgs", () => {
  it("reads import and export arguments", () => {
    expect(parseCliArgs(["data.csv", "--dry-run", "--database", "x.sqlite", "--actor", "alice"], "import")).toEqual({ command: "import", file: "data.csv", dryRun: true, database: "x.sqlite", actor: "alice" });
    expect(parseCliArgs(["data.txt", "--format", "json"], "import")).toMatchObject({ file: "data.txt", format: "json" });
    expect(parseCliArgs(["--out", "x.json"], "export")).toEqual({ command: "export", format: "json", out: "x.json" });
    expect(parseCliArgs([], "export")).toEqual({ command: "export", format: "csv" });
  });

  it("throws UsageError (exit code 2) for anything else", () => {
    expect(() => parseCliArgs(["--out", "x.csv", "a.csv"], "import")).toThrow(UsageError);
    expect(() => parseCliArgs(["a.csv"], "export")).toThrow(UsageError);
    expect(() => parseCliArgs(["--dry-run"], "export")).toThrow(/belongs to import/);
    expect(() => parseCliArgs(["a.csv", "--progress-every", "0"], "import")).toThrow(UsageError);
    expect(new UsageError("x").exitCode).toBe(2);
  });
});

describe("startDatabaseOf", () => {
  const root = join(fileURLToPath(new URL("../..", import.meta.url)));
  it("is the file npm start gives the subgraph: <repository>/.data, or DATA_DIR relative to the repository", () => {
    expect(startDatabaseOf("saarland", { DATA_DIR: ".data" })).toBe(join(root, ".data", "saarland.sqlite"));
    expect(startDatabaseOf("sachsen", { DATA_DIR: "var/db" })).toBe(join(root, "var", "db", "sachsen.sqlite"));
    expect(startDatabaseOf("sachsen", { DATA_DIR: "/srv/laenderhub" })).toBe("/srv/laenderhub/sachsen.sqlite");
  });
});
