import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * The register's figures on every gazetteer record: official name, population with its
 * reference date, and area. Null on records the register does not hold (a municipality a
 * state added without a key). Portable Table API, as the first migration.
 */
export class GazetteerRegister1766000000000 implements MigrationInterface {
  name = "GazetteerRegister1766000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns("gazetteer_municipality", [
      new TableColumn({ name: "official_name", type: "text", isNullable: true }),
      new TableColumn({ name: "population", type: "integer", isNullable: true }),
      new TableColumn({ name: "population_reference_on", type: "text", isNullable: true }),
      new TableColumn({ name: "area_km2", type: "real", isNullable: true }),
    ]);
    await queryRunner.createIndex("gazetteer_municipality", new TableIndex({ name: "ix_gazetteer_municipality_population", columnNames: ["population"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("gazetteer_municipality", "ix_gazetteer_municipality_population");
    for (const column of ["area_km2", "population_reference_on", "population", "official_name"]) await queryRunner.dropColumn("gazetteer_municipality", column);
  }
}
