import { Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltEvent } from "./event.entity.js";

/** The Landespräventionsrat Sachsen-Anhalt, the state body that supports local prevention bodies. */
@Entity("st_landespraeventionsrat")
@ObjectType("SachsenAnhaltLandespraeventionsrat", { description: "The Landespräventionsrat Sachsen-Anhalt" })
export class SachsenAnhaltLandespraeventionsrat {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-LPR" })
  id!: string;

  @Column("text")
  @Field(() => String)
  name!: string;

  @Column("text", { name: "constituted_on", nullable: true })
  constitutedIso!: string | null;

  @Column("text", { name: "cabinet_decision_on", nullable: true })
  cabinetDecisionIso!: string | null;

  @Column("text", { name: "chaired_by", nullable: true })
  @Field(() => String, { nullable: true, description: "Who chairs it, as the sources put it" })
  chairedBy!: string | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Its role in the programme" })
  role!: string | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "The dataset's note the facts were taken from" })
  note!: string | null;

  @Column("text", { name: "constitution_event_id", nullable: true })
  constitutionEventId!: string | null;

  @ManyToOne(() => SachsenAnhaltEvent, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "constitution_event_id" })
  constitutionEvent?: SachsenAnhaltEvent;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
