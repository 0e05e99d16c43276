import { IndicatorQualifier, Source } from "@laenderhub/shared";
import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltProgramme } from "./programme.entity.js";

/** One figure of the programme at one reference date; several per indicator form a time series. */
@Entity("st_indicator")
@ObjectType("SachsenAnhaltIndicator", { description: "A programme figure with the date it refers to" })
export class SachsenAnhaltIndicator {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-I-<n>" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @ManyToOne(() => SachsenAnhaltProgramme, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "programme_id" })
  programme?: SachsenAnhaltProgramme;

  @Column("text")
  @Field(() => String, { description: "Indicator code, e.g. lpr_members, event_participants" })
  indicator!: string;

  @Column("text")
  @Field(() => String)
  label!: string;

  @Column("real")
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
  referencePrecision!: string;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
