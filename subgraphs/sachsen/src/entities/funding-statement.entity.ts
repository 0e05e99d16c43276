import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";
import { ProgrammeEntity } from "./programme.entity.js";

/** A published statement about the programme's money: amount, period, and when it was said. */
@Entity("funding_statement")
export class FundingStatementEntity {
  @PrimaryColumn("text")
  id!: string;

  @Index("idx_funding_statement_programme")
  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "programme_id" })
  programme?: ProgrammeEntity;

  @Column("integer")
  position!: number;

  @Column("double precision", { name: "amount_eur" })
  amountEur!: number;

  /** A shared `IndicatorQualifier` (EXACT where the source gives none). */
  @Column("text")
  qualifier!: string;

  /** The qualifier as the source words it ("total", "per year", "about", …). */
  @Column("text", { name: "qualifier_text", nullable: true })
  qualifierText!: string | null;

  @Column("text", { nullable: true })
  period!: string | null;

  @Column("text", { name: "statement_on", nullable: true })
  statementOn!: string | null;

  @Column("text", { name: "statement_precision" })
  statementPrecision!: string;

  @Column("text", { nullable: true })
  description!: string | null;

  @Column("simple-json")
  sources!: Source[];
}
