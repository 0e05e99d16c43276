import { Directive, Field, ID, InterfaceType, ObjectType } from "type-graphql";
import { FieldOfAction, Instrument, ParticipationStatus, StateCode } from "../vocabulary.js";
import { FuzzyDate, Signatory, Source } from "./value-types.js";

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

/**
 * Builds the shared `Participation` interface around a given Municipality type: state
 * subgraphs use the reference stub (exported below as `Participation`), the compare subgraph
 * its full gazetteer type. Implementations are never auto-registered, so subgraphs loaded in
 * one process (the in-process federation tests) do not leak types into each other's schema.
 */
export function createParticipationInterface(municipalityType: () => Function) {
  @InterfaceType("Participation", {
    autoRegisterImplementations: false,
    description: "One municipality's participation in a state programme under one instrument",
    resolveType: (value: { __typename?: string; typename?: string }) => value.__typename ?? value.typename,
  })
  abstract class ParticipationInterface {
    @Field(() => ID, { description: "Global, state-prefixed id (SL-P-10)" })
    id!: string;

    @Field(() => StateCode)
    state!: StateCode;

    @Field(() => String, { description: "Programme id (SL-PRG-SIPA)" })
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
  return ParticipationInterface;
}

/** The `Participation` interface as state subgraphs declare it. */
export const Participation = createParticipationInterface(() => MunicipalityReference);
export type Participation = InstanceType<typeof Participation>;
