import { loadStateDataset, StateCode } from "@laenderhub/shared";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSeedRows, createSachsenAnhaltSubgraph, seedSachsenAnhalt, SeedDataError } from "../src/index.js";
import { data, tempDir } from "./helpers.js";

const TABLES = [
  "st_programme", "st_joint_declaration", "st_strategic_line", "st_municipality", "st_partnership", "st_partnership_person",
  "st_partnership_field", "st_prevention_body", "st_event", "st_indicator", "st_landespraeventionsrat",
];

describe("Sachsen-Anhalt seed", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  function tempDatabase(): string {
    const temp = tempDir();
    cleanups.push(temp.remove);
    return join(temp.dir, "st.sqlite");
  }

  async function counts(databaseUrl: string): Promise<Record<string, number>> {
    const service = await createSachsenAnhaltSubgraph({ databaseUrl, seed: false });
    try {
      const out: Record<string, number> = {};
      for (const table of TABLES) out[table] = Number((await service.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
      return out;
    } finally {
      await service.close();
    }
  }

  it("seeds every table of an empty database with the state's records", async () => {
    const raw = loadStateDataset(StateCode.ST);
    const file = tempDatabase();
    await (await createSachsenAnhaltSubgraph({ databaseUrl: file })).close();
    const seeded = await counts(file);
    expect(seeded).toMatchObject({
      st_programme: raw.programmes.length,
      st_joint_declaration: raw.programmes[0]!.framework_documents.length,
      st_strategic_line: raw.programmes[0]!.fields_of_action.length,
      st_municipality: raw.municipalities.length,
      st_partnership: raw.participations.length,
      st_partnership_person: raw.participations.reduce((n, p) => n + p.signatories.length + p.present.length, 0),
      st_prevention_body: raw.municipalities.reduce((n, m) => n + m.prevention_bodies.length, 0),
      st_event: raw.events.length,
      st_indicator: raw.indicators.length,
      st_landespraeventionsrat: 1,
    });
  });

  it("does not seed again: a second start neither duplicates rows nor overwrites an edited one", async () => {
    const file = tempDatabase();
    const first = await createSachsenAnhaltSubgraph({ databaseUrl: file });
    await first.dataSource.query(`UPDATE st_partnership SET place = 'Rathaus Tangermünde (edited)' WHERE id = 'ST-P-06'`);
    await first.dataSource.query(`DELETE FROM st_indicator WHERE id = 'ST-I-002'`);
    const afterEdit = await first.dataSource.query(`SELECT COUNT(*) AS n FROM st_partnership`);
    await first.close();

    const second = await createSachsenAnhaltSubgraph({ databaseUrl: file });
    try {
      const { sachsenAnhalt } = await data(second, `{ sachsenAnhalt { partnership(id: "ST-P-06") { place } partnerships { totalCount } indicators { edges { node { figures { id } } } } } }`);
      expect(sachsenAnhalt.partnership.place).toBe("Rathaus Tangermünde (edited)");
      expect(sachsenAnhalt.partnerships.totalCount).toBe(Number(afterEdit[0].n));
      expect(sachsenAnhalt.indicators.edges.flatMap((e: any) => e.node.figures).map((i: { id: string }) => i.id)).not.toContain("ST-I-002");
      expect(await seedSachsenAnhalt(second.dataSource)).toBe(false);
    } finally {
      await second.close();
    }
    const again = await counts(file);
    expect(again.st_partnership).toBe(6);
    expect(again.st_indicator).toBe(3);
  });

  it("leaves an unseeded database empty when seed is false", async () => {
    const file = tempDatabase();
    await (await createSachsenAnhaltSubgraph({ databaseUrl: file, seed: false })).close();
    expect(Object.values(await counts(file)).every((n) => n === 0)).toBe(true);
  });

  it("refuses data that does not fit, before writing anything", async () => {
    const raw = loadStateDataset(StateCode.ST);
    const broken = {
      ...raw,
      participations: raw.participations.map((p) => (p.id === "ST-P-02" ? { ...p, instrument: "HANDSHAKE" } : p)),
    };
    expect(() => buildSeedRows(broken)).toThrow(SeedDataError);
    const undatedMonth = {
      ...raw,
      participations: raw.participations.map((p) => (p.id === "ST-P-02" ? { ...p, signed_date: null, signed_date_precision: "month" as const } : p)),
    };
    expect(() => buildSeedRows(undatedMonth)).toThrow(/SIGNED_MONTH_FROM_NOTE/);
    const unsourced = { ...raw, events: raw.events.map((e) => (e.id === "ST-E-003" ? { ...e, sources: [] } : e)) };
    expect(() => buildSeedRows(unsourced)).toThrow(/ST-E-003: no source/);

    const file = tempDatabase();
    const service = await createSachsenAnhaltSubgraph({ databaseUrl: file, seed: false });
    try {
      await expect(seedSachsenAnhalt(service.dataSource, broken)).rejects.toThrow(SeedDataError);
      // A reference the database rejects rolls the whole transaction back.
      const dangling = { ...raw, participations: raw.participations.map((p) => (p.id === "ST-P-06" ? { ...p, municipality_id: "ST-M-NOWHERE" } : p)) };
      await expect(seedSachsenAnhalt(service.dataSource, dangling)).rejects.toThrow();
      const [{ n }] = await service.dataSource.query(`SELECT COUNT(*) AS n FROM st_programme`);
      expect(Number(n)).toBe(0);
    } finally {
      await service.close();
    }
  });
});
