import { CONTRACT_VIEWS, loadStateDataset, StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";

const raw = loadStateDataset(StateCode.ST);

describe("Sachsen-Anhalt comparative contract views", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  const sql = <T = Record<string, any>>(q: string): Promise<T[]> => service.dataSource.query(q);
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service.close();
  });

  it("has exactly the contract's columns in every view", async () => {
    for (const [view, columns] of Object.entries(CONTRACT_VIEWS)) {
      const info = await sql<{ name: string }>(`SELECT name FROM pragma_table_info('${view}')`);
      expect(info.map((c) => c.name), view).toEqual([...columns]);
    }
  });

  it("maps the partnerships onto cmp_participation", async () => {
    const rows = await sql(`SELECT * FROM cmp_participation ORDER BY id`);
    expect(rows).toHaveLength(raw.participations.length);
    const halle = rows.find((r) => r.id === "ST-P-01")!;
    expect(halle).toMatchObject({
      typename: "SachsenAnhaltLocalPartnership",
      state: "ST",
      programme_id: "ST-PRG-SIPA",
      programme_kind: "FRAMEWORK_DECLARATION_WITH_LOCAL_PARTNERSHIPS",
      municipality_id: "ST-M-15002000",
      municipality_name: "Halle (Saale)",
      municipality_sort_name: "halle (saale)",
      instrument: "TARGET_AGREEMENT",
      signed_on: "2003-02-17",
      signed_precision: "DAY",
      signed_month: null,
      signed_day: null,
      status: "ACTIVE",
      ended_on: null,
      agreement_id: "ST-P-01",
    });
    expect(JSON.parse(halle.partners)).toEqual(["Stadt Halle (Saale)", "Polizeidirektion (Halle)"]);
    expect(JSON.parse(halle.sources)[0]).toEqual({ url: raw.participations[0]!.sources[0]!.url, publisher: "Mitteldeutsche Zeitung", title: null, publishedOn: "2003-02-17" });
    expect(rows.find((r) => r.id === "ST-P-04")).toMatchObject({ signed_on: "2021-07", signed_precision: "MONTH", municipality_sort_name: "bad duerrenberg" });
    expect(rows.find((r) => r.id === "ST-P-06")).toMatchObject({ signed_on: null, signed_precision: "UNKNOWN", signed_note: "start date not found" });
  });

  it("lists fields of action and people per participation, signatories by their basis", async () => {
    const fields = await sql(`SELECT * FROM cmp_participation_field WHERE participation_id = 'ST-P-02' ORDER BY field`);
    expect(fields.map((f) => f.field)).toEqual(["EVENT_SAFETY", "JOINT_PATROLS", "MUNICIPAL_ENFORCEMENT"]);
    const people = await sql(`SELECT * FROM cmp_person WHERE participation_id = 'ST-P-01' ORDER BY name`);
    expect(people).toEqual([
      { participation_id: "ST-P-01", name: "Ingrid Häußler", role: "Oberbürgermeisterin", organisation: "Stadt Halle (Saale)", party: "SPD", basis: "SIGNED" },
      { participation_id: "ST-P-01", name: "Walter Schumann", role: "Polizeipräsident", organisation: "Polizeidirektion (Halle)", party: null, basis: "SIGNED" },
    ]);
    const [{ n }] = await sql(`SELECT COUNT(*) AS n FROM cmp_person`);
    expect(Number(n)).toBe(raw.participations.reduce((sum, p) => sum + p.signatories.length + p.present.length, 0));
  });

  it("serves the programme, events, indicators, prevention bodies and municipalities", async () => {
    expect(await sql(`SELECT id, state, kind, start_on, start_precision FROM cmp_programme`)).toEqual([
      { id: "ST-PRG-SIPA", state: "ST", kind: "FRAMEWORK_DECLARATION_WITH_LOCAL_PARTNERSHIPS", start_on: "2004-04-26", start_precision: "DAY" },
    ]);
    expect(await sql(`SELECT date_on, date_precision, status FROM cmp_event WHERE event_type = 'REGIONAL_CONFERENCE_SERIES'`)).toEqual([
      { date_on: "2017", date_precision: "HALF_YEAR", status: "ANNOUNCED_NOT_CONFIRMED" },
    ]);
    expect(JSON.parse((await sql(`SELECT related_ids FROM cmp_event WHERE id = 'ST-E-011'`))[0]!.related_ids)).toEqual(["ST-P-03"]);
    expect(await sql(`SELECT id, value, qualifier, reference_on FROM cmp_indicator ORDER BY id`)).toEqual([
      { id: "ST-I-001", value: 56, qualifier: "EXACT", reference_on: "2024-02-14" },
      { id: "ST-I-002", value: 50, qualifier: "EXACT", reference_on: null },
      { id: "ST-I-003", value: 100, qualifier: "ABOUT", reference_on: "2006-01-26" },
      { id: "ST-I-004", value: 180, qualifier: "MORE_THAN", reference_on: "2024-11-06" },
    ]);
    const bodies = await sql(`SELECT id, municipality_id, status, actor_types FROM cmp_prevention_body ORDER BY id`);
    expect(bodies.map((b) => [b.id, b.municipality_id, b.status, JSON.parse(b.actor_types)])).toEqual([
      ["ST-PB-15003000-1", "ST-M-15003000", "EXISTING", ["POLICE", "MUNICIPAL_AUTHORITY"]],
      ["ST-PB-15084550-1", "ST-M-15084550", "TO_BE_REVIVED", []],
      ["ST-PB-15088020-1", "ST-M-15088020", "PLANNED", []],
    ]);
    const municipalities = await sql(`SELECT id, name, ags, district_name, type FROM cmp_municipality ORDER BY id`);
    expect(municipalities).toHaveLength(raw.municipalities.length);
    expect(municipalities.find((m) => m.id === "ST-M-TANGERMUENDE")).toEqual({
      id: "ST-M-TANGERMUENDE", name: "Tangermünde", ags: "15090550", district_name: "Landkreis Stendal", type: "Stadt (Einheitsgemeinde)",
    });
    for (const m of municipalities) if (m.ags !== null) expect(m.ags).toMatch(/^15\d{6}$/);
  });

  it("has at least one source on every row of every view that carries sources", async () => {
    for (const view of ["cmp_participation", "cmp_programme", "cmp_event", "cmp_indicator", "cmp_prevention_body", "cmp_municipality"]) {
      for (const row of await sql<{ id: string; sources: string }>(`SELECT id, sources FROM ${view}`)) {
        expect(JSON.parse(row.sources).length, `${view} ${row.id}`).toBeGreaterThan(0);
      }
    }
  });
});
