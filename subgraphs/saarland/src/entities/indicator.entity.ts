import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DatePrecision, FuzzyDate, IndicatorQualifier, Source, StateCode } from "@laenderhub/shared";
import { FLOAT_COLUMN } from "./columns.js";

/** One figure of the programme at the date it refers to; figures with one code form a time series. */
@Entity("indicator")
@Index("idx_indicator_code", ["indicator", "referenceIso"])
@ObjectType("SaarlandIndicator", { description: "A programme figure at the date it refers to" })
export class SaarlandIndicator {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id from the data (SL-I-003)" })
  id!: string;

  @Column("text")
  @Field(() => StateCode)
  state!: StateCode;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("text")
  @Field(() => String, { description: "Indicator code (partnerships_total)" })
  indicator!: string;

  @Column("text")
  @Field(() => String)
  label!: string;

  @Column(FLOAT_COLUMN)
  @Field(() => Float)
  value!: number;

  @Column("text")
  @Field(() => String)
  unit!: string;

  @Column("text")
  @Field(() => IndicatorQualifier, { description: "EXACT where the source puts no qualifier on the figure" })
  qualifier!: IndicatorQualifier;

  @Column("text", { name: "reference_on", nullable: true })
  referenceIso!: string | null;

  @Column("text", { name: "reference_precision" })
  referencePrecision!: DatePrecision;

  referenceDate!: FuzzyDate;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
