import { Field, ID, InputType, Int } from "type-graphql";
import { EventStatus, FieldOfAction, Instrument, ParticipationStatus, ProgrammeKind, StateCode } from "@laenderhub/shared";
import { AgsStatus } from "../vocabulary.js";

/** Filter of the cross-state participation list and of comparisons. All conditions must hold. */
@InputType("ParticipationFilterInput", { description: "Filter for cross-state participation lists and comparisons; every given condition must hold" })
export class ParticipationFilterInput {
  @Field(() => [StateCode], { nullable: true, description: "Only these states (default: every registered state)" })
  states?: StateCode[] | null;

  @Field(() => [String], { nullable: true, description: "Programme ids, e.g. SN-PRG-ASSKOMM" })
  programmeIds?: string[] | null;

  @Field(() => [ProgrammeKind], { nullable: true })
  programmeKinds?: ProgrammeKind[] | null;

  @Field(() => [Instrument], { nullable: true })
  instruments?: Instrument[] | null;

  @Field(() => [ParticipationStatus], { nullable: true })
  statuses?: ParticipationStatus[] | null;

  @Field(() => String, { nullable: true, description: "Signed on or after this ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD), compared on the known prefix; undated participations never match" })
  signedFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Signed on or before this ISO prefix, compared on the known prefix" })
  signedTo?: string | null;

  @Field(() => [FieldOfAction], { nullable: true, description: "Any of these fields of action" })
  fieldsOfAction?: FieldOfAction[] | null;

  @Field(() => [String], { nullable: true, description: "Only municipalities in these districts (5-digit keys)" })
  districtKeys?: string[] | null;

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Only municipalities whose district has at least this population (Destatis, 2018-12-31)" })
  minDistrictPopulation?: number | null;
}

/** Filter of the cross-state event list. */
@InputType("EventFilterInput", { description: "Filter for programme events across states" })
export class EventFilterInput {
  @Field(() => [StateCode], { nullable: true })
  states?: StateCode[] | null;

  @Field(() => String, { nullable: true, description: "Takes place on or after this ISO prefix; undated events never match" })
  occursFrom?: string | null;

  @Field(() => String, { nullable: true, description: "Takes place on or before this ISO prefix" })
  occursTo?: string | null;

  @Field(() => [String], { nullable: true, description: "Event types as the states record them (e.g. CONFERENCE, ROUND_TABLE, SIGNING)" })
  types?: string[] | null;

  @Field(() => [EventStatus], { nullable: true })
  statuses?: EventStatus[] | null;

  @Field(() => [String], { nullable: true })
  programmeIds?: string[] | null;
}

/** Filter of the gazetteer's municipality list. */
@InputType("MunicipalityFilterInput", { description: "Filter for gazetteer municipalities; every given condition must hold" })
export class MunicipalityFilterInput {
  @Field(() => [StateCode], { nullable: true })
  states?: StateCode[] | null;

  @Field(() => [String], { nullable: true, description: "5-digit district keys" })
  districtKeys?: string[] | null;

  @Field(() => String, { nullable: true, description: "Part of the name, or the beginning of the AGS" })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only municipalities with at least one participation (any instrument or status, from the owning state); false: only those without",
  })
  participating?: boolean | null;

  @Field(() => AgsStatus, { nullable: true, description: "CONFIRMED: with a key; UNCONFIRMED: without one" })
  agsStatus?: AgsStatus | null;

  @Field(() => Int, { nullable: true, description: "At least this many inhabitants (register, 2024-12-31); municipalities without a population never match" })
  minPopulation?: number | null;

  @Field(() => Int, { nullable: true, description: "At most this many inhabitants (register, 2024-12-31); municipalities without a population never match" })
  maxPopulation?: number | null;
}

/** Filter of the cross-state indicator list. */
@InputType("ProgrammeIndicatorFilterInput", { description: "Filter for programme figures across states; every given condition must hold" })
export class ProgrammeIndicatorFilterInput {
  @Field(() => [StateCode], { nullable: true })
  states?: StateCode[] | null;

  @Field(() => String, { nullable: true })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "Indicator code, e.g. member_municipalities" })
  indicator?: string | null;
}

/** Filter of the people list. */
@InputType("PersonFilterInput", { description: "Filter for people across states; every given condition must hold" })
export class PersonFilterInput {
  @Field(() => [StateCode], { nullable: true })
  states?: StateCode[] | null;

  @Field(() => String, { nullable: true, description: "Part of the name" })
  search?: string | null;
}

/** Filter of the programme and district lists. */
@InputType("StateFilterInput", { description: "Only these states" })
export class StateFilterInput {
  @Field(() => [StateCode], { nullable: true })
  states?: StateCode[] | null;
}
