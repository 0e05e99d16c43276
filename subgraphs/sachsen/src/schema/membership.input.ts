import { MunicipalityInput, OrdinalBasis, ParticipationStatus, SignatoryInput, SigningFormat, SourceInput } from "@laenderhub/shared";
import { Field, ID, InputType, Int } from "type-graphql";
import { AsskommStage } from "./stage.js";

/**
 * The fields a membership has beyond its id, municipality and status. Shared by the create
 * input and the patch (where every field is optional and only the given ones change). No
 * field or argument has this type, so the schema never shows it.
 */
@InputType("AsskommMembershipFields")
export class AsskommMembershipFields {
  @Field(() => ID, { nullable: true, description: "Defaults to SN-PRG-ASSKOMM" })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true, description: "A municipality of Sachsen's register (SN-M-…); or register one with newMunicipality" })
  municipalityId?: string | null;

  @Field(() => MunicipalityInput, { nullable: true, description: "Registers a new municipality and links the membership to it" })
  newMunicipality?: MunicipalityInput | null;

  @Field(() => String, { nullable: true, description: "The instrument as the sources name it (Kooperationsvereinbarung, Vorvereinbarung, …)" })
  instrumentLabel?: string | null;

  @Field(() => ID, { nullable: true, description: "Shared by the members of one joint agreement; defaults to the membership's own id" })
  agreementId?: string | null;

  @Field(() => String, { nullable: true, description: "The association that signed a joint agreement (Städtebund, Verwaltungsgemeinschaft, …)" })
  groupName?: string | null;

  @Field(() => String, { nullable: true })
  groupKind?: string | null;

  @Field(() => String, { nullable: true, description: "Signing date with the precision the sources give: YYYY, YYYY-MM or YYYY-MM-DD; never in the future" })
  signedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Only when the year is unknown: the month of signing (with signedDay)" })
  signedMonth?: number | null;

  @Field(() => Int, { nullable: true, description: "Only when the year is unknown: the day of signing (with signedMonth)" })
  signedDay?: number | null;

  @Field(() => String, { nullable: true, description: "What the sources say where the date is incomplete" })
  signedNote?: string | null;

  @Field(() => String, { nullable: true, description: "From when the membership applies, where it differs from signing (YYYY, YYYY-MM or YYYY-MM-DD)" })
  effectiveOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Running number a source gives ('the 47th municipality')" })
  ordinal?: number | null;

  @Field(() => OrdinalBasis, { nullable: true })
  ordinalBasis?: OrdinalBasis | null;

  @Field(() => String, { nullable: true })
  ordinalBasisText?: string | null;

  @Field(() => SigningFormat, { nullable: true })
  format?: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => [String], { nullable: true, description: "The parties to the agreement as the sources name them; a 'Polizeidirektion …' among them becomes polizeidirektion" })
  partners?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Short keywords from the sources; the shared fields of action are derived from them" })
  notes?: string[] | null;

  @Field(() => ID, { nullable: true, description: "The same municipality's Vorvereinbarung that this Kooperationsvereinbarung follows" })
  preAgreementId?: string | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People who signed (basis other than PRESENT)" })
  signatories?: SignatoryInput[] | null;

  @Field(() => [SignatoryInput], { nullable: true, description: "People present without signing (basis PRESENT)" })
  present?: SignatoryInput[] | null;
}

@InputType("AsskommMembershipInput", { description: "A new ASSKomm membership" })
export class AsskommMembershipInput extends AsskommMembershipFields {
  @Field(() => ID, { nullable: true, description: "SN-P-…; omitted: the next free SN-P-<number>" })
  id?: string | null;

  @Field(() => AsskommStage)
  stage!: AsskommStage;

  @Field(() => ParticipationStatus, { nullable: true, description: "ACTIVE (default) or ANNOUNCED; a membership is ended with endAsskommMembership" })
  status?: ParticipationStatus | null;

  @Field(() => [SourceInput], { description: "At least one source" })
  sources!: SourceInput[];
}

@InputType("AsskommMembershipPatch", { description: "Changes to a membership: only the fields given change; null clears an optional field" })
export class AsskommMembershipPatch extends AsskommMembershipFields {
  @Field(() => AsskommStage, { nullable: true })
  stage?: AsskommStage | null;

  @Field(() => ParticipationStatus, { nullable: true, description: "ANNOUNCED or ACTIVE (also to reopen an ended membership); ending goes through endAsskommMembership" })
  status?: ParticipationStatus | null;

  @Field(() => [SourceInput], { nullable: true, description: "Replaces the sources (at least one); attachSachsenSources adds to them" })
  sources?: SourceInput[] | null;
}
