import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";

// Column helpers: the portable TypeORM types (text, integer, real) that SQLite and
// PostgreSQL both understand. JSON lists are text, as TypeORM's simple-json stores them.
const text = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "text", isNullable });
const integer = (name: string, isNullable = false): TableColumnOptions => ({ name, type: "integer", isNullable });
const id = (): TableColumnOptions => ({ name: "id", type: "text", isPrimary: true });
const json = (name: string): TableColumnOptions => ({ name, type: "text", isNullable: false });

const references = (columnName: string, table: string, onDelete: "CASCADE" | "RESTRICT" = "RESTRICT") =>
  new TableForeignKey({ columnNames: [columnName], referencedTableName: table, referencedColumnNames: ["id"], onDelete });

/** The Sachsen-Anhalt tables: programme, declarations, strategic lines, municipalities, partnerships, people, fields, bodies, events, indicators, the LPR. */
export class SachsenAnhaltInitialSchema1763726400000 implements MigrationInterface {
  name = "SachsenAnhaltInitialSchema1763726400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "st_programme",
        columns: [
          id(),
          text("name"),
          text("short_name"),
          text("kind"),
          text("kind_description"),
          text("responsible_ministry"),
          text("coordinating_body"),
          json("coordinating_body_sources"),
          text("start_on", true),
          text("start_precision"),
          text("start_period", true),
          text("start_note", true),
          json("funding_statements"),
          text("funding_note", true),
          json("funding_note_sources"),
          json("fields_of_action_sources"),
          integer("participation_count_recorded"),
          json("notes"),
          json("offers"),
          json("offers_sources"),
          json("sources"),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_joint_declaration",
        columns: [
          id(),
          text("programme_id"),
          integer("position"),
          text("title"),
          text("date_on", true),
          text("date_precision"),
          text("date_note", true),
          json("parties"),
          json("persons"),
          text("description", true),
          text("supersedes_id", true),
          json("sources"),
        ],
        foreignKeys: [references("programme_id", "st_programme"), references("supersedes_id", "st_joint_declaration")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_strategic_line",
        columns: [id(), text("programme_id"), integer("position"), text("wording"), json("fields_of_action"), text("introduced_by_id", true), json("sources")],
        foreignKeys: [references("programme_id", "st_programme"), references("introduced_by_id", "st_joint_declaration")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_municipality",
        columns: [
          id(),
          text("name"),
          text("sort_name"),
          text("ags", true),
          text("landkreis", true),
          text("landkreis_note", true),
          text("type", true),
          text("ags_note", true),
          json("ags_sources"),
          json("sources"),
        ],
        uniques: [{ name: "UQ_st_municipality_ags", columnNames: ["ags"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_partnership",
        columns: [
          id(),
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
          integer("signed_month", true),
          integer("signed_day", true),
          text("effective_on", true),
          integer("ordinal", true),
          text("ordinal_basis", true),
          text("ordinal_basis_text", true),
          text("format", true),
          text("place", true),
          json("partners"),
          text("police_partner", true),
          json("notes"),
          text("status"),
          text("ended_on", true),
          json("sources"),
        ],
        foreignKeys: [references("programme_id", "st_programme"), references("municipality_id", "st_municipality")],
        indices: [
          new TableIndex({ name: "IDX_st_partnership_signed", columnNames: ["signed_on", "id"] }),
          new TableIndex({ name: "IDX_st_partnership_municipality", columnNames: ["municipality_id"] }),
          new TableIndex({ name: "IDX_st_partnership_agreement", columnNames: ["agreement_id"] }),
        ],
      }),
      false,
      true,
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: "st_partnership_person",
        columns: [
          { name: "partnership_id", type: "text", isPrimary: true },
          { name: "listing", type: "text", isPrimary: true },
          { name: "position", type: "integer", isPrimary: true },
          text("name"),
          text("role", true),
          text("organisation", true),
          text("party", true),
          text("basis"),
        ],
        foreignKeys: [references("partnership_id", "st_partnership", "CASCADE")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_partnership_field",
        columns: [
          { name: "partnership_id", type: "text", isPrimary: true },
          { name: "field", type: "text", isPrimary: true },
        ],
        foreignKeys: [references("partnership_id", "st_partnership", "CASCADE")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_prevention_body",
        columns: [
          id(),
          text("municipality_id"),
          text("name"),
          text("kind"),
          text("status"),
          text("date_on", true),
          text("date_precision"),
          text("note", true),
          json("actor_types"),
          json("sources"),
        ],
        foreignKeys: [references("municipality_id", "st_municipality")],
        indices: [new TableIndex({ name: "IDX_st_prevention_body_municipality", columnNames: ["municipality_id"] })],
      }),
      false,
      true,
      true,
    );

    await queryRunner.createTable(
      new Table({
        name: "st_event",
        columns: [
          id(),
          text("programme_id"),
          text("date_on", true),
          text("date_precision"),
          text("date_note", true),
          text("date_period", true),
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
        foreignKeys: [references("programme_id", "st_programme")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_indicator",
        columns: [
          id(),
          text("programme_id"),
          text("indicator"),
          text("label"),
          { name: "value", type: "real", isNullable: false },
          text("unit"),
          text("qualifier"),
          text("reference_on", true),
          text("reference_precision"),
          text("note", true),
          json("sources"),
        ],
        foreignKeys: [references("programme_id", "st_programme")],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "st_landespraeventionsrat",
        columns: [
          id(),
          text("name"),
          text("constituted_on", true),
          text("cabinet_decision_on", true),
          text("chaired_by", true),
          text("role", true),
          text("note", true),
          text("constitution_event_id", true),
          json("sources"),
        ],
        foreignKeys: [references("constitution_event_id", "st_event")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      "st_landespraeventionsrat",
      "st_indicator",
      "st_event",
      "st_prevention_body",
      "st_partnership_field",
      "st_partnership_person",
      "st_partnership",
      "st_municipality",
      "st_strategic_line",
      "st_joint_declaration",
      "st_programme",
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
