import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { participationRows, readRegister, seedState, STATE_TARGETS, SYNTHETIC_PUBLISHER } from "../bench/synthetic.js";

const [SL, SN] = STATE_TARGETS;

describe("synthetic records (npm run seed:synthetic)", () => {
  const dir = mkdtempSync(join(tmpdir(), "laenderhub-synthetic-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are the same for the same seed, differ for another, and are marked as synthetic on every row", () => {
    const ids = readRegister().get("SL")!.map((e) => `SL-M-${e.ags}`);
    const rows = participationRows(SL!, ids, 500, 3);
    expect(participationRows(SL!, ids, 500, 3)).toEqual(rows);
    expect(participationRows(SL!, ids, 500, 4)).not.toEqual(rows);
    expect(rows).toHaveLength(500);
    for (const row of rows as any[]) {
      expect(row.id).toMatch(/^SL-P-SYN-3-\d{6}(-\d)?$/);
      expect(row.sources).toEqual([expect.objectContaining({ publisher: SYNTHETIC_PUBLISHER, url: expect.stringMatching(/^https:\/\/example\.org\//) })]);
      expect(ids).toContain(row.municipalityId);
    }
    // Every precision, joint agreements, several instruments, people shared across agreements.
    const precisions = new Set(rows.map((r: any) => (r.signedOn ? ["", "YEAR", "MONTH", "DAY"][r.signedOn.split("-").length] : r.signedMonth ? "DAY_MONTH" : "UNKNOWN")));
    expect([...precisions].sort()).toEqual(["DAY", "DAY_MONTH", "MONTH", "UNKNOWN", "YEAR"].sort());
    const agreements = new Map<string, number>();
    for (const r of rows as any[]) agreements.set(r.agreementId, (agreements.get(r.agreementId) ?? 0) + 1);
    expect([...agreements.values()].some((n) => n > 1)).toBe(true);
    expect(new Set(rows.map((r: any) => r.instrument)).size).toBeGreaterThan(1);
    const signerAgreements = new Map<string, Set<string>>();
    for (const r of rows as any[]) for (const p of r.signatories) signerAgreements.set(p.name, (signerAgreements.get(p.name) ?? new Set()).add(r.agreementId));
    expect([...signerAgreements.values()].some((s) => s.size > 1)).toBe(true);
  });

  it("go through the state's import: validated, audited, tallied, and idempotent", async () => {
    const file = join(dir, "sachsen.sqlite");
    await seedState(SN!, { code: "SN", url: file }, { perState: 120, seed: 5, batch: 50, log: () => undefined });
    await seedState(SN!, { code: "SN", url: file }, { perState: 120, seed: 5, batch: 50, log: () => undefined });
    const db = new Database(file, { readonly: true });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count("SELECT COUNT(*) AS n FROM cmp_participation WHERE id LIKE 'SN-P-SYN-5-%'")).toBe(120);
      // One CREATE entry per record: the second run changed nothing.
      expect(count("SELECT COUNT(*) AS n FROM audit_entry WHERE record_id LIKE 'SN-P-SYN-5-%'")).toBe(120);
      expect(count("SELECT COUNT(*) AS n FROM cmp_tally_dirty")).toBe(0);
      expect(count("SELECT SUM(participations) AS n FROM cmp_tally WHERE slice = 'ALL'")).toBe(count("SELECT COUNT(*) AS n FROM cmp_participation"));
    } finally {
      db.close();
    }
  });
});
