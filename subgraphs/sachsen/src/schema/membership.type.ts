import {
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
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { CitedText, createConnectionType } from "@laenderhub/shared";
import { AsskommStage } from "./stage.js";

/**
 * One municipality's membership in ASSKomm under one instrument. Implements the shared
 * `Participation`; the interface fields are declared again here so that this type's field
 * resolvers attach to them.
 */
@ObjectType("AsskommMembership", {
  implements: Participation,
  description: "A municipality's membership in the Allianz Sichere Sächsische Kommunen under one instrument",
})
@Directive('@key(fields: "id")')
@Directive("@shareable")
export class AsskommMembership {
  @Field(() => ID, { description: "The data's id (SN-P-007, SN-P-M01, SN-P-013a)" })
  id!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  programmeId!: string;

  @Field(() => MunicipalityReference)
  municipality!: MunicipalityReference;

  @Field(() => Instrument)
  instrument!: Instrument;

  @Field(() => String, { nullable: true })
  instrumentLabel!: string | null;

  @Field(() => String)
  agreementId!: string;

  @Field(() => FuzzyDate)
  signedOn!: FuzzyDate;

  @Field(() => ParticipationStatus)
  status!: ParticipationStatus;

  @Field(() => String, { nullable: true })
  endedOn!: string | null;

  @Field(() => [FieldOfAction], { description: "Shared fields of action that this membership's notes name" })
  fieldsOfAction!: FieldOfAction[];

  @Field(() => [String])
  partners!: string[];

  @Field(() => [Signatory])
  signatories!: Signatory[];

  @Field(() => [Signatory])
  present!: Signatory[];

  @Field(() => [Source])
  sources!: Source[];

  @Field(() => AsskommStage)
  stage!: AsskommStage;

  @Field(() => FuzzyDate, { nullable: true, description: "From when the membership applies, where the sources give it (model municipalities: 2019-02-06)" })
  effectiveOn!: FuzzyDate | null;

  // Flat, like the other states' ordinals: a client selecting `ordinal` on several states'
  // participation types in one query needs the same shape everywhere.
  @Field(() => Int, { nullable: true, description: "Running number a source gives the membership ('47th municipality to join')" })
  ordinal!: number | null;

  @Field(() => OrdinalBasis, { nullable: true, description: "Whether a source states the ordinal or it is implied" })
  ordinalBasis!: OrdinalBasis | null;

  @Field(() => String, { nullable: true, description: "The basis as recorded, e.g. 'stated (47th municipality to join)'" })
  ordinalBasisText!: string | null;

  @Field(() => String, { nullable: true, description: "The Polizeidirektion party to the agreement; null where the parties name none" })
  polizeidirektion!: string | null;

  @Field(() => String, { nullable: true, description: "The police party exactly as the sources name it ('Polizei Sachsen', 'Polizeidirektion Görlitz')" })
  policeParty!: string | null;

  @Field(() => SigningFormat, { nullable: true, description: "Signing format where a source reports one" })
  format!: SigningFormat | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => [CitedText], { description: "Short keywords from the sources" })
  notes!: CitedText[];

  /** Not exposed: the register entry is served by `registeredMunicipality`, the gazetteer's by `municipality`. */
  municipalityId!: string;
  /** Set for the members of a joint agreement. */
  groupName!: string | null;
  preAgreementId!: string | null;
}

/** A page of memberships. */
export const AsskommMembershipConnection = createConnectionType("AsskommMembership", () => AsskommMembership, "A page of memberships in time order");

/** A joint Kooperationsvereinbarung signed by an association for its member municipalities. */
@ObjectType("AsskommJointAgreement", { description: "One agreement signed for several municipalities (Städtebund, Verwaltungsgemeinschaft, …)" })
export class AsskommJointAgreement {
  @Field(() => ID, { description: "The agreement id shared by its member memberships" })
  id!: string;

  @Field(() => String, { description: "The association (Städtebund Silberberg, …)" })
  name!: string;

  @Field(() => String, { nullable: true })
  kind!: string | null;

  @Field(() => FuzzyDate)
  signedOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => [String])
  partners!: string[];

  @Field(() => String, { nullable: true })
  polizeidirektion!: string | null;

  @Field(() => [AsskommMembership], { description: "One membership per member municipality" })
  memberships!: AsskommMembership[];

  @Field(() => [Source], { description: "Sources of its memberships" })
  sources!: Source[];
}
