import { EventStatus, SigningFormat, SourceInput } from "@laenderhub/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType("AsskommEventInput", { description: "A programme event to record: congress, Fachtag, founding of a prevention council, …" })
export class AsskommEventInput {
  @Field(() => ID, { nullable: true, description: "SN-E-…; omitted: the next free SN-E-<number>" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to SN-PRG-ASSKOMM" })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD; not in the future for an event that was held" })
  occursOn?: string | null;

  @Field(() => [String], { nullable: true, description: "Further days of a multi-day event" })
  alsoOccursOn?: string[] | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "Upper-case code: CONFERENCE, WORKSHOP_SERIES, PREVENTION_COUNCIL_FOUNDING, LOCAL_MEETING, …" })
  eventType!: string;

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => EventStatus, { nullable: true, description: "Defaults to HELD" })
  status?: EventStatus | null;

  @Field(() => String, { nullable: true })
  participantsSummary?: string | null;

  @Field(() => [ID], { nullable: true, description: "Ids of the memberships the event concerns" })
  relatedIds?: string[] | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
