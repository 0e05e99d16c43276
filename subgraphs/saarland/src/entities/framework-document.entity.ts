import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { DatePrecision, FuzzyDate, Signatory, Source } from "@laenderhub/shared";

/** A document the programme rests on (the Letter of Intent template, one per partner). */
@Entity("programme_document")
@Index("idx_programme_document_programme", ["programmeId", "position"])
@ObjectType("SaarlandFrameworkDocument", { description: "A document the programme rests on" })
export class SaarlandFrameworkDocument {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id: programme id, DOC and its running number (SL-PRG-SIPA-DOC-1)" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("integer")
  position!: number;

  @Column("text")
  @Field(() => String)
  title!: string;

  @Column("text", { name: "date_on", nullable: true })
  dateIso!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: DatePrecision;

  @Column("text", { name: "date_note", nullable: true })
  dateNote!: string | null;

  date!: FuzzyDate;

  @Column("simple-json")
  @Field(() => [String], { description: "Parties to the document as the sources name them" })
  parties!: string[];

  @Column("simple-json")
  @Field(() => [Signatory], { description: "People named with the document" })
  persons!: Signatory[];

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true })
  description!: string | null;

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
