import { Directive, Field, ID, Int, InterfaceType, ObjectType } from "type-graphql";
import { FieldOfAction, Instrument, OrdinalBasis, ParticipationStatus, SigningFormat, StateCode } from "../vocabulary.js";
import { CitedText, FuzzyDate, Signatory, Source } from "./value-types.js";

/**
 * The Municipality entity as a state subgraph sees it: a reference by id. The compare
 * subgraph owns the type (the gazetteer) and resolves its fields.
 */
@ObjectType("Municipality", { description: "A municipality (Gemeinde); resolved by the gazetteer" })
@Directive('@key(fields: "id", resolvable: false)')
export class MunicipalityReference {
  @Field(() => ID, { description: "Stable id from the data, e.g. SL-M-10043114" })
  id!: string;
}

/** The shape every participation has, whichever state it belongs to. */
export interface ParticipationShape {
  id: string;
  state: StateCode;
  programmeId: string;
  instrument: Instrument;
  instrumentLabel: string | null;
  agreementId: string;
  signedOn: FuzzyDate;
  status: ParticipationStatus;
  endedOn: string | null;
  fieldsOfAction: FieldOfAction[];
  partners: string[];
  signatories: Signatory[];
  present: Signatory[];
  sources: Source[];
}

/** The fields every state's participation has beyond the comparative contract's. */
export interface StateParticipationShape extends ParticipationShape {
  ordinal: number | null;
  ordinalBasis: OrdinalBasis | null;
  ordinalBasisText: string | null;
  format: SigningFormat | null;
  place: string | null;
  effectiveOn: FuzzyDate | null;
  notes: CitedText[];
}

/**
 * Builds the shared `Participation` interface around a given Municipality type: state
 * subgraphs use the reference stub (exported below as `Participation`), the compare subgraph
 * its full gazetteer type. Implementations are never auto-registered, so subgraphs loaded in
 * one process (the in-process federation tests) do not leak types into each other's schema.
 *
 * With `stateFields`, the interface also carries what every state records but the comparative
 * contract does not ship (ordinal, format, place, effectiveOn, notes): the state subgraphs
 * declare them, compare does not, and the supergraph's interface has them all, so a dashboard
 * selects them once on `Participation` and the gateway fetches them from the owning state.
 * Descriptions stay state-neutral: every state's type inherits them.
 */
export function createParticipationInterface(municipalityType: () => Function, options: { stateFields?: boolean } = {}) {
  @InterfaceType("Participation", {
    autoRegisterImplementations: false,
    description: "One municipality's participation in a state programme under one instrument",
    resolveType: (value: { __typename?: string; typename?: string }) => value.__typename ?? value.typename,
  })
  abstract class ParticipationInterface {
    @Field(() => ID, { description: "Global id, prefixed with the state's code and P (<state>-P-<n>)" })
    id!: string;

    @Field(() => StateCode)
    state!: StateCode;

    @Field(() => String, { description: "Id of the state programme (<state>-PRG-<name>)" })
    programmeId!: string;

    @Field(municipalityType as () => typeof MunicipalityReference)
    municipality!: MunicipalityReference;

    @Field(() => Instrument, { description: "The instrument in the shared vocabulary" })
    instrument!: Instrument;

    @Field(() => String, { nullable: true, description: "The instrument as the state and its sources name it" })
    instrumentLabel!: string | null;

    @Field(() => String, { description: "Groups the member municipalities of one joint agreement" })
    agreementId!: string;

    @Field(() => FuzzyDate, { description: "Signing date with the precision the sources give" })
    signedOn!: FuzzyDate;

    @Field(() => ParticipationStatus)
    status!: ParticipationStatus;

    @Field(() => String, { nullable: true, description: "ISO day the participation ended (status ENDED)" })
    endedOn!: string | null;

    @Field(() => [FieldOfAction])
    fieldsOfAction!: FieldOfAction[];

    @Field(() => [String], { description: "Parties to the agreement as the sources name them" })
    partners!: string[];

    @Field(() => [Signatory], { description: "People who signed or concluded the agreement" })
    signatories!: Signatory[];

    @Field(() => [Signatory], { description: "People present at the signing without signing" })
    present!: Signatory[];

    @Field(() => [Source])
    sources!: Source[];
  }
  if (options.stateFields) {
    // Declared on the same class (not a subclass): one type-graphql interface named Participation.
    const field = (name: string, type: () => unknown, description: string, nullable = true) =>
      Field(type as () => typeof Int, { nullable, description })(ParticipationInterface.prototype, name);
    field("ordinal", () => Int, "Running number a source gives the participation (the 10th partnership), where it gives or implies one");
    field("ordinalBasis", () => OrdinalBasis, "Whether a source states the running number or it is implied");
    field("ordinalBasisText", () => String, "What the sources say about the running number");
    field("format", () => SigningFormat, "How the signing took place, where a source reports it");
    field("place", () => String, "Where the agreement was signed, where a source says");
    field("effectiveOn", () => FuzzyDate, "From when the agreement applies, where it differs from the signing");
    field("notes", () => [CitedText], "Short notes from the record, each with the sources it rests on", false);
  }
  return ParticipationInterface;
}

/** The `Participation` interface as state subgraphs declare it (with the fields every state records). */
export const Participation = createParticipationInterface(() => MunicipalityReference, { stateFields: true });
export type Participation = InstanceType<typeof Participation>;
