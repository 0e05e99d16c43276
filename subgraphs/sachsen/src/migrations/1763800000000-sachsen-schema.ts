import { Table, type MigrationInterface, type QueryRunner, type TableColumnOptions } from "typeorm";

// Column helpers: the portable TypeORM Table API, so one migration serves SQLite and PostgreSQL.
const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: "text", isNullable: nullable });
const integer = (name: string, nullable = false): TableColumnOptions => ({ name, type: "integer", isNullable: nullable });
const double = (name: string): TableColumnOptions => ({ name, type: "double precision", isNullable: false });
const id = (): TableColumnOptions => ({ name: "id", type: "text", isPrimary: true });

/** Tables of the ASSKomm programme, its memberships, events, figures and the municipal register. */
export class SachsenSchema1763800000000 implements MigrationInterface {
  name = "SachsenSchema1763800000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "programme",
        columns: [
          id(),
          text("state"),
          text("name"),
          text("short_name"),
          text("kind"),
          text("kind_description", true),
          text("responsible_ministry", true),
          text("coordinating_body", true),
          text("coordinating_body_sources"),
          text("start_on", true),
          text("start_precision"),
          text("start_period", true),
          text("start_note", true),
          text("fields_of_action"),
          text("fields_of_action_sources"),
          text("offers"),
          text("offers_sources"),
          text("notes"),
          integer("participation_count_recorded", true),
          text("sources"),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "framework_document",
        columns: [
          id(),
          text("programme_id"),
          integer("position"),
          text("title"),
          text("date_on", true),
          text("date_precision"),
          text("date_note", true),
          text("parties"),
          text("persons"),
          text("description", true),
          text("sources"),
        ],
        foreignKeys: [{ name: "fk_framework_document_programme", columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ name: "idx_framework_document_programme", columnNames: ["programme_id"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "funding_statement",
        columns: [
          id(),
          text("programme_id"),
          integer("position"),
          double("amount_eur"),
          text("qualifier"),
          text("qualifier_text", true),
          text("period", true),
          text("statement_on", true),
          text("statement_precision"),
          text("description", true),
          text("sources"),
        ],
        foreignKeys: [{ name: "fk_funding_statement_programme", columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ name: "idx_funding_statement_programme", columnNames: ["programme_id"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "municipality",
        columns: [
          id(),
          text("name"),
          text("sort_name"),
          text("ags", true),
          text("landkreis", true),
          text("landkreis_note", true),
          text("type", true),
          text("ags_note", true),
          text("ags_sources"),
          text("other_sources"),
        ],
        // A unique index allows any number of NULLs on both databases: unknown AGS stay unknown.
        indices: [{ name: "uq_municipality_ags", columnNames: ["ags"], isUnique: true }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "membership",
        columns: [
          id(),
          text("programme_id"),
          text("municipality_id"),
          text("stage"),
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
          text("parties"),
          text("polizeidirektion", true),
          text("notes"),
          text("status"),
          text("ended_on", true),
          text("pre_agreement_id", true),
          text("sources"),
        ],
        foreignKeys: [
          { name: "fk_membership_programme", columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] },
          { name: "fk_membership_municipality", columnNames: ["municipality_id"], referencedTableName: "municipality", referencedColumnNames: ["id"] },
          { name: "fk_membership_pre_agreement", columnNames: ["pre_agreement_id"], referencedTableName: "membership", referencedColumnNames: ["id"] },
        ],
        indices: [
          { name: "idx_membership_municipality", columnNames: ["municipality_id"] },
          { name: "idx_membership_stage", columnNames: ["stage"] },
          { name: "idx_membership_agreement", columnNames: ["agreement_id"] },
          { name: "idx_membership_polizeidirektion", columnNames: ["polizeidirektion"] },
          { name: "idx_membership_pre_agreement", columnNames: ["pre_agreement_id"] },
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "membership_person",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          text("membership_id"),
          text("listed_as"),
          integer("position"),
          text("name"),
          text("role", true),
          text("organisation", true),
          text("party", true),
          text("basis"),
        ],
        foreignKeys: [{ name: "fk_membership_person_membership", columnNames: ["membership_id"], referencedTableName: "membership", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
        indices: [{ name: "idx_membership_person_membership", columnNames: ["membership_id"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "membership_field",
        columns: [
          { name: "membership_id", type: "text", isPrimary: true },
          { name: "field", type: "text", isPrimary: true },
        ],
        foreignKeys: [{ name: "fk_membership_field_membership", columnNames: ["membership_id"], referencedTableName: "membership", referencedColumnNames: ["id"], onDelete: "CASCADE" }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "event",
        columns: [
          id(),
          text("programme_id"),
          text("date_on", true),
          text("date_precision"),
          text("additional_dates"),
          text("title"),
          text("event_type"),
          text("format", true),
          text("place", true),
          text("status"),
          text("participants_summary", true),
          text("related_ids"),
          text("sources"),
        ],
        foreignKeys: [{ name: "fk_event_programme", columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "indicator",
        columns: [
          id(),
          text("programme_id"),
          text("indicator"),
          text("label"),
          double("value"),
          text("unit"),
          text("qualifier"),
          text("reference_on", true),
          text("reference_precision"),
          text("note", true),
          text("sources"),
        ],
        foreignKeys: [{ name: "fk_indicator_programme", columnNames: ["programme_id"], referencedTableName: "programme", referencedColumnNames: ["id"] }],
        indices: [{ name: "idx_indicator_code", columnNames: ["indicator"] }],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: "prevention_body",
        columns: [
          id(),
          text("municipality_id"),
          text("name"),
          text("kind"),
          text("status"),
          text("date_on", true),
          text("date_precision"),
          text("note", true),
          text("actor_types"),
          text("sources"),
        ],
        foreignKeys: [{ name: "fk_prevention_body_municipality", columnNames: ["municipality_id"], referencedTableName: "municipality", referencedColumnNames: ["id"] }],
        indices: [{ name: "idx_prevention_body_municipality", columnNames: ["municipality_id"] }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ["prevention_body", "indicator", "event", "membership_field", "membership_person", "membership", "municipality", "funding_statement", "framework_document", "programme"]) {
      await queryRunner.dropTable(table);
    }
  }
}
