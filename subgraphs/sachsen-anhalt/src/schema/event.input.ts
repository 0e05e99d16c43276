import { EventStatus, SigningFormat, SourceInput } from "@laenderhub/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType("SachsenAnhaltEventInput", { description: "An event of the programme to record" })
export class SachsenAnhaltEventInput {
  @Field(() => ID, { nullable: true, description: "ST-E-…; left out, the next free id is assigned" })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "Programme id; defaults to ST-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "When it takes place: YYYY, YYYY-MM or YYYY-MM-DD; not in the future for an event that was HELD" })
  occursOn?: string | null;

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

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => String, { nullable: true })
  participantsSummary?: string | null;

  @Field(() => [String], { nullable: true, description: "Further dates or periods as the sources give them" })
  alsoOccursOn?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the partnerships the event concerns (ST-P-…)" })
  relatedIds?: string[] | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
