import { FieldOfAction, Source } from "@laenderhub/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltJointDeclaration } from "./joint-declaration.entity.js";
import { SachsenAnhaltProgramme } from "./programme.entity.js";

/** One strategic line (field of action) of the programme, in its own wording. */
@Entity("st_strategic_line")
@ObjectType("SachsenAnhaltStrategicLine", { description: "A strategic line of the programme in its own wording, with the shared fields of action it names" })
export class SachsenAnhaltStrategicLine {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-SL-<n>" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @ManyToOne(() => SachsenAnhaltProgramme, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "programme_id" })
  programme?: SachsenAnhaltProgramme;

  @Column("integer")
  @Field(() => Int)
  position!: number;

  @Column("text")
  @Field(() => String, { description: "The line as the programme's sources word it" })
  wording!: string;

  @Column("simple-json", { name: "fields_of_action" })
  @Field(() => [FieldOfAction], { description: "Shared fields of action the wording names (empty when it names none)" })
  fieldsOfAction!: FieldOfAction[];

  @Column("text", { name: "introduced_by_id", nullable: true })
  introducedById!: string | null;

  @ManyToOne(() => SachsenAnhaltJointDeclaration, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "introduced_by_id" })
  introducedBy?: SachsenAnhaltJointDeclaration;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
