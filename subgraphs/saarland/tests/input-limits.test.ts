import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LIST, MAX_NOTE, MAX_SEARCH, MAX_URL, runImport, writeRecords, type SubgraphService } from "@laenderhub/shared";
import { SAARLAND, PARTNERSHIP_COLUMNS, partnershipIo, SAARLAND_RECORD_IO, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { tempDir } from "./helpers.js";
import { CREATE, createWritableSaarland, editor, newPartnership, runAs, SOURCE, tableCounts } from "./write-helpers.js";

// Reported: editors could store 900 KB source URLs and 10,000 notes on one record, and the
// error messages quoted such inputs back whole.
describe("saarland: declared input limits", () => {
  let service: SubgraphService<SaarlandContext>;
  beforeAll(async () => {
    service = await createWritableSaarland();
  });
  afterAll(async () => {
    await service?.close();
  });

  async function refused(variables: Record<string, unknown>, field: string, limit: number): Promise<void> {
    const before = await tableCounts(service);
    const res = await runAs(service, await editor(), CREATE, variables);
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, limit });
    expect(res.errors![0]!.message).toContain(`${field}: at most ${limit}`);
    expect(JSON.stringify(res).length, "the answer does not quote the input").toBeLessThan(2048);
    expect(await tableCounts(service), "nothing written, no audit entry").toEqual(before);
  }

  it("refuses a 1 MB note, a 900 KB source URL and 10,000 notes, writing nothing", async () => {
    await refused({ input: newPartnership(), note: "n".repeat(1_000_000) }, "note", MAX_NOTE);
    await refused({ input: newPartnership({ sources: [{ ...SOURCE, url: `https://example.org/${"u".repeat(900_000)}` }] }) }, "input.sources[0].url", MAX_URL);
    await refused({ input: newPartnership({ notes: Array.from({ length: 10_000 }, (_, i) => `note ${i}`) }) }, "input.notes", MAX_LIST);
    await refused({ input: newPartnership({ signatories: [{ name: "N".repeat(301), basis: "SIGNED" }] }) }, "input.signatories[0].name", 300);
  });

  it("still writes a record at the limits", async () => {
    const res = await runAs(service, await editor(), CREATE, {
      input: newPartnership({ notes: Array.from({ length: MAX_LIST }, (_, i) => `note ${i}`), sources: [{ ...SOURCE, url: `https://example.org/${"u".repeat(MAX_URL - 20)}` }] }),
      note: "n".repeat(MAX_NOTE),
    });
    expect(res.errors ?? []).toEqual([]);
    expect(res.data.createSaarlandPartnership.id).toMatch(/^SL-P-/);
  });

  it("refuses a 60 KB search of the contract, and keeps serving", async () => {
    const query = "query ($s: String) { _comparativePeople(search: $s) { name } }";
    const res = await runAs(service, undefined, query, { s: "x".repeat(60_000) });
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "search", limit: MAX_SEARCH });
    expect(JSON.stringify(res).length).toBeLessThan(2048);
    const ok = await runAs(service, undefined, query, { s: "Muster" });
    expect(ok.errors ?? []).toEqual([]);
  });

  it("refuses an import row with an over-long field, naming line, column and limit, and writes nothing", async () => {
    const { dir, cleanup } = tempDir();
    const ds = await SAARLAND.openDatabase(":memory:");
    try {
      const rows = await SAARLAND_RECORD_IO.partnerships!.exportRecords!(ds.manager);
      const bad = rows.map((r, i) => (i === 2 ? { ...(r as object), sources: [{ ...SOURCE, title: null, url: `https://example.org/${"u".repeat(900_000)}` }] } : r));
      const path = join(dir, "long.csv");
      writeFileSync(path, writeRecords(bad as Record<string, unknown>[], "csv", PARTNERSHIP_COLUMNS));
      const audit = async () => Number((await ds.query("SELECT COUNT(*) AS n FROM audit_entry"))[0].n);
      const before = await audit();
      const report = await runImport({ ...partnershipIo, file: path, dataSource: ds, state: "SL", actor: { subject: "limits-test", state: "SL", role: null } });
      expect(report.ok).toBe(false);
      expect(report.errors).toEqual([{ line: 4, where: "line 4", field: "sources[0].url", code: "BAD_USER_INPUT", message: `at most ${MAX_URL} characters are allowed` }]);
      expect(await audit()).toBe(before);
    } finally {
      await ds.destroy();
      cleanup();
    }
  });
});
