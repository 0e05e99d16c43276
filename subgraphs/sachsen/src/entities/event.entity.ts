import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/** A programme event: congress, Fachtag, founding of a prevention council, … */
@Entity("event")
export class EventEntity {
  @PrimaryColumn("text")
  id!: string;

  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: "programme_id" })
  programme?: ProgrammeEntity;

  @Column("text", { name: "date_on", nullable: true })
  dateOn!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  /** Further days of a multi-day event, ISO prefixes. */
  @Column("simple-json", { name: "additional_dates" })
  additionalDates!: string[];

  @Column("text")
  title!: string;

  /** The data's event type code (CONFERENCE, PREVENTION_COUNCIL_FOUNDING, …). */
  @Column("text", { name: "event_type" })
  eventType!: string;

  /** A shared `SigningFormat`. */
  @Column("text", { nullable: true })
  format!: string | null;

  @Column("text", { nullable: true })
  place!: string | null;

  /** A shared `EventStatus`. */
  @Column("text")
  status!: string;

  @Column("text", { name: "participants_summary", nullable: true })
  participantsSummary!: string | null;

  /** Ids of the memberships the event concerns. */
  @Column("simple-json", { name: "related_ids" })
  relatedIds!: string[];

  @Column("simple-json")
  sources!: Source[];
}
