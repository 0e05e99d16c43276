import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDataSource, DatePrecision, loadStateDataset, StateCode, type Dataset } from "@laenderhub/shared";
import {
  buildSaarlandSeedRows,
  createSaarlandSubgraph,
  Saarland_ENTITIES,
  Saarland_MIGRATIONS,
  seedSaarland,
  SeedDataError,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
} from "@laenderhub/subgraph-saarland";
import { data, tempDir } from "./helpers.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const raw = loadStateDataset(StateCode.SL);
const clone = (d: Dataset): Dataset => JSON.parse(JSON.stringify(d)) as Dataset;

describe("saarland seed", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length) cleanups.pop()!();
  });

  it("is idempotent: a second start neither adds rows twice nor overwrites an edited row", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = join(dir, "saarland.sqlite");

    const first = await createSaarlandSubgraph({ databaseUrl: file });
    await first.dataSource.query(`UPDATE partnership SET place = 'Rathaus Bexbach (edited)' WHERE id = 'SL-P-10'`);
    await first.dataSource.query(`DELETE FROM partnership WHERE id = 'SL-P-09'`);
    await first.close();

    const second = await createSaarlandSubgraph({ databaseUrl: file });
    try {
      const d = await data(second, `{ saarland { partnerships(first: 200) { totalCount } partnership(id: "SL-P-10") { place } deleted: partnership(id: "SL-P-09") { id } } }`);
      expect(d.saarland.partnerships.totalCount).toBe(10);
      expect(d.saarland.partnership.place).toBe("Rathaus Bexbach (edited)");
      expect(d.saarland.deleted).toBeNull();
      const [{ n }] = await second.dataSource.query(`SELECT COUNT(*) AS n FROM programme`);
      expect(Number(n)).toBe(1);
      expect(await seedSaarland(second.dataSource)).toBe(false);
    } finally {
      await second.close();
    }
  });

  it("leaves a database without seed empty when asked not to seed", async () => {
    const service = await createSaarlandSubgraph({ databaseUrl: ":memory:", seed: false });
    try {
      const d = await data(service, `{ saarland { programme { id } partnerships { totalCount } } }`);
      expect(d.saarland).toEqual({ programme: null, partnerships: { totalCount: 0 } });
    } finally {
      await service.close();
    }
  });

  it("writes nothing when a row fails half-way (one transaction)", async () => {
    const dataSource = await createDataSource({ url: ":memory:", entities: Saarland_ENTITIES, migrations: Saarland_MIGRATIONS });
    try {
      const broken = clone(raw);
      // A repeated id passes the mapping but fails on insert, after earlier tables were written.
      broken.participations.push({ ...broken.participations[0]! });
      await expect(seedSaarland(dataSource, undefined, broken)).rejects.toThrow();
      for (const table of ["programme", "municipality", "partnership", "partnership_person", "prevention_body"]) {
        const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
        expect(Number(n), table).toBe(0);
      }
      expect(await seedSaarland(dataSource)).toBe(true);
    } finally {
      await dataSource.destroy();
    }
  });

  it("gives every month-only signing date an entry that agrees with its note", () => {
    const needing = raw.participations.filter((p) => p.signed_date === null && p.signed_date_precision === "month");
    expect(needing.map((p) => p.id).sort()).toEqual(Object.keys(SIGNED_MONTH_FROM_NOTE).sort());
    for (const [id, { year, month }] of Object.entries(SIGNED_MONTH_FROM_NOTE)) {
      const note = raw.participations.find((p) => p.id === id)!.signed_date_note!;
      expect(note, id).toContain(MONTHS[month - 1]);
      expect(note, id).toContain(String(year));
      // The note names exactly this month, no other.
      expect(MONTHS.filter((m) => note.includes(m)), id).toEqual([MONTHS[month - 1]]);
    }
    const dayMonth = raw.participations.filter((p) => p.signed_date_precision === "day_month");
    expect(dayMonth.map((p) => p.id).sort()).toEqual(Object.keys(SIGNED_DAY_MONTH_FROM_NOTE).sort());
  });

  it("refuses to guess: a month-only date without an entry, an unknown code, a foreign AGS, a record without source", () => {
    const noEntry = clone(raw);
    noEntry.participations[1]!.signed_date = null;
    noEntry.participations[1]!.signed_date_precision = "month";
    expect(() => buildSaarlandSeedRows(noEntry)).toThrow(SeedDataError);

    const badCode = clone(raw);
    badCode.participations[0]!.signatories[0]!.basis = "waved";
    expect(() => buildSaarlandSeedRows(badCode)).toThrow(/unknown code "waved"/);

    const foreignAgs = clone(raw);
    foreignAgs.municipalities[0]!.ags = "14511000";
    expect(() => buildSaarlandSeedRows(foreignAgs)).toThrow(/not an 8-digit Saarland key/);

    const unsourced = clone(raw);
    unsourced.indicators[0]!.sources = [];
    expect(() => buildSaarlandSeedRows(unsourced)).toThrow(/has no source/);
  });

  it("maps the data's lower-case codes onto the shared vocabulary", () => {
    const rows = buildSaarlandSeedRows(raw);
    const neunkirchen = rows.partnerships.find((p) => p.id === "SL-P-01")!;
    expect(neunkirchen.signedIso).toBe("2017-01");
    expect(neunkirchen.signedPrecision).toBe(DatePrecision.MONTH);
    expect(rows.people.filter((p) => p.partnershipId === "SL-P-01").map((p) => p.basis)).toEqual(["CONCLUDED_BY", "IN_OFFICE"]);
    expect(rows.people.filter((p) => p.basis === "PRESENT").map((p) => p.listing)).toEqual(["PRESENT"]);
    expect(rows.indicators.every((i) => i.qualifier === "EXACT")).toBe(true);
    expect(rows.partnerships.filter((p) => p.ordinalBasis === "IMPLIED").map((p) => p.id)).toEqual(["SL-P-01"]);
    expect(rows.events.map((e) => e.format)).toEqual(["VIDEOCONFERENCE"]);
    expect(rows.preventionBodies.map((b) => b.status)).toEqual(["TO_BE_REVIVED", "TO_BE_REVIVED"]);
    expect(rows.programmes[0]!.startIso).toBe("2017-01");
  });
});
