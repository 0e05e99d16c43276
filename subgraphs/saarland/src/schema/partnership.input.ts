import { Field, ID, InputType, Int } from "type-graphql";
import { Instrument, OrdinalBasis, ParticipationStatus, SignatoryInput, SigningFormat, SourceInput } from "@laenderhub/shared";
import { MunicipalityInput } from "@laenderhub/shared";

/**
 * The fields of a partnership an editor may set. Omitted fields are not touched by an update;
 * null clears an optional one. Dates are ISO prefixes with the precision the sources give.
 */
// Registered only so the two inputs below inherit its fields; no field of the schema uses it,
// so it does not appear in the SDL.
@InputType("SaarlandPartnershipFields")
export abstract class PartnershipFieldsInput {
  @Field(() => ID, { nullable: true, description: "A register entry (SL-M-<AGS>)" })
  municipalityId?: string | null;

  @Field(() => Instrument, { nullable: true })
  instrument?: Instrument | null;

  @Field(() => String, { nullable: true, description: "The instrument as the sources name it (Letter of Intent (Absichtserklärung))" })
  instrumentLabel?: string | null;

  @Field(() => String, { nullable: true, description: "Groups the members of one joint agreement; by default the partnership's id" })
  agreementId?: string | null;

  @Field(() => String, { nullable: true, description: "The association of a joint agreement" })
  groupName?: string | null;

  @Field(() => String, { nullable: true })
  groupKind?: string | null;

  @Field(() => String, { nullable: true, description: "Signing date: YYYY, YYYY-MM or YYYY-MM-DD as far as the sources give it; not in the future" })
  signedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Only with signedDay, when a source gives day and month without the year" })
  signedMonth?: number | null;

  @Field(() => Int, { nullable: true })
  signedDay?: number | null;

  @Field(() => String, { nullable: true, description: "What the sources say where the date is incomplete" })
  signedNote?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD the partnership took effect, where it differs from signing" })
  effectiveOn?: string | null;

  @Field(() => Int, { nullable: true, description: "The ministry's running number (Bexbach the 10th); unique in the programme" })
  ordinal?: number | null;

  @Field(() => OrdinalBasis, { nullable: true, description: "Required with an ordinal: does a source state the number or imply it?" })
  ordinalBasis?: OrdinalBasis | null;

  @Field(() => String, { nullable: true })
  ordinalBasisText?: string | null;

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => ParticipationStatus, { nullable: true, description: "ANNOUNCED or ACTIVE; a partnership is ended with endSaarlandPartnership" })
  status?: ParticipationStatus | null;

  @Field(() => [String], { nullable: true, description: "The parties as the sources name them" })
  partners?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Short notes; the shared fields of action are derived from them" })
  notes?: string[] | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People who signed or concluded the Letter of Intent" })
  signatories?: SignatoryInput[] | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People present without signing (basis PRESENT)" })
  present?: SignatoryInput[] | null;
}

@InputType("SaarlandPartnershipInput", { description: "A new Sicherheitspartnerschaft; municipalityId or newMunicipality names the partner" })
export class PartnershipInput extends PartnershipFieldsInput {
  @Field(() => ID, { nullable: true, description: "SL-P-<n>; omitted: the next free id" })
  id?: string | null;

  @Field(() => ID, { nullable: true, description: "Omitted: SL-PRG-SIPA" })
  programmeId?: string | null;

  @Field(() => MunicipalityInput, { nullable: true, description: "Registers a municipality that is not in the register yet (id SL-M-<AGS>)" })
  newMunicipality?: MunicipalityInput | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}

@InputType("SaarlandPartnershipUpdateInput", { description: "Changes to a partnership: only the fields given change" })
export class PartnershipUpdateInput extends PartnershipFieldsInput {
  @Field(() => [SourceInput], { nullable: true, description: "Replaces the sources (at least one); to add sources use attachSaarlandSources" })
  sources?: SourceInput[] | null;
}
