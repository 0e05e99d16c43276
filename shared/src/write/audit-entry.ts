import { GraphQLJSON } from "graphql-scalars";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { StateCode } from "../vocabulary.js";

/** What a change did to a record. Records are never deleted: a participation is ENDED. */
export enum HistoryAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  END = "END",
  ATTACH_SOURCES = "ATTACH_SOURCES",
}

/** Where a change came from. */
export enum ChangeSource {
  API = "api",
  IMPORT = "import",
  SEED = "seed",
}

registerEnumType(HistoryAction, { name: "HistoryAction", description: "What a change did to a record (records are ended, never deleted)" });
registerEnumType(ChangeSource, { name: "ChangeSource", description: "Where a change came from: the GraphQL API, a bulk import, or the cited seed data" });

/** Who made a change. */
@ObjectType("HistoryActor", { description: "Who made a change: the token subject, or the operator named on an import" })
@Directive("@shareable")
export class HistoryActor {
  @Field(() => String)
  subject!: string;

  @Field(() => StateCode, { nullable: true, description: "The actor's state (from the token)" })
  state!: string | null;

  @Field(() => String, { nullable: true, description: "editor or viewer (from the token); null for imports and seeds" })
  role!: string | null;
}

/**
 * One audited change to one record, written in the same transaction as the change itself.
 * Served as `HistoryEntry`; `before` and `after` are JSON snapshots of the record.
 */
@Entity("audit_entry")
@Index("idx_audit_entry_record", ["recordId"])
@ObjectType("HistoryEntry", { description: "One audited change to a record: who, when, what, before and after" })
@Directive("@shareable")
export class AuditEntry {
  // Serial ids give history a total order even when two changes share a millisecond.
  @PrimaryGeneratedColumn("increment", { type: "integer" })
  @Field(() => ID)
  id!: number;

  @Column("text", { name: "record_type" })
  @Field(() => String, { description: "GraphQL type of the record (a state's participation, event or figure type)" })
  recordType!: string;

  @Column("text", { name: "record_id" })
  @Field(() => ID)
  recordId!: string;

  @Column("text")
  @Field(() => StateCode, { description: "The state that owns the record" })
  state!: string;

  @Column("text")
  @Field(() => HistoryAction)
  action!: HistoryAction;

  @Column("text", { name: "actor_subject" })
  actorSubject!: string;

  @Column("text", { name: "actor_state", nullable: true })
  actorState!: string | null;

  @Column("text", { name: "actor_role", nullable: true })
  actorRole!: string | null;

  @Column("text")
  @Field(() => String, { description: "When the change was made (ISO 8601 timestamp, UTC)" })
  at!: string;

  @Column("text")
  @Field(() => ChangeSource)
  source!: ChangeSource;

  @Column("simple-json", { name: "changed_fields" })
  @Field(() => [String], { description: "Top-level fields whose value differs between before and after" })
  changedFields!: string[];

  @Column("simple-json", { name: "before_json", nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: "The record before the change; null on CREATE" })
  before!: unknown;

  @Column("simple-json", { name: "after_json", nullable: true })
  @Field(() => GraphQLJSON, { nullable: true, description: "The record after the change" })
  after!: unknown;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Free-text reason given with the change" })
  note!: string | null;

  @Field(() => HistoryActor)
  get actor(): HistoryActor {
    return { subject: this.actorSubject, state: this.actorState, role: this.actorRole };
  }
}
