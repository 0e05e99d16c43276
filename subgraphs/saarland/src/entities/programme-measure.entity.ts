import { Field, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { FieldOfAction, Source } from "@laenderhub/shared";
import { MeasureOrigin, PartnershipMeasure } from "../schema/measure.js";

/**
 * A measure of the programme's Letter of Intent, worded as the programme record words it and
 * cited with the programme-level sources. Partnerships point at these through
 * `partnership_measure`.
 */
@Entity("programme_measure")
@ObjectType("SaarlandAgreedMeasure", { description: "A measure partners agree on, in the programme's wording, with the programme-level sources" })
export class SaarlandAgreedMeasure {
  @PrimaryColumn("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @PrimaryColumn("text")
  @Field(() => PartnershipMeasure)
  measure!: PartnershipMeasure;

  @Column("integer")
  position!: number;

  @Column("text")
  @Field(() => String, { description: "The programme record's wording" })
  wording!: string;

  @Column("text")
  @Field(() => MeasureOrigin)
  origin!: MeasureOrigin;

  @Column("simple-json")
  @Field(() => [FieldOfAction], { description: "The shared fields of action the wording names" })
  fields!: FieldOfAction[];

  /** Null when the measure belongs to every partnership; else the municipalities the wording names. */
  @Column("simple-json", { name: "municipality_ids", nullable: true })
  @Field(() => [String], { nullable: true, description: "Only these municipalities, where the programme's wording names them; null for every partnership" })
  municipalityIds!: string[] | null;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}

/** Which partnership agrees on which programme measure. */
@Entity("partnership_measure")
export class SaarlandPartnershipMeasureLink {
  @PrimaryColumn("text", { name: "partnership_id" })
  partnershipId!: string;

  @PrimaryColumn("text")
  measure!: PartnershipMeasure;

  @Column("text", { name: "programme_id" })
  programmeId!: string;
}
