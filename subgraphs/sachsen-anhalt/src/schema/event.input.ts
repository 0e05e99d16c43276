import { SourceInput } from "@laenderhub/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType("SachsenAnhaltEventInput", { description: "An event of the programme to record" })
export class SachsenAnhaltEventInput {
  @Field(() => ID, { nullable: true, description: "ST-E-…; left out, the next free id is assigned" })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "Programme id; defaults to ST-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD; not in the future for an event that was HELD" })
  date?: string | null;

  @Field(() => String, { nullable: true, description: "A half-year (YYYY-H1, YYYY-H2) where the sources give no closer date" })
  datePeriod?: string | null;

  @Field(() => String, { nullable: true })
  dateNote?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, {
    description: "SIGNING, CONFERENCE, REGIONAL_CONFERENCE_SERIES, INSTITUTIONAL, LOCAL_EVENT, LOCAL_MEETING, ROUND_TABLE, WORKSHOP_SERIES or PREVENTION_COUNCIL_FOUNDING",
  })
  eventType!: string;

  @Field(() => String, { nullable: true, description: "SigningFormat: IN_PERSON, VIDEOCONFERENCE or HYBRID" })
  format?: string | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { description: "EventStatus: HELD, ANNOUNCED, CANCELLED or ANNOUNCED_NOT_CONFIRMED" })
  status!: string;

  @Field(() => String, { nullable: true })
  participantsSummary?: string | null;

  @Field(() => [String], { nullable: true, description: "Further dates or periods as the sources give them" })
  additionalDates?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the partnerships the event concerns (ST-P-…)" })
  relatedIds?: string[] | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
