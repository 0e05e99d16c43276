import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/** One published programme figure with the date it refers to; same code, several dates = a series. */
@Entity("indicator")
export class IndicatorEntity {
  @PrimaryColumn("text")
  id!: string;

  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: "programme_id" })
  programme?: ProgrammeEntity;

  /** The data's indicator code (member_municipalities, prevention_councils, budget_eur, …). */
  @Index("idx_indicator_code")
  @Column("text")
  indicator!: string;

  @Column("text")
  label!: string;

  @Column("double precision")
  value!: number;

  @Column("text")
  unit!: string;

  /** A shared `IndicatorQualifier`. */
  @Column("text")
  qualifier!: string;

  @Column("text", { name: "reference_on", nullable: true })
  referenceOn!: string | null;

  @Column("text", { name: "reference_precision" })
  referencePrecision!: string;

  @Column("text", { nullable: true })
  note!: string | null;

  @Column("simple-json")
  sources!: Source[];
}
