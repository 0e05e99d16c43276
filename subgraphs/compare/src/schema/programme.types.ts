import { Field, Float, ID, ObjectType } from "type-graphql";
import { ActorType, EventStatus, FuzzyDate, IndicatorQualifier, PreventionBodyStatus, ProgrammeKind, SigningFormat, Source, StateCode } from "@laenderhub/shared";

@ObjectType("StateProgramme", { description: "A state programme in the shared vocabulary (the state subgraph has the full record)" })
export class StateProgramme {
  @Field(() => ID)
  id!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  shortName!: string;

  @Field(() => ProgrammeKind)
  kind!: ProgrammeKind;

  @Field(() => String, { nullable: true })
  responsibleMinistry!: string | null;

  @Field(() => String, { nullable: true })
  coordinatingBody!: string | null;

  @Field(() => FuzzyDate, { description: "Start with the precision the sources give" })
  startOn!: FuzzyDate;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("ProgrammeEvent", { description: "A conference, round table, signing ceremony or founding in a state programme" })
export class ProgrammeEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  programmeId!: string;

  @Field(() => FuzzyDate, { name: "occursOn", description: "When the event takes place, with the precision the sources give" })
  date!: FuzzyDate;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: "Event type as the state records it (CONFERENCE, ROUND_TABLE, SIGNING, …)" })
  eventType!: string;

  @Field(() => SigningFormat, { nullable: true })
  format!: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => EventStatus)
  status!: EventStatus;

  @Field(() => String, { nullable: true })
  participantsSummary!: string | null;

  @Field(() => [ID], { description: "Ids of related records (participations, …)" })
  relatedIds!: string[];

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("ProgrammeIndicator", { description: "A programme figure a source publishes, with the date it refers to" })
export class ProgrammeIndicator {
  @Field(() => ID)
  id!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  programmeId!: string;

  @Field(() => String, { description: "Indicator code, e.g. member_municipalities, partnerships_total" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorQualifier, { description: "EXACT, or the qualifier the source puts on the figure (more than, about)" })
  qualifier!: IndicatorQualifier;

  @Field(() => FuzzyDate, { description: "The date the figure refers to" })
  referenceOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("MunicipalPreventionBody", { description: "A municipal prevention council or similar body, as the owning state records it" })
export class MunicipalPreventionBody {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "Kind of body as the state records it (e.g. PREVENTION_COUNCIL)" })
  kind!: string;

  @Field(() => PreventionBodyStatus)
  status!: PreventionBodyStatus;

  @Field(() => FuzzyDate, { name: "statusOn", description: "Founding or status date with the precision the sources give" })
  date!: FuzzyDate;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [ActorType], { description: "Kinds of actors a source names as members (empty where none is named)" })
  actorTypes!: ActorType[];

  @Field(() => [Source])
  sources!: Source[];
}
