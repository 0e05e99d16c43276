import { Table, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";

// Column helpers: only types that mean the same on SQLite and PostgreSQL.
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: "text", isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable });
const float = (name: string): TableColumnOptions => ({ name, type: "double precision", isNullable: false });
/** TypeORM `simple-json` columns store JSON text. */
const json = (name: string, nullable = false): TableColumnOptions => text(name, nullable);
const pk = (name: string, type: "text" | "integer" = "text"): TableColumnOptions => ({ name, type, isPrimary: true, isNullable: false });

/** The Saarland tables: programme, register, partnerships with their people, fields and measures, bodies, events, indicators. */
export class SaarlandSchema1732190400000 implements MigrationInterface {
  name = "SaarlandSchema1732190400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "programme",
        columns: [
          pk("id"),
          text("state"),
          text("name"),
          text("short_name"),
          text("kind"),
          text("kind_description"),
          text("responsible_ministry"),
          text("coordinating_body"),
          json("coordinating_body_sources"),
          text("start_on", true),
          text("start_precision"),
          text("start_note", true),
          int("participation_count_recorded"),
          text("funding_note", true),
          json("funding_note_sources"),
          json("notes"),
          json("offers"),
          json("offers_sources"),
          json("sources"),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "programme_document",
        columns: [
          pk("id"),
          text("programme_id"),
          int("position"),
          text("title"),
          text("date_on", true),
          text("date_precision"),
          text("date_note", true),
          json("parties"),
          json("persons"),
          text("description", true),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [new TableIndex({ name: "idx_programme_document_programme", columnNames: ["programme_id", "position"] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "programme_funding",
        columns: [
          pk("id"),
          text("programme_id"),
          int("position"),
          float("amount_eur"),
          text("qualifier"),
          text("period", true),
          text("statement_on", true),
          text("statement_precision"),
          text("description", true),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [new TableIndex({ name: "idx_programme_funding_programme", columnNames: ["programme_id", "position"] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "programme_field_of_action",
        columns: [pk("id"), text("programme_id"), int("position"), text("wording"), json("fields"), json("sources")],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [new TableIndex({ name: "idx_programme_field_programme", columnNames: ["programme_id", "position"] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "programme_measure",
        columns: [
          pk("programme_id"),
          pk("measure"),
          int("position"),
          text("wording"),
          text("origin"),
          json("fields"),
          json("municipality_ids", true),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "municipality",
        columns: [
          pk("id"),
          text("name"),
          text("sort_name"),
          text("ags", true),
          text("district_name", true),
          text("district_note", true),
          text("type", true),
          text("ags_note", true),
          json("ags_sources"),
          json("sources"),
        ],
        indices: [new TableIndex({ name: "idx_municipality_ags", columnNames: ["ags"] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "partnership",
        columns: [
          pk("id"),
          text("state"),
          text("programme_id"),
          text("municipality_id"),
          text("instrument"),
          text("instrument_label", true),
          text("agreement_id"),
          text("group_name", true),
          text("group_kind", true),
          text("signed_on", true),
          text("signed_precision"),
          text("signed_note", true),
          int("signed_month", true),
          int("signed_day", true),
          text("effective_on", true),
          int("ordinal", true),
          text("ordinal_basis", true),
          text("ordinal_basis_text", true),
          text("format", true),
          text("place", true),
          json("parties"),
          json("notes"),
          text("status"),
          text("ended_on", true),
          json("sources"),
        ],
        foreignKeys: [
          { columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] },
          { columnNames: ["municipality_id"], referencedTableName: "municipality", referencedColumnNames: ["id"] },
        ],
        indices: [
          new TableIndex({ name: "idx_partnership_municipality", columnNames: ["municipality_id"] }),
          new TableIndex({ name: "idx_partnership_signed_on", columnNames: ["signed_on"] }),
          // NULLs never collide in a unique index (SQLite and PostgreSQL): unnumbered partnerships are fine.
          new TableIndex({ name: "uq_partnership_ordinal", columnNames: ["programme_id", "ordinal"], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "partnership_person",
        columns: [
          pk("partnership_id"),
          pk("position", "integer"),
          text("listing"),
          text("name"),
          text("role", true),
          text("organisation", true),
          text("party", true),
          text("basis"),
        ],
        foreignKeys: [{ columnNames: ["partnership_id"], referencedTableName: "partnership", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "partnership_field_of_action",
        columns: [pk("partnership_id"), pk("field")],
        foreignKeys: [{ columnNames: ["partnership_id"], referencedTableName: "partnership", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "partnership_measure",
        columns: [pk("partnership_id"), pk("measure"), text("programme_id")],
        foreignKeys: [
          { columnNames: ["partnership_id"], referencedTableName: "partnership", referencedColumnNames: ["id"], onDelete: "CASCADE" },
          { columnNames: ["programme_id", "measure"], referencedTableName: "programme_measure", referencedColumnNames: ["programme_id", "measure"] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "prevention_body",
        columns: [
          pk("id"),
          text("municipality_id"),
          int("position"),
          text("name"),
          text("kind"),
          text("status"),
          text("date_on", true),
          text("date_precision"),
          text("note", true),
          json("actor_types"),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["municipality_id"], referencedTableName: "municipality", referencedColumnNames: ["id"] }],
        indices: [new TableIndex({ name: "idx_prevention_body_municipality", columnNames: ["municipality_id", "position"] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "event",
        columns: [
          pk("id"),
          text("state"),
          text("programme_id"),
          text("date_on", true),
          text("date_precision"),
          json("additional_dates"),
          text("title"),
          text("event_type"),
          text("format", true),
          text("place", true),
          text("status"),
          text("participants_summary", true),
          json("related_ids"),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "indicator",
        columns: [
          pk("id"),
          text("state"),
          text("programme_id"),
          text("indicator"),
          text("label"),
          float("value"),
          text("unit"),
          text("qualifier"),
          text("reference_on", true),
          text("reference_precision"),
          text("note", true),
          json("sources"),
        ],
        foreignKeys: [{ columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] }],
        indices: [new TableIndex({ name: "idx_indicator_code", columnNames: ["indicator", "reference_on"] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "indicator",
      "event",
      "prevention_body",
      "partnership_measure",
      "partnership_field_of_action",
      "partnership_person",
      "partnership",
      "municipality",
      "programme_measure",
      "programme_field_of_action",
      "programme_funding",
      "programme_document",
      "programme",
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
