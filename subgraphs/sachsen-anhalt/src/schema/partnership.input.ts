import { Instrument, MunicipalityInput, OrdinalBasis, ParticipationStatus, SignatoryInput, SigningFormat, SourceInput } from "@laenderhub/shared";
import { Field, ID, InputType, Int } from "type-graphql";

// Vocabulary fields are the shared enums, as in every state (docs/API.md): GraphQL refuses an
// unknown value before the resolver runs, naming the input path.
const DATE = "ISO prefix with the precision the sources give: YYYY, YYYY-MM or YYYY-MM-DD (a real day)";

/** The fields a new partnership and an update share (a base only: the schema never names it). */
@InputType("SachsenAnhaltPartnershipFields")
abstract class SachsenAnhaltPartnershipFields {
  @Field(() => ID, { nullable: true, description: "The municipality from the register (ST-M-…); or give newMunicipality" })
  municipalityId?: string | null;

  @Field(() => MunicipalityInput, { nullable: true, description: "Registers a municipality the register does not know yet" })
  newMunicipality?: MunicipalityInput | null;

  @Field(() => String, { nullable: true, description: "Programme id; defaults to ST-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "The instrument as the state and its sources name it" })
  instrumentLabel?: string | null;

  @Field(() => String, { nullable: true, description: "Groups the members of one joint agreement; defaults to the partnership's own id" })
  agreementId?: string | null;

  @Field(() => String, { nullable: true, description: "The association whose members signed one joint agreement" })
  groupName?: string | null;

  @Field(() => String, { nullable: true })
  groupKind?: string | null;

  @Field(() => String, { nullable: true, description: `Signing date, ${DATE}; not in the future unless the status is ANNOUNCED` })
  signedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Month of a signing whose year is unknown (with signedDay)" })
  signedMonth?: number | null;

  @Field(() => Int, { nullable: true, description: "Day of a signing whose year is unknown (with signedMonth)" })
  signedDay?: number | null;

  @Field(() => String, { nullable: true, description: "What the sources say where the date is incomplete" })
  signedNote?: string | null;

  @Field(() => String, { nullable: true, description: `From when the agreement applies, ${DATE}` })
  effectiveOn?: string | null;

  @Field(() => Int, { nullable: true })
  ordinal?: number | null;

  @Field(() => OrdinalBasis, { nullable: true })
  ordinalBasis?: OrdinalBasis | null;

  @Field(() => String, { nullable: true })
  ordinalBasisText?: string | null;

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => [String], { nullable: true, description: "The parties as the sources name them; the police unit among them becomes policePartner" })
  partners?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Short notes; the shared fields of action are read from them" })
  notes?: string[] | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People who signed or concluded the agreement" })
  signatories?: SignatoryInput[] | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People present without signing (never counted as signatories)" })
  present?: SignatoryInput[] | null;
}

@InputType("SachsenAnhaltPartnershipInput", { description: "A new local Sicherheitspartnerschaft" })
export class SachsenAnhaltPartnershipInput extends SachsenAnhaltPartnershipFields {
  @Field(() => ID, { nullable: true, description: "ST-P-…; left out, the next free id is assigned" })
  id?: string | null;

  @Field(() => Instrument)
  instrument!: Instrument;

  @Field(() => ParticipationStatus, { nullable: true, description: "ACTIVE (default) or ANNOUNCED; a partnership is ended with endSachsenAnhaltPartnership" })
  status?: ParticipationStatus | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}

@InputType("SachsenAnhaltPartnershipUpdateInput", { description: "Changes to a partnership: only the fields given change; null clears an optional field" })
export class SachsenAnhaltPartnershipUpdateInput extends SachsenAnhaltPartnershipFields {
  @Field(() => Instrument, { nullable: true })
  instrument?: Instrument | null;

  @Field(() => ParticipationStatus, { nullable: true, description: "ACTIVE or ANNOUNCED (an ended partnership stays ENDED)" })
  status?: ParticipationStatus | null;

  @Field(() => [SourceInput], { nullable: true, description: "Replaces the sources (at least one); attachSachsenAnhaltSources adds to them" })
  sources?: SourceInput[] | null;
}
