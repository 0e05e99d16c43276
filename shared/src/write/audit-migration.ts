import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { AuditEntry } from "./audit-entry.js";

/**
 * Creates `audit_entry`. Portable (createTable runs on SQLite and PostgreSQL); its early
 * timestamp lets it run before any state migration, and nothing references it.
 */
export class CreateAuditEntry1700000000000 implements MigrationInterface {
  name = "CreateAuditEntry1700000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: "audit_entry",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: "increment" },
          { name: "record_type", type: "text" },
          { name: "record_id", type: "text" },
          { name: "state", type: "text" },
          { name: "action", type: "text" },
          { name: "actor_subject", type: "text" },
          { name: "actor_state", type: "text", isNullable: true },
          { name: "actor_role", type: "text", isNullable: true },
          { name: "at", type: "text" },
          { name: "source", type: "text" },
          { name: "changed_fields", type: "text" },
          { name: "before_json", type: "text", isNullable: true },
          { name: "after_json", type: "text", isNullable: true },
          { name: "note", type: "text", isNullable: true },
        ],
      }),
      true,
    );
    await queryRunner.createIndex("audit_entry", new TableIndex({ name: "idx_audit_entry_record", columnNames: ["record_id"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("audit_entry", "idx_audit_entry_record");
    await queryRunner.dropTable("audit_entry");
  }
}

/** Entities of the write path: every state subgraph lists these with its own. */
export const WRITE_ENTITIES = [AuditEntry];

/** Migrations of the write path: every state subgraph lists these with its own. */
export const WRITE_MIGRATIONS = [CreateAuditEntry1700000000000];
