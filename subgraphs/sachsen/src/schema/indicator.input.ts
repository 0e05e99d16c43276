import { IndicatorQualifier, SourceInput } from "@laenderhub/shared";
import { Field, Float, ID, InputType } from "type-graphql";

@InputType("AsskommIndicatorInput", { description: "A programme figure to publish, with the date it refers to" })
export class AsskommIndicatorInput {
  @Field(() => ID, { nullable: true, description: "SN-I-…; omitted: the next free SN-I-<number>" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to SN-PRG-ASSKOMM" })
  programmeId?: string | null;

  @Field(() => String, { description: "Lower-case code: member_municipalities, prevention_councils, budget_eur, …" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String, { description: "municipalities, EUR, persons, …" })
  unit!: string;

  @Field(() => IndicatorQualifier, { nullable: true, description: "Defaults to EXACT (the source qualifies nothing)" })
  qualifier?: IndicatorQualifier | null;

  @Field(() => String, { nullable: true, description: "The date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD; not in the future" })
  referenceOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
