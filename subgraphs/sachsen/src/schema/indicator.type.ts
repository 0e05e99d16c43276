import { FuzzyDate, IndicatorQualifier, Source } from "@laenderhub/shared";
import { Field, Float, ID, ObjectType } from "type-graphql";

@ObjectType("AsskommIndicator", { description: "A published programme figure with the date it refers to" })
export class AsskommIndicator {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  programmeId!: string;

  @Field(() => String, { description: "Indicator code (member_municipalities, prevention_councils, budget_eur, …)" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorQualifier)
  qualifier!: IndicatorQualifier;

  @Field(() => FuzzyDate, { description: "The date the figure refers to" })
  referenceOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("AsskommIndicatorSeries", { description: "The figures of one indicator code over time" })
export class AsskommIndicatorSeries {
  @Field(() => String)
  indicator!: string;

  @Field(() => [AsskommIndicator], { description: "Oldest first; figures whose date is unknown come last" })
  figures!: AsskommIndicator[];

  @Field(() => AsskommIndicator, { nullable: true, description: "The figure with the most recent known date" })
  latest!: AsskommIndicator | null;

  @Field(() => [Source], { description: "Sources of all its figures" })
  sources!: Source[];
}
