import { createDataSource, QueryCounter } from "@laenderhub/shared";
import { describe, expect, it } from "vitest";
import { SachsenAnhalt_ENTITIES, SachsenAnhalt_MIGRATIONS, seedSachsenAnhalt } from "../src/index.js";

describe("Sachsen-Anhalt migrations", () => {
  it("create every table and view, revert cleanly and apply again", async () => {
    const dataSource = await createDataSource({ url: ":memory:", entities: SachsenAnhalt_ENTITIES, migrations: SachsenAnhalt_MIGRATIONS, counter: new QueryCounter() });
    try {
      const objects = async () =>
        (await dataSource.query(`SELECT type, name FROM sqlite_master WHERE (type = 'table' OR type = 'view') AND (name LIKE 'st\\_%' ESCAPE '\\' OR name LIKE 'cmp\\_%' ESCAPE '\\') ORDER BY name`)) as {
          type: string;
          name: string;
        }[];
      const created = await objects();
      expect(created.filter((o) => o.type === "table")).toHaveLength(SachsenAnhalt_ENTITIES.length);
      expect(created.filter((o) => o.type === "view").map((o) => o.name)).toEqual([
        "cmp_event", "cmp_indicator", "cmp_municipality", "cmp_participation", "cmp_participation_field", "cmp_person", "cmp_prevention_body", "cmp_programme",
      ]);
      expect(await dataSource.showMigrations()).toBe(false);

      await dataSource.undoLastMigration({ transaction: "all" });
      expect((await objects()).filter((o) => o.type === "view")).toEqual([]);
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
});
