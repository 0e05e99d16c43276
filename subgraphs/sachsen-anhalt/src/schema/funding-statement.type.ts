import { FuzzyDate, IndicatorQualifier, Source } from "@laenderhub/shared";
import { Field, Float, ObjectType } from "type-graphql";

/** A funding statement as stored on the programme row (ISO prefix, not yet a FuzzyDate). */
export interface SachsenAnhaltFundingStatementRecord {
  amountEur: number;
  qualifier: IndicatorQualifier;
  period: string | null;
  statementIso: string | null;
  description: string | null;
  sources: Source[];
}

@ObjectType("SachsenAnhaltFundingStatement", { description: "A statement about programme funding" })
export class SachsenAnhaltFundingStatement {
  @Field(() => Float)
  amountEur!: number;

  @Field(() => IndicatorQualifier)
  qualifier!: IndicatorQualifier;

  @Field(() => String, { nullable: true })
  period!: string | null;

  @Field(() => FuzzyDate, { description: "When the statement was made" })
  statementOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => [Source])
  sources!: Source[];
}
