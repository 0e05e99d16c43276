import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Signatory, Source } from "@laenderhub/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/** A document the programme rests on (Kooperationsvereinbarung, Förderrichtlinie, …). */
@Entity("framework_document")
export class FrameworkDocumentEntity {
  @PrimaryColumn("text")
  id!: string;

  @Index("idx_framework_document_programme")
  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programme_id" })
  programme?: ProgrammeEntity;

  /** Order in which the sources list the documents. */
  @Column("integer")
  position!: number;

  @Column("text")
  title!: string;

  @Column("text", { name: "date_on", nullable: true })
  dateOn!: string | null;

  @Column("text", { name: "date_precision" })
  datePrecision!: string;

  @Column("text", { name: "date_note", nullable: true })
  dateNote!: string | null;

  @Column("simple-json")
  parties!: string[];

  @Column("simple-json")
  persons!: Signatory[];

  @Column("text", { nullable: true })
  description!: string | null;

  @Column("simple-json")
  sources!: Source[];
}
