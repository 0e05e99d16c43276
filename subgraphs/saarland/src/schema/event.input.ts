import { Field, ID, InputType } from "type-graphql";
import { EventStatus, SigningFormat, SourceInput } from "@laenderhub/shared";

@InputType("SaarlandEventInput", { description: "A conference, round table or ceremony of the Saarland programme" })
export class EventInput {
  @Field(() => ID, { nullable: true, description: "SL-E-<n>; omitted: the next free id" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "Omitted: SL-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "When it takes place: YYYY, YYYY-MM or YYYY-MM-DD; a HELD event cannot lie in the future" })
  occursOn?: string | null;

  @Field(() => [String], { nullable: true, description: "Further dates as the sources give them" })
  alsoOccursOn?: string[] | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "Upper-case code: ROUND_TABLE, CONFERENCE, SIGNING_CEREMONY, …" })
  eventType!: string;

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => EventStatus, { nullable: true, defaultValue: EventStatus.HELD })
  status?: EventStatus | null;

  @Field(() => String, { nullable: true })
  participantsSummary?: string | null;

  @Field(() => [ID], { nullable: true, description: "Partnerships the event concerns (must exist)" })
  relatedIds?: string[] | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
