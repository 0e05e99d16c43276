import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/** The gazetteer table. Portable Table API: the same migration runs on SQLite and PostgreSQL. */
export class CreateGazetteer1732200000000 implements MigrationInterface {
  name = "CreateGazetteer1732200000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const text = (name: string, isNullable = false) => ({ name, type: "text", isNullable });
    await queryRunner.createTable(
      new Table({
        name: "gazetteer_municipality",
        columns: [
          { ...text("id"), isPrimary: true },
          text("name"),
          text("sort_name"),
          text("ags", true),
          text("ags_status"),
          text("ags_note", true),
          text("state"),
          text("type", true),
          text("district_name", true),
          text("district_note", true),
          text("district_key", true),
          text("district_basis", true),
          text("ags_sources"),
          text("sources"),
          text("origin"),
        ],
      }),
    );
    // One municipality per key; NULL keys (unconfirmed) do not collide on either database.
    await queryRunner.createIndex("gazetteer_municipality", new TableIndex({ name: "ux_gazetteer_municipality_ags", columnNames: ["ags"], isUnique: true }));
    await queryRunner.createIndex("gazetteer_municipality", new TableIndex({ name: "ix_gazetteer_municipality_district", columnNames: ["district_key"] }));
    await queryRunner.createIndex("gazetteer_municipality", new TableIndex({ name: "ix_gazetteer_municipality_state_name", columnNames: ["state", "sort_name"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("gazetteer_municipality");
  }
}
