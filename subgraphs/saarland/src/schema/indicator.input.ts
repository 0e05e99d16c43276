import { Field, Float, ID, InputType } from "type-graphql";
import { IndicatorQualifier, SourceInput } from "@laenderhub/shared";

@InputType("SaarlandIndicatorInput", { description: "A programme figure at the date it refers to" })
export class IndicatorInput {
  @Field(() => ID, { nullable: true, description: "SL-I-<n>; omitted: the next free id" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "Omitted: SL-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { description: "Lower snake case code (partnerships_total); figures with one code form a time series" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float)
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorQualifier, { nullable: true, defaultValue: IndicatorQualifier.EXACT })
  qualifier?: IndicatorQualifier | null;

  @Field(() => String, { nullable: true, description: "The date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD, not in the future" })
  referenceOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
