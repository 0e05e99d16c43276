import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import type { Source } from "@laenderhub/shared";
import { MunicipalityEntity } from "./municipality.entity.js";
import { ProgrammeEntity } from "./programme.entity.js";

/**
 * One municipality's membership in ASSKomm under one instrument (model municipality,
 * Vorvereinbarung, Kooperationsvereinbarung, or participation stated by the LPR).
 */
@Entity("membership")
// The contract's sort indexes (expressions, created by the ContractTally migration): TypeORM keeps its hands off.
@Index("cmp_sort_asc_membership", { synchronize: false })
@Index("cmp_sort_desc_membership", { synchronize: false })
export class MembershipEntity {
  /** The data's id (`SN-P-007`, `SN-P-M01`, `SN-P-013a`). */
  @PrimaryColumn("text")
  id!: string;

  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => ProgrammeEntity)
  @JoinColumn({ name: "programme_id" })
  programme?: ProgrammeEntity;

  @Index("idx_membership_municipality")
  @Column("text", { name: "municipality_id" })
  municipalityId!: string;

  @ManyToOne(() => MunicipalityEntity)
  @JoinColumn({ name: "municipality_id" })
  municipality?: MunicipalityEntity;

  /** An `AsskommStage`. */
  @Index("idx_membership_stage")
  @Column("text")
  stage!: string;

  @Column("text", { name: "instrument_label", nullable: true })
  instrumentLabel!: string | null;

  /** Groups the members of one joint agreement; a single agreement's id otherwise. */
  @Index("idx_membership_agreement")
  @Column("text", { name: "agreement_id" })
  agreementId!: string;

  /** The association that signed a joint agreement (Städtebund, Verwaltungsgemeinschaft, …). */
  @Column("text", { name: "group_name", nullable: true })
  groupName!: string | null;

  @Column("text", { name: "group_kind", nullable: true })
  groupKind!: string | null;

  /** ISO prefix of the signing date; null when the year is unknown. */
  @Column("text", { name: "signed_on", nullable: true })
  signedOn!: string | null;

  /** A shared `DatePrecision`. */
  @Column("text", { name: "signed_precision" })
  signedPrecision!: string;

  @Column("text", { name: "signed_note", nullable: true })
  signedNote!: string | null;

  /** Only for DAY_MONTH dates, whose year is unknown. */
  @Column("integer", { name: "signed_month", nullable: true })
  signedMonth!: number | null;

  @Column("integer", { name: "signed_day", nullable: true })
  signedDay!: number | null;

  /** ISO day from which the membership applies where it differs from signing (model municipalities). */
  @Column("text", { name: "effective_on", nullable: true })
  effectiveOn!: string | null;

  @Column("integer", { nullable: true })
  ordinal!: number | null;

  /** A shared `OrdinalBasis`. */
  @Column("text", { name: "ordinal_basis", nullable: true })
  ordinalBasis!: string | null;

  /** The basis as the data words it ("stated (47th municipality to join)"). */
  @Column("text", { name: "ordinal_basis_text", nullable: true })
  ordinalBasisText!: string | null;

  /** A shared `SigningFormat`, where a source reports one. */
  @Column("text", { nullable: true })
  format!: string | null;

  @Column("text", { nullable: true })
  place!: string | null;

  /** The parties to the agreement as the sources name them. */
  @Column("simple-json")
  parties!: string[];

  /** The Polizeidirektion among the parties; null where they say only "Polizei Sachsen" or nothing. */
  @Index("idx_membership_polizeidirektion")
  @Column("text", { nullable: true })
  polizeidirektion!: string | null;

  @Column("simple-json")
  notes!: string[];

  /** A shared `ParticipationStatus`. */
  @Column("text")
  status!: string;

  @Column("text", { name: "ended_on", nullable: true })
  endedOn!: string | null;

  /** The Vorvereinbarung this Kooperationsvereinbarung followed, if any. */
  @Index("idx_membership_pre_agreement")
  @Column("text", { name: "pre_agreement_id", nullable: true })
  preAgreementId!: string | null;

  @ManyToOne(() => MembershipEntity, { nullable: true })
  @JoinColumn({ name: "pre_agreement_id" })
  preAgreement?: MembershipEntity | null;

  @Column("simple-json")
  sources!: Source[];
}
