import { EventStatus, FuzzyDate, SigningFormat, Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("AsskommEvent", { description: "A programme event: congress, Fachtag, founding of a prevention council, …" })
export class AsskommEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  programmeId!: string;

  @Field(() => FuzzyDate, { description: "When the event takes place, with the precision the sources give" })
  occursOn!: FuzzyDate;

  @Field(() => [FuzzyDate], { description: "Further days of a multi-day event" })
  alsoOccursOn!: FuzzyDate[];

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "CONFERENCE, WORKSHOP_SERIES, PREVENTION_COUNCIL_FOUNDING, …" })
  eventType!: string;

  @Field(() => SigningFormat, { nullable: true })
  format!: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => String, { nullable: true })
  participantsSummary!: string | null;

  @Field(() => [ID], { description: "Ids of the memberships the event concerns" })
  relatedIds!: string[];

  @Field(() => [Source])
  sources!: Source[];
}
