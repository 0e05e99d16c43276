import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DatePrecision, FuzzyDate, IndicatorQualifier, Source } from "@laenderhub/shared";
import { FLOAT_COLUMN } from "./columns.js";

/** A statement about money for the programme (none found for Saarland so far; see the funding note). */
@Entity("programme_funding")
@Index("idx_programme_funding_programme", ["programmeId", "position"])
@ObjectType("SaarlandFundingStatement", { description: "A cited statement about money for the programme" })
export class SaarlandFundingStatement {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id: programme id, FUND and its running number" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("integer")
  position!: number;

  @Column(FLOAT_COLUMN, { name: "amount_eur" })
  @Field(() => Float)
  amountEur!: number;

  @Column("text")
  @Field(() => IndicatorQualifier, { description: "EXACT where the source puts no qualifier on the amount" })
  qualifier!: IndicatorQualifier;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "The period the amount covers, as the source gives it" })
  period!: string | null;

  @Column("text", { name: "statement_on", nullable: true })
  statementIso!: string | null;

  @Column("text", { name: "statement_precision" })
  statementPrecision!: DatePrecision;

  statementDate!: FuzzyDate;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
