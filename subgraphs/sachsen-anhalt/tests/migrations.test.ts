import { createDataSource, QueryCounter, WRITE_ENTITIES, WRITE_MIGRATIONS } from "@laenderhub/shared";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SACHSEN_ANHALT, SachsenAnhalt_ENTITIES, SachsenAnhalt_MIGRATIONS, seedSachsenAnhalt } from "../src/index.js";
import { tempDir } from "./helpers.js";

describe("Sachsen-Anhalt migrations", () => {
  it("create every table and view, revert cleanly and apply again", async () => {
    const dataSource = await createDataSource({ url: ":memory:", entities: SachsenAnhalt_ENTITIES, migrations: SachsenAnhalt_MIGRATIONS, counter: new QueryCounter() });
    try {
      const objects = async () =>
        (await dataSource.query(
          `SELECT type, name FROM sqlite_master WHERE (type = 'table' OR type = 'view') AND (name LIKE 'st\\_%' ESCAPE '\\' OR name LIKE 'cmp\\_%' ESCAPE '\\' OR name = 'audit_entry') ORDER BY name`,
        )) as {
          type: string;
          name: string;
        }[];
      const created = await objects();
      // The state's tables plus the shared audit table, and the contract's tally (no entities).
      expect(created.filter((o) => o.type === "table")).toHaveLength(SachsenAnhalt_ENTITIES.length + 2);
      expect(created).toContainEqual({ type: "table", name: "cmp_tally" });
      expect(created).toContainEqual({ type: "table", name: "audit_entry" });
      expect(created.filter((o) => o.type === "view").map((o) => o.name)).toEqual([
        "cmp_event", "cmp_indicator", "cmp_municipality", "cmp_participation", "cmp_participation_field", "cmp_person", "cmp_prevention_body", "cmp_programme",
      ]);
      expect(await dataSource.showMigrations()).toBe(false);

      await dataSource.undoLastMigration({ transaction: "all" });
      expect((await objects()).filter((o) => o.name.startsWith("cmp_tally"))).toEqual([]);
      await dataSource.undoLastMigration({ transaction: "all" });
      expect((await objects()).filter((o) => o.type === "view")).toEqual([]);
      await dataSource.undoLastMigration({ transaction: "all" });
      expect(await objects()).toEqual([{ type: "table", name: "audit_entry" }]);
      await dataSource.undoLastMigration({ transaction: "all" });
      expect(await objects()).toEqual([]);

      await dataSource.runMigrations({ transaction: "all" });
      expect(await objects()).toEqual(created);
      expect(await seedSachsenAnhalt(dataSource)).toBe(true);
    } finally {
      await dataSource.destroy();
    }
  });

  it("matches the entities: a migrated database needs no schema change", async () => {
    const dataSource = await createDataSource({ url: ":memory:", entities: SachsenAnhalt_ENTITIES, migrations: SachsenAnhalt_MIGRATIONS });
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it("adds the audit table to a database created before the write path, keeping its data", async () => {
    const { dir, remove } = tempDir();
    const url = join(dir, "old.sqlite");
    try {
      const stateOnly = (list: Function[], shared: Function[]) => list.filter((x) => !shared.includes(x));
      const old = await createDataSource({ url, entities: stateOnly(SachsenAnhalt_ENTITIES, WRITE_ENTITIES), migrations: stateOnly(SachsenAnhalt_MIGRATIONS, WRITE_MIGRATIONS) });
      await seedSachsenAnhalt(old);
      await old.destroy();

      // Opened as the subgraph opens it on start: migrated, and seeded only if it were empty.
      const dataSource = await SACHSEN_ANHALT.openDatabase(url);
      try {
        expect(await seedSachsenAnhalt(dataSource)).toBe(false);
        expect(await dataSource.query(`SELECT COUNT(*) AS n FROM audit_entry`)).toEqual([{ n: 0 }]);
        expect(await dataSource.query(`SELECT COUNT(*) AS n FROM st_partnership`)).toEqual([{ n: 6 }]);
        expect(await dataSource.showMigrations()).toBe(false);
      } finally {
        await dataSource.destroy();
      }
    } finally {
      remove();
    }
  });
});
