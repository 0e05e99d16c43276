import { ActorType, PreventionBodyStatus, Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltMunicipality } from "./municipality.entity.js";

/** A kommunales Präventionsgremium (Kriminalpräventiver Rat or Beirat) of a municipality. */
@Entity("st_prevention_body")
@Index("IDX_st_prevention_body_municipality", ["municipalityId"])
@ObjectType("SachsenAnhaltPreventionBody", { description: "A kommunales Präventionsgremium of a Sachsen-Anhalt municipality" })
export class SachsenAnhaltPreventionBody {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-PB-<municipality key>-<n>" })
  id!: string;

  @Column("text", { name: "municipality_id" })
  municipalityId!: string;

  @ManyToOne(() => SachsenAnhaltMunicipality, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "municipality_id" })
  municipality?: SachsenAnhaltMunicipality;

  @Column("text")
  @Field(() => String)
  name!: string;

  @Column("text")
  @Field(() => String, { description: "Kind of body as the dataset records it (e.g. PREVENTION_COUNCIL)" })
  kind!: string;

  @Column("text")
  @Field(() => PreventionBodyStatus)
  status!: PreventionBodyStatus;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column("simple-json", { name: "actor_types" })
  @Field(() => [ActorType], { description: "Kinds of actors in the body, only where a source or note names them" })
  actorTypes!: ActorType[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
