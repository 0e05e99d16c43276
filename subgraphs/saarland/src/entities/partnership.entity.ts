import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import {
  DatePrecision,
  FieldOfAction,
  FuzzyDate,
  Instrument,
  MunicipalityReference,
  OrdinalBasis,
  Participation,
  ParticipationStatus,
  Signatory,
  SigningFormat,
  Source,
  StateCode,
} from "@laenderhub/shared";

/**
 * A Sicherheitspartnerschaft: the interior ministry and one city or municipality, by a Letter
 * of Intent numbered by the ministry. Stored columns keep what the sources give; the
 * interface's computed fields (signedOn, people, fields of action) are resolved per request.
 */
@Entity("partnership")
// The contract's sort indexes (expressions, created by the ContractTally migration): TypeORM keeps its hands off.
@Index("cmp_sort_asc_partnership", { synchronize: false })
@Index("cmp_sort_desc_partnership", { synchronize: false })
@Index("idx_partnership_municipality", ["municipalityId"])
@Index("idx_partnership_signed_on", ["signedIso"])
@Index("uq_partnership_ordinal", ["programmeId", "ordinal"], { unique: true })
@ObjectType("SaarlandSecurityPartnership", {
  implements: Participation,
  description: "A Saarland Sicherheitspartnerschaft: the interior ministry and one city or municipality, by a Letter of Intent",
})
@Directive('@key(fields: "id")')
@Directive("@shareable")
export class SaarlandSecurityPartnership {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id from the data (SL-P-10)" })
  id!: string;

  @Column("text")
  @Field(() => StateCode)
  state!: StateCode;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("text", { name: "municipality_id" })
  municipalityId!: string;

  @Field(() => MunicipalityReference)
  municipality!: MunicipalityReference;

  @Column("text")
  @Field(() => Instrument)
  instrument!: Instrument;

  @Column("text", { name: "instrument_label", nullable: true })
  @Field(() => String, { nullable: true, description: "The instrument as the sources name it" })
  instrumentLabel!: string | null;

  @Column("text", { name: "agreement_id" })
  @Field(() => String)
  agreementId!: string;

  /** A joint agreement's association; every Saarland agreement so far has one municipality. */
  @Column("text", { name: "group_name", nullable: true })
  groupName!: string | null;

  @Column("text", { name: "group_kind", nullable: true })
  groupKind!: string | null;

  /** ISO prefix of the signing date: only as much as the sources give. */
  @Column("text", { name: "signed_on", nullable: true })
  signedIso!: string | null;

  @Column("text", { name: "signed_precision" })
  signedPrecision!: DatePrecision;

  @Column("text", { name: "signed_note", nullable: true })
  signedNote!: string | null;

  /** Only for DAY_MONTH dates, whose year is unknown. */
  @Column("integer", { name: "signed_month", nullable: true })
  signedMonth!: number | null;

  @Column("integer", { name: "signed_day", nullable: true })
  signedDay!: number | null;

  @Field(() => FuzzyDate)
  signedOn!: FuzzyDate;

  @Column("text", { name: "effective_on", nullable: true })
  effectiveIso!: string | null;

  @Field(() => FuzzyDate, { nullable: true, description: "Date the partnership took effect where it differs from signing; null when no source gives one" })
  effectiveOn!: FuzzyDate | null;

  @Column("integer", { nullable: true })
  @Field(() => Int, { nullable: true, description: "Running number the ministry gives the partnership (Bexbach the 10th)" })
  ordinal!: number | null;

  @Column("text", { name: "ordinal_basis", nullable: true })
  @Field(() => OrdinalBasis, { nullable: true, description: "Whether a source states the number or it is implied" })
  ordinalBasis!: OrdinalBasis | null;

  @Column("text", { name: "ordinal_basis_text", nullable: true })
  @Field(() => String, { nullable: true, description: "The dataset's words on how the number is known" })
  ordinalBasisText!: string | null;

  @Column("text", { nullable: true })
  @Field(() => SigningFormat, { nullable: true, description: "How the signing took place, where a source reports it" })
  format!: SigningFormat | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Where it was signed, where a source says" })
  place!: string | null;

  @Column("simple-json", { name: "parties" })
  @Field(() => [String])
  partners!: string[];

  @Column("simple-json")
  notes!: string[];

  @Column("text")
  @Field(() => ParticipationStatus)
  status!: ParticipationStatus;

  @Column("text", { name: "ended_on", nullable: true })
  @Field(() => String, { nullable: true })
  endedOn!: string | null;

  @Field(() => [FieldOfAction])
  fieldsOfAction!: FieldOfAction[];

  @Field(() => [Signatory])
  signatories!: Signatory[];

  @Field(() => [Signatory])
  present!: Signatory[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
