import {
  CONTRACT_VIEWS,
  DatePrecision,
  FieldOfAction,
  Instrument,
  PersonBasis,
  ProgrammeKind,
  fieldsOfActionFromText,
  sortableName,
  type SubgraphService,
} from "@laenderhub/shared";
import { SACHSEN_COMPARATIVE_VIEWS, type SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data } from "./helpers.js";

// The columns shared/CONTRACT.md fixes for each view, as the shared package lists them.
const COLUMNS: Record<string, readonly string[]> = CONTRACT_VIEWS;

let service: SubgraphService<SachsenContext>;
const rows = async (sql: string): Promise<Record<string, any>[]> => service.dataSource.query(sql);
beforeAll(async () => {
  service = await createTestSubgraph();
});
afterAll(async () => {
  await service.close();
});

describe("the comparative contract's views", () => {
  it("are the eight views with exactly the contract's columns", async () => {
    expect([...SACHSEN_COMPARATIVE_VIEWS].sort()).toEqual(Object.keys(COLUMNS).sort());
    for (const [view, columns] of Object.entries(COLUMNS)) {
      const info = await rows(`PRAGMA table_info(${view})`);
      expect(info.map((c) => c.name), view).toEqual(columns);
    }
  });

  it("cmp_participation maps every membership onto the shared vocabulary", async () => {
    const participations = await rows(`SELECT * FROM cmp_participation ORDER BY id`);
    expect(participations).toHaveLength(data.participations.length);
    for (const row of participations) {
      const record = data.participations.find((p) => p.id === row.id)!;
      expect(row.typename).toBe("AsskommMembership");
      expect(row.state).toBe("SN");
      expect(row.programme_id).toBe("SN-PRG-ASSKOMM");
      expect(Object.values(ProgrammeKind)).toContain(row.programme_kind);
      expect(Object.values(Instrument)).toContain(row.instrument);
      expect(row.instrument).toBe(record.instrument);
      expect(row.municipality_id).toBe(record.municipality_id);
      expect(row.municipality_name).toBe(record.municipality_name);
      expect(row.municipality_sort_name).toBe(sortableName(record.municipality_name));
      expect(Object.values(DatePrecision)).toContain(row.signed_precision);
      expect(row.status).toBe("ACTIVE");
      expect(row.ended_on).toBeNull();
      expect(row.agreement_id).toBe(record.agreement_id);
      expect(JSON.parse(row.partners)).toEqual(record.parties);
      expect(JSON.parse(row.sources).length).toBeGreaterThan(0);
      if (row.signed_precision !== "DAY_MONTH") expect([row.signed_month, row.signed_day]).toEqual([null, null]);
    }
    const byId = Object.fromEntries(participations.map((r) => [r.id, r]));
    expect(byId["SN-P-007"]).toMatchObject({ signed_on: "2021-06-25", signed_precision: "DAY" });
    expect(byId["SN-P-001"]).toMatchObject({ signed_on: "2020-07", signed_precision: "MONTH" });
    expect(byId["SN-P-023"]).toMatchObject({ signed_on: null, signed_precision: "DAY_MONTH", signed_month: 4, signed_day: 25 });
    expect(byId["SN-P-M01"]).toMatchObject({ signed_on: null, signed_precision: "UNKNOWN", instrument: "MODEL_MUNICIPALITY" });
  });

  it("cmp_participation_field holds the fields each membership's notes name", async () => {
    const fields = await rows(`SELECT * FROM cmp_participation_field`);
    for (const f of fields) expect(Object.values(FieldOfAction)).toContain(f.field);
    for (const p of data.participations) {
      const served = fields.filter((f) => f.participation_id === p.id).map((f) => f.field).sort();
      expect(served, p.id).toEqual(fieldsOfActionFromText(p.notes));
    }
  });

  it("cmp_person keeps people present apart from signatories", async () => {
    const people = await rows(`SELECT * FROM cmp_person`);
    for (const person of people) expect(Object.values(PersonBasis)).toContain(person.basis);
    const present = people.filter((p) => p.basis === PersonBasis.PRESENT);
    expect(present).toHaveLength(data.participations.reduce((n, p) => n + p.present.length, 0));
    expect(people.length - present.length).toBe(data.participations.reduce((n, p) => n + p.signatories.length, 0));
  });

  it("cmp_municipality: sources are the AGS sources followed by the others; unknown AGS stay null", async () => {
    const municipalities = await rows(`SELECT * FROM cmp_municipality`);
    expect(municipalities).toHaveLength(data.municipalities.length);
    for (const m of municipalities) {
      const record = data.municipalities.find((x) => x.id === m.id)!;
      expect(m.ags).toBe(record.ags);
      expect(m.district_name).toBe(record.landkreis);
      const urls = JSON.parse(m.sources).map((s: { url: string }) => s.url);
      expect(urls, m.id).toEqual([...record.ags_sources, ...record.other_sources].map((s) => s.url));
      expect(urls.length).toBeGreaterThan(0);
    }
    expect(municipalities.find((m) => m.id === "SN-M-SCHNEEBERG")!.ags).toBeNull();
  });

  it("cmp_programme, cmp_event, cmp_indicator and cmp_prevention_body carry the state's records with sources", async () => {
    const [programme] = await rows(`SELECT * FROM cmp_programme`);
    expect(programme).toMatchObject({ id: "SN-PRG-ASSKOMM", state: "SN", short_name: "ASSKomm", start_on: "2019-02-06", start_precision: "DAY" });
    const events = await rows(`SELECT * FROM cmp_event`);
    expect(events).toHaveLength(data.events.length);
    expect(JSON.parse(events.find((e) => e.id === "SN-E-006")!.related_ids)).toEqual(["SN-P-002"]);
    const indicators = await rows(`SELECT * FROM cmp_indicator`);
    expect(indicators).toHaveLength(data.indicators.length);
    expect(indicators.find((i) => i.id === "SN-I-004")).toMatchObject({ value: 250, qualifier: "MORE_THAN", reference_on: "2019-02-06" });
    expect(indicators.find((i) => i.id === "SN-I-001")).toMatchObject({ qualifier: "EXACT" });
    const bodies = await rows(`SELECT * FROM cmp_prevention_body`);
    expect(bodies).toHaveLength(data.municipalities.reduce((n, m) => n + m.prevention_bodies.length, 0));
    for (const table of [events, indicators, bodies, [programme!]]) {
      for (const row of table) expect(JSON.parse(row.sources).length, row.id).toBeGreaterThan(0);
    }
    for (const body of bodies) expect(JSON.parse(body.actor_types)).toEqual([]);
  });
});
