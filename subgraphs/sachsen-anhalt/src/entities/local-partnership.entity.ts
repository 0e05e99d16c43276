import { Instrument, OrdinalBasis, Participation, ParticipationStatus, SigningFormat, Source } from "@laenderhub/shared";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltMunicipality } from "./municipality.entity.js";
import { SachsenAnhaltProgramme } from "./programme.entity.js";

/**
 * A local Sicherheitspartnerschaft: one municipality's agreement with its police unit
 * (Zielvereinbarung, Kooperationsvereinbarung, Präventionspartnerschaft). The interface
 * fields that are not plain columns (state, municipality, signedOn, fieldsOfAction,
 * signatories, present) are resolved in `local-partnership.resolver.ts`; signatories and
 * fields of action live in their own tables so the contract views can read them.
 */
@Entity("st_partnership")
// The contract's sort indexes (expressions, created by the ContractTally migration): TypeORM keeps its hands off.
@Index("cmp_sort_asc_st_partnership", { synchronize: false })
@Index("cmp_sort_desc_st_partnership", { synchronize: false })
@Index("IDX_st_partnership_signed", ["signedIso", "id"])
@Index("IDX_st_partnership_municipality", ["municipalityId"])
@Index("IDX_st_partnership_agreement", ["agreementId"])
@ObjectType("SachsenAnhaltLocalPartnership", {
  implements: Participation,
  description: "A local Sicherheitspartnerschaft between a Sachsen-Anhalt municipality and its police unit",
})
@Directive('@key(fields: "id")')
@Directive("@shareable")
export class SachsenAnhaltLocalPartnership {
  @PrimaryColumn("text")
  id!: string;

  @Column("text", { name: "programme_id" })
  programmeId!: string;

  @ManyToOne(() => SachsenAnhaltProgramme, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "programme_id" })
  programme?: SachsenAnhaltProgramme;

  @Column("text", { name: "municipality_id" })
  municipalityId!: string;

  @ManyToOne(() => SachsenAnhaltMunicipality, { onDelete: "RESTRICT", nullable: false })
  @JoinColumn({ name: "municipality_id" })
  municipality?: SachsenAnhaltMunicipality;

  @Column("text")
  instrument!: Instrument;

  @Column("text", { name: "instrument_label", nullable: true })
  instrumentLabel!: string | null;

  @Column("text", { name: "agreement_id" })
  agreementId!: string;

  @Column("text", { name: "group_name", nullable: true })
  groupName!: string | null;

  @Column("text", { name: "group_kind", nullable: true })
  groupKind!: string | null;

  @Column("text", { name: "signed_on", nullable: true })
  signedIso!: string | null;

  @Column("text", { name: "signed_precision" })
  signedPrecision!: string;

  @Column("text", { name: "signed_note", nullable: true })
  signedNote!: string | null;

  @Column("integer", { name: "signed_month", nullable: true })
  signedMonth!: number | null;

  @Column("integer", { name: "signed_day", nullable: true })
  signedDay!: number | null;

  @Column("text", { name: "effective_on", nullable: true })
  effectiveIso!: string | null;

  @Column("integer", { nullable: true })
  @Field(() => Int, { nullable: true, description: "Running number of the partnership, where a source gives or implies one" })
  ordinal!: number | null;

  @Column("text", { name: "ordinal_basis", nullable: true })
  @Field(() => OrdinalBasis, { nullable: true, description: "Whether the ordinal is stated by a source or implied" })
  ordinalBasis!: OrdinalBasis | null;

  @Column("text", { name: "ordinal_basis_text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the sources say about the ordinal" })
  ordinalBasisText!: string | null;

  @Column("text", { nullable: true })
  @Field(() => SigningFormat, { nullable: true, description: "How the signing took place, where a source reports it" })
  format!: SigningFormat | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Where the agreement was signed" })
  place!: string | null;

  @Column("simple-json")
  partners!: string[];

  @Column("text", { name: "police_partner", nullable: true })
  policePartnerName!: string | null;

  @Column("simple-json")
  notes!: string[];

  @Column("text")
  status!: ParticipationStatus;

  @Column("text", { name: "ended_on", nullable: true })
  endedOn!: string | null;

  @Column("simple-json")
  sources!: Source[];
}
