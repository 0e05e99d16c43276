import { IndicatorQualifier, SourceInput } from "@laenderhub/shared";
import { Field, Float, ID, InputType } from "type-graphql";

@InputType("SachsenAnhaltIndicatorInput", { description: "A programme figure at the date it refers to" })
export class SachsenAnhaltIndicatorInput {
  @Field(() => ID, { nullable: true, description: "ST-I-…; left out, the next free id is assigned" })
  id?: string | null;

  @Field(() => String, { nullable: true, description: "Programme id; defaults to ST-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { description: "Indicator code in snake_case, e.g. lpr_members, event_participants" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Float, { description: "The figure (not negative)" })
  value!: number;

  @Field(() => String)
  unit!: string;

  @Field(() => IndicatorQualifier, { nullable: true, description: "EXACT when omitted" })
  qualifier?: IndicatorQualifier | null;

  @Field(() => String, { nullable: true, description: "The date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD, not in the future" })
  referenceOn?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}
