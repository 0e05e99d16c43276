import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACT_VIEWS, loadStateDataset, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";

const raw = loadStateDataset(StateCode.SL);

describe("saarland subgraph: comparative contract views", () => {
  let service: SubgraphService<SaarlandContext>;
  const sql = <T = Record<string, any>>(q: string): Promise<T[]> => service.dataSource.query(q);

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service?.close();
  });

  it("creates the eight views with exactly the contract's columns", async () => {
    for (const [view, columns] of Object.entries(CONTRACT_VIEWS)) {
      const [row] = await sql(`SELECT * FROM ${view} LIMIT 1`);
      expect(row, view).toBeDefined();
      expect(Object.keys(row!).sort(), view).toEqual([...columns].sort());
    }
  });

  it("maps every partnership onto cmp_participation", async () => {
    const rows = await sql(`SELECT * FROM cmp_participation ORDER BY id`);
    expect(rows).toHaveLength(raw.participations.length);
    for (const r of rows) {
      const p = raw.participations.find((x) => x.id === r.id)!;
      expect(r.typename).toBe("SaarlandSecurityPartnership");
      expect(r.state).toBe("SL");
      expect(r.programme_kind).toBe("BILATERAL_STATE_MUNICIPAL_PARTNERSHIP");
      expect(r.municipality_id).toBe(p.municipality_id);
      expect(r.municipality_name).toBe(p.municipality_name);
      expect(r.instrument).toBe("LETTER_OF_INTENT");
      expect(r.status).toBe("ACTIVE");
      expect(JSON.parse(r.partners)).toEqual(p.parties);
      expect(JSON.parse(r.sources).length).toBeGreaterThan(0);
    }
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("SL-P-01")).toMatchObject({ signed_on: "2017-01", signed_precision: "MONTH", signed_month: null, signed_day: null });
    expect(byId.get("SL-P-08")).toMatchObject({ signed_on: null, signed_precision: "UNKNOWN" });
    expect(byId.get("SL-P-10")).toMatchObject({ signed_on: "2021-06-30", signed_precision: "DAY", municipality_sort_name: "bexbach" });
  });

  it("lists people with their basis, people present apart", async () => {
    const people = await sql<{ participation_id: string; name: string; basis: string }>(`SELECT * FROM cmp_person`);
    expect(people).toHaveLength(raw.participations.reduce((n, p) => n + p.signatories.length + p.present.length, 0));
    expect(people.filter((p) => p.basis === "PRESENT").map((p) => [p.participation_id, p.name])).toEqual(
      raw.participations.flatMap((p) => p.present.map((x) => [p.id, x.name])),
    );
  });

  it("fills the other views from the state's records", async () => {
    const fields = await sql(`SELECT * FROM cmp_participation_field WHERE participation_id = 'SL-P-03' ORDER BY field`);
    expect(fields.map((f) => f.field)).toEqual(["MUNICIPAL_ENFORCEMENT", "VIDEO_SURVEILLANCE"]);
    expect(await sql(`SELECT id, start_on, start_precision FROM cmp_programme`)).toEqual([{ id: "SL-PRG-SIPA", start_on: "2017-01", start_precision: "MONTH" }]);
    expect(await sql(`SELECT id, date_on, format, status, related_ids FROM cmp_event`)).toEqual([
      { id: "SL-E-001", date_on: "2020-11-04", format: "VIDEOCONFERENCE", status: "HELD", related_ids: "[]" },
    ]);
    const indicators = await sql(`SELECT id, value, qualifier, reference_on FROM cmp_indicator ORDER BY reference_on`);
    expect(indicators.map((i) => Number(i.value))).toEqual([2, 7, 10, 11]);
    expect(new Set(indicators.map((i) => i.qualifier))).toEqual(new Set(["EXACT"]));
    const bodies = await sql(`SELECT municipality_id, status, actor_types FROM cmp_prevention_body ORDER BY municipality_id`);
    expect(bodies).toEqual([
      { municipality_id: "SL-M-10041512", status: "TO_BE_REVIVED", actor_types: "[]" },
      { municipality_id: "SL-M-10043114", status: "TO_BE_REVIVED", actor_types: "[]" },
    ]);
    const municipalities = await sql(`SELECT id, ags, district_name FROM cmp_municipality ORDER BY id`);
    expect(municipalities).toEqual(raw.municipalities.map((m) => ({ id: m.id, ags: m.ags, district_name: m.landkreis })).sort((a, b) => a.id.localeCompare(b.id)));
  });
});
