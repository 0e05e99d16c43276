import { createConnectionType, EventStatus, PreventionBodyStatus } from "@laenderhub/shared";
import { Field, ID, InputType } from "type-graphql";
import { AsskommEvent } from "./event.type.js";
import { SachsenGemeinde } from "./gemeinde.type.js";
import { AsskommIndicatorSeries } from "./indicator.type.js";
import { AsskommJointAgreement } from "./membership.type.js";
import { KommunalerPraeventionsrat } from "./prevention-council.type.js";
import { AsskommFundingStatement } from "./programme.type.js";
import { AsskommStage } from "./stage.js";

@InputType("AsskommMembershipFilterInput", { description: "Narrows the memberships; all given conditions must hold" })
export class MembershipFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [AsskommStage], { nullable: true, description: "Any of these stages" })
  stages?: AsskommStage[] | null;

  @Field(() => String, { nullable: true, description: "'Polizeidirektion Görlitz' or 'Görlitz'" })
  polizeidirektion?: string | null;
}

@InputType("AsskommJointAgreementFilterInput", { description: "Narrows the joint agreements" })
export class JointAgreementFilterInput {
  @Field(() => [ID], { nullable: true, description: "Agreement ids" })
  ids?: string[] | null;
}

@InputType("SachsenPreventionBodyFilterInput", { description: "Narrows the prevention bodies; all given conditions must hold" })
export class PreventionBodyFilterInput {
  @Field(() => [ID], { nullable: true, description: "Register ids (SN-M-…)" })
  municipalityIds?: string[] | null;

  @Field(() => [PreventionBodyStatus], { nullable: true })
  statuses?: PreventionBodyStatus[] | null;
}

@InputType("AsskommIndicatorFilterInput", { description: "Narrows the indicator series" })
export class IndicatorFilterInput {
  @Field(() => [String], { nullable: true, description: "Only these codes, e.g. member_municipalities" })
  indicators?: string[] | null;
}

@InputType("AsskommFundingStatementFilterInput", { description: "Narrows the funding statements" })
export class FundingStatementFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;
}

@InputType("AsskommEventFilterInput", { description: "Narrows the events; all given conditions must hold" })
export class EventFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [EventStatus], { nullable: true })
  statuses?: EventStatus[] | null;
}

@InputType("SachsenMunicipalityFilterInput", { description: "Narrows Sachsen's register; all given conditions must hold" })
export class MunicipalityFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Landkreise, as the register names them" })
  districts?: string[] | null;
}

export const JointAgreementConnection = createConnectionType("AsskommJointAgreement", () => AsskommJointAgreement, "A page of joint agreements, by agreement id");
export const PreventionBodyConnection = createConnectionType("KommunalerPraeventionsrat", () => KommunalerPraeventionsrat, "A page of prevention bodies, by municipality");
export const IndicatorSeriesConnection = createConnectionType("AsskommIndicatorSeries", () => AsskommIndicatorSeries, "A page of indicator series, by code");
export const FundingStatementConnection = createConnectionType("AsskommFundingStatement", () => AsskommFundingStatement, "A page of funding statements, in the programme's order");
export const EventConnection = createConnectionType("AsskommEvent", () => AsskommEvent, "A page of events, oldest first");
export const MunicipalityConnection = createConnectionType("SachsenGemeinde", () => SachsenGemeinde, "A page of Sachsen's register, by name");
