import { createDataSource } from "@laenderhub/shared";
import {
  buildSachsenSeed,
  MembershipEntity,
  Sachsen_ENTITIES,
  Sachsen_MIGRATIONS,
  seedSachsen,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
} from "@laenderhub/subgraph-sachsen";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestSubgraph, data, query, tempDir } from "./helpers.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const note = (id: string) => data.participations.find((p) => p.id === id)?.signed_date_note ?? "";

const TABLES = ["programme", "framework_document", "funding_statement", "municipality", "membership", "membership_person", "membership_field", "event", "indicator", "prevention_body"];

describe("dates the data states only in words", () => {
  it("each month entry agrees with its record's note", () => {
    expect(Object.keys(SIGNED_MONTH_FROM_NOTE).length).toBeGreaterThan(0);
    for (const [id, { year, month }] of Object.entries(SIGNED_MONTH_FROM_NOTE)) {
      const record = data.participations.find((p) => p.id === id);
      expect(record?.signed_date_precision, id).toBe("month");
      expect(note(id), id).toContain(`${MONTHS[month - 1]} ${year}`);
    }
  });

  it("each day-month entry agrees with its record's note, and no year is taken", () => {
    expect(Object.keys(SIGNED_DAY_MONTH_FROM_NOTE).length).toBeGreaterThan(0);
    for (const [id, { month, day }] of Object.entries(SIGNED_DAY_MONTH_FROM_NOTE)) {
      const record = data.participations.find((p) => p.id === id);
      expect(record?.signed_date_precision, id).toBe("day_month");
      expect(record?.signed_date, id).toBeNull();
      expect(note(id), id).toContain(`${day} ${MONTHS[month - 1]}`);
      expect(note(id), id).toMatch(/without a year|year is not stated/);
    }
  });

  it("covers every record whose month or day-month is only in the note", () => {
    const needMonth = data.participations.filter((p) => p.signed_date === null && p.signed_date_precision === "month").map((p) => p.id);
    const needDayMonth = data.participations.filter((p) => p.signed_date === null && p.signed_date_precision === "day_month").map((p) => p.id);
    expect(Object.keys(SIGNED_MONTH_FROM_NOTE).sort()).toEqual(needMonth.sort());
    expect(Object.keys(SIGNED_DAY_MONTH_FROM_NOTE).sort()).toEqual(needDayMonth.sort());
  });
});

describe("seed rows", () => {
  const rows = buildSachsenSeed();

  it("map every record of the state once", () => {
    expect(rows.programmes.map((p) => p.id)).toEqual(["SN-PRG-ASSKOMM"]);
    expect(rows.memberships).toHaveLength(data.participations.length);
    expect(rows.municipalities).toHaveLength(data.municipalities.length);
    expect(rows.events).toHaveLength(data.events.length);
    expect(rows.indicators).toHaveLength(data.indicators.length);
    expect(rows.people).toHaveLength(data.participations.reduce((n, p) => n + p.signatories.length + p.present.length, 0));
    expect(new Set(rows.preventionBodies.map((b) => b.id)).size).toBe(data.municipalities.reduce((n, m) => n + m.prevention_bodies.length, 0));
  });

  it("take a membership's fields of action only from what its notes name", () => {
    const oelsnitzPre = rows.fields.filter((f) => f.membershipId === "SN-P-008").map((f) => f.field).sort();
    // Notes: "coaching financed by the LPR", "vandalism and graffiti".
    expect(oelsnitzPre).toEqual(["COACHING", "GRAFFITI", "VANDALISM"]);
    expect(rows.fields.filter((f) => f.membershipId === "SN-P-024")).toEqual([]);
  });

  it("name the municipality as the participation does", () => {
    for (const p of data.participations) {
      const m = rows.municipalities.find((x) => x.id === p.municipality_id);
      expect(m?.name, p.id).toBe(p.municipality_name);
      expect(m?.ags, p.id).toBe(p.ags);
    }
  });
});

describe("seeding", () => {
  it("is idempotent: a second start neither duplicates nor overwrites an edited row", async () => {
    const { dir, cleanup } = tempDir();
    const file = join(dir, "sachsen.sqlite");
    try {
      const first = await createTestSubgraph({ databaseUrl: file });
      const counts = async (s: typeof first) =>
        Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, Number((await s.dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n)])));
      const before = await counts(first);
      expect(before.membership).toBe(data.participations.length);
      await first.dataSource.transaction((em) => em.update(MembershipEntity, { id: "SN-P-007" }, { place: "Schloss Hartenfels (edited)" }));
      await first.close();

      const second = await createTestSubgraph({ databaseUrl: file });
      try {
        expect(await counts(second)).toEqual(before);
        const torgau = await query(second, `{ sachsen { membership(id: "SN-P-007") { place } } }`);
        expect(torgau.sachsen.membership.place).toBe("Schloss Hartenfels (edited)");
        expect(await seedSachsen(second.dataSource)).toEqual({ seeded: false, counts: {} });
      } finally {
        await second.close();
      }
    } finally {
      cleanup();
    }
  });

  it("with seed: false leaves the database empty", async () => {
    const service = await createTestSubgraph({ seed: false });
    try {
      for (const table of TABLES) expect(Number((await service.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n), table).toBe(0);
      const result = await query(service, `{ sachsen { programme { id } memberships { totalCount } } }`);
      expect(result.sachsen).toEqual({ programme: null, memberships: { totalCount: 0 } });
    } finally {
      await service.close();
    }
  });

  it("writes everything or nothing", async () => {
    const dataSource = await createDataSource({ url: ":memory:", entities: Sachsen_ENTITIES, migrations: Sachsen_MIGRATIONS });
    try {
      // A stray event row with a seed id (foreign keys off to plant it) makes a late insert fail.
      await dataSource.query("PRAGMA foreign_keys = OFF");
      await dataSource.query(
        `INSERT INTO event (id, programme_id, date_precision, additional_dates, title, event_type, status, related_ids, sources) VALUES ('SN-E-001', 'X', 'UNKNOWN', '[]', 't', 'T', 'HELD', '[]', '[]')`,
      );
      await dataSource.query("PRAGMA foreign_keys = ON");
      await expect(seedSachsen(dataSource)).rejects.toThrow(/UNIQUE/i);
      for (const table of ["programme", "municipality", "membership", "membership_person"]) {
        expect(Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n), table).toBe(0);
      }
    } finally {
      await dataSource.destroy();
    }
  });
});
