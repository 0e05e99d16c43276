import { Signatory, Source } from "@laenderhub/shared";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltProgramme } from "./programme.entity.js";

/**
 * A Gemeinsame Erklärung of the interior ministry with the kommunale Spitzenverbände (the
 * programme's framework documents: the 2004 declaration and its 2017 Fortschreibung).
 */
@Entity("st_joint_declaration")
@ObjectType("SachsenAnhaltJointDeclaration", { description: "A Gemeinsame Erklärung of the interior ministry with the kommunale Spitzenverbände" })
export class SachsenAnhaltJointDeclaration {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "ST-JD-<year>" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @ManyToOne(() => SachsenAnhaltProgramme, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "programme_id" })
  programme?: SachsenAnhaltProgramme;

  @Column("integer")
  @Field(() => Int, { description: "Order within the programme's framework documents" })
  position!: number;

  @Column("text")
  @Field(() => String)
  title!: string;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  @Column("text", { name: "date_note", nullable: true })
  dateNote!: string | null;

  @Column("simple-json")
  @Field(() => [String], { description: "The parties as the sources name them" })
  parties!: string[];

  @Column("simple-json")
  @Field(() => [Signatory], { description: "People named with the declaration and how (announced signer, quoted, ...)" })
  persons!: Signatory[];

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column("text", { name: "supersedes_id", nullable: true })
  supersedesId!: string | null;

  @ManyToOne(() => SachsenAnhaltJointDeclaration, { onDelete: "RESTRICT", nullable: true })
  @JoinColumn({ name: "supersedes_id" })
  supersedes?: SachsenAnhaltJointDeclaration;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
