import { EventStatus, SigningFormat, Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltProgramme } from "./programme.entity.js";

/**
 * An event of the programme: signings of the joint declaration, Fachtagungen,
 * Landespräventionstage, the announced Regionalkonferenzen, institutional milestones.
 */
@Entity("st_event")
@ObjectType("SachsenAnhaltEvent", { description: "An event of the Sachsen-Anhalt programme" })
export class SachsenAnhaltEvent {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-E-<n>" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @ManyToOne(() => SachsenAnhaltProgramme, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "programme_id" })
  programme?: SachsenAnhaltProgramme;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  @Column("text", { name: "date_note", nullable: true })
  dateNote!: string | null;

  @Column("text", { name: "date_period", nullable: true })
  @Field(() => String, { nullable: true, description: "The period where the sources give less than a month (e.g. 2017-H2)" })
  datePeriod!: string | null;

  @Column("simple-json", { name: "additional_dates" })
  additionalDates!: string[];

  @Column("text")
  @Field(() => String)
  title!: string;

  @Column("text", { name: "event_type" })
  @Field(() => String, { description: "SIGNING, CONFERENCE, REGIONAL_CONFERENCE_SERIES, INSTITUTIONAL, LOCAL_EVENT, ..." })
  eventType!: string;

  @Column("text", { nullable: true })
  @Field(() => SigningFormat, { nullable: true })
  format!: SigningFormat | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  place!: string | null;

  @Column("text")
  @Field(() => EventStatus)
  status!: EventStatus;

  @Column("text", { name: "participants_summary", nullable: true })
  @Field(() => String, { nullable: true })
  participantsSummary!: string | null;

  @Column("simple-json", { name: "related_ids" })
  @Field(() => [String], { description: "Ids of the participations the event concerns" })
  relatedIds!: string[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
