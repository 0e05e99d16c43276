import { Directive, Field, Float, ID, InputType, Int, ObjectType } from "type-graphql";
import { FuzzyDate, Signatory, Source } from "../schema/value-types.js";

/*
 * The contract's GraphQL types. Every one is `@shareable` (each state subgraph defines it) and
 * `@inaccessible` (it never appears in the public API). Options that would be enums are plain
 * strings validated by the resolver: an enum type cannot carry `@inaccessible` here and would
 * leak into the public schema.
 */

@InputType("ComparativeFilter")
@Directive("@inaccessible")
export class ComparativeFilter {
  @Field(() => [ID], { nullable: true }) ids?: string[] | null;
  @Field(() => [String], { nullable: true }) programmeIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: "ProgrammeKind values" }) programmeKinds?: string[] | null;
  @Field(() => [String], { nullable: true, description: "Instrument values" }) instruments?: string[] | null;
  @Field(() => [String], { nullable: true, description: "ParticipationStatus values" }) statuses?: string[] | null;
  @Field(() => String, { nullable: true, description: "ISO prefix; compared on the known prefix" }) signedFrom?: string | null;
  @Field(() => String, { nullable: true, description: "ISO prefix; compared on the known prefix" }) signedTo?: string | null;
  @Field(() => [String], { nullable: true, description: "FieldOfAction values (any of)" }) fieldsOfAction?: string[] | null;
  @Field(() => [ID], { nullable: true }) municipalityIds?: string[] | null;
}

@InputType("ComparativeCursor")
@Directive("@inaccessible")
export class ComparativeCursor {
  @Field(() => String) sortKey!: string;
  @Field(() => ID) id!: string;
}

@InputType("ComparativeEventFilter")
@Directive("@inaccessible")
export class ComparativeEventFilter {
  @Field(() => String, { nullable: true }) from?: string | null;
  @Field(() => String, { nullable: true }) to?: string | null;
  @Field(() => [String], { nullable: true }) types?: string[] | null;
  @Field(() => [String], { nullable: true, description: "EventStatus values" }) statuses?: string[] | null;
  @Field(() => [String], { nullable: true }) programmeIds?: string[] | null;
}

@ObjectType("ComparativeParticipationRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeParticipationRow {
  @Field(() => ID) id!: string;
  @Field(() => String) typename!: string;
  @Field(() => String) state!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => String) programmeKind!: string;
  @Field(() => ID) municipalityId!: string;
  @Field(() => String) municipalityName!: string;
  @Field(() => String) instrument!: string;
  @Field(() => String, { nullable: true }) instrumentLabel!: string | null;
  @Field(() => String) agreementId!: string;
  @Field(() => FuzzyDate) signedOn!: FuzzyDate;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true }) endedOn!: string | null;
  @Field(() => [String]) partners!: string[];
  @Field(() => [String]) fieldsOfAction!: string[];
  @Field(() => [Signatory]) signatories!: Signatory[];
  @Field(() => [Signatory]) present!: Signatory[];
  @Field(() => [Source]) sources!: Source[];
  @Field(() => String, { description: "Key of the requested order; rows are ordered by (sortKey, id)" }) sortKey!: string;
}

@ObjectType("ComparativeParticipationPage")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeParticipationPage {
  @Field(() => [ComparativeParticipationRow]) rows!: ComparativeParticipationRow[];
  @Field(() => Int, { description: "Rows matching the filter, ignoring the cursor" }) totalCount!: number;
}

@ObjectType("ComparativeSummaryRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeSummaryRow {
  @Field(() => String, { nullable: true }) state!: string | null;
  @Field(() => String, { nullable: true }) programmeId!: string | null;
  @Field(() => Int, { nullable: true }) year!: number | null;
  @Field(() => String, { nullable: true }) quarter!: string | null;
  @Field(() => String, { nullable: true }) instrument!: string | null;
  @Field(() => String, { nullable: true }) fieldOfAction!: string | null;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => ID, { nullable: true }) municipalityId!: string | null;
  @Field(() => String, { nullable: true, description: "Grouped by SIGNED_ON: the signing date as an ISO prefix" }) signedOn!: string | null;
  @Field(() => String, { nullable: true, description: "Grouped by ENDED_ON: the day the participation ended" }) endedOn!: string | null;
  @Field(() => Int) participations!: number;
  @Field(() => Int) municipalities!: number;
  @Field(() => Int, { description: "Participations whose signing year is unknown" }) undatedParticipations!: number;
  @Field(() => String, { nullable: true }) firstSignedOn!: string | null;
  @Field(() => String, { nullable: true }) latestSignedOn!: string | null;
}

@ObjectType("ComparativePersonRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativePersonRow {
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) role!: string | null;
  @Field(() => String, { nullable: true }) organisation!: string | null;
  @Field(() => String, { nullable: true }) party!: string | null;
  @Field(() => String) basis!: string;
  @Field(() => ID) participationId!: string;
  @Field(() => String) typename!: string;
  @Field(() => String) state!: string;
  @Field(() => String) agreementId!: string;
  @Field(() => ID) municipalityId!: string;
  @Field(() => String) municipalityName!: string;
  @Field(() => String, { nullable: true }) signedOn!: string | null;
}

@ObjectType("ComparativeProgrammeRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeProgrammeRow {
  @Field(() => ID) id!: string;
  @Field(() => String) state!: string;
  @Field(() => String) name!: string;
  @Field(() => String) shortName!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { nullable: true }) responsibleMinistry!: string | null;
  @Field(() => String, { nullable: true }) coordinatingBody!: string | null;
  @Field(() => FuzzyDate) startOn!: FuzzyDate;
  @Field(() => [Source]) sources!: Source[];
}

@ObjectType("ComparativeEventRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeEventRow {
  @Field(() => ID) id!: string;
  @Field(() => String) state!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => FuzzyDate) date!: FuzzyDate;
  @Field(() => String) title!: string;
  @Field(() => String) eventType!: string;
  @Field(() => String, { nullable: true }) format!: string | null;
  @Field(() => String, { nullable: true }) place!: string | null;
  @Field(() => String) status!: string;
  @Field(() => String, { nullable: true }) participantsSummary!: string | null;
  @Field(() => [ID]) relatedIds!: string[];
  @Field(() => [Source]) sources!: Source[];
}

@ObjectType("ComparativeIndicatorRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeIndicatorRow {
  @Field(() => ID) id!: string;
  @Field(() => String) state!: string;
  @Field(() => String) programmeId!: string;
  @Field(() => String) indicator!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) value!: number;
  @Field(() => String) unit!: string;
  @Field(() => String) qualifier!: string;
  @Field(() => FuzzyDate) referenceOn!: FuzzyDate;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [Source]) sources!: Source[];
}

@ObjectType("ComparativeMunicipalityRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativeMunicipalityRow {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) ags!: string | null;
  @Field(() => String, { nullable: true }) districtName!: string | null;
  @Field(() => String, { nullable: true }) type!: string | null;
  @Field(() => [Source]) sources!: Source[];
}

@ObjectType("ComparativePreventionBodyRow")
@Directive("@shareable")
@Directive("@inaccessible")
export class ComparativePreventionBodyRow {
  @Field(() => ID) id!: string;
  @Field(() => ID) municipalityId!: string;
  @Field(() => String) name!: string;
  @Field(() => String) kind!: string;
  @Field(() => String) status!: string;
  @Field(() => FuzzyDate) date!: FuzzyDate;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => [String]) actorTypes!: string[];
  @Field(() => [Source]) sources!: Source[];
}
