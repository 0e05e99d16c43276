import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { DatePrecision, EventStatus, FuzzyDate, SigningFormat, Source, StateCode } from "@laenderhub/shared";

/** A conference, round table or ceremony of the Saarland programme. */
@Entity("event")
@ObjectType("SaarlandEvent", { description: "A conference, round table or ceremony of the Saarland programme" })
export class SaarlandEvent {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id from the data (SL-E-001)" })
  id!: string;

  @Column("text")
  @Field(() => StateCode)
  state!: StateCode;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: DatePrecision;

  date!: FuzzyDate;

  /** Further dates as the data gives them (ISO days, or free text where no date is known). */
  @Column("simple-json", { name: "additional_dates" })
  additionalDates!: string[];

  @Column("text")
  @Field(() => String)
  title!: string;

  @Column("text", { name: "event_type" })
  @Field(() => String, { description: "ROUND_TABLE, CONFERENCE, SIGNING_CEREMONY, ..." })
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
  @Field(() => String, { nullable: true, description: "Who took part and what came of it, as the data words it" })
  participantsSummary!: string | null;

  @Column("simple-json", { name: "related_ids" })
  @Field(() => [ID], { description: "Ids of partnerships the event concerns" })
  relatedIds!: string[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
