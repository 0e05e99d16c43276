import { Field, ID, InputType } from "type-graphql";
import { createConnectionType, EventStatus, PreventionBodyStatus } from "@laenderhub/shared";
import { SaarlandEvent, SaarlandMunicipality, SaarlandPreventionBody } from "../entities/index.js";
import { SaarlandIndicatorSeries } from "./indicator-series.type.js";

@InputType("SaarlandEventFilterInput", { description: "Narrows Saarland's events; all given conditions must hold" })
export class EventFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [EventStatus], { nullable: true })
  statuses?: EventStatus[] | null;
}

@InputType("SaarlandIndicatorFilterInput", { description: "Narrows Saarland's indicator series" })
export class IndicatorFilterInput {
  @Field(() => [String], { nullable: true, description: "Only these indicator codes (partnerships_total)" })
  indicators?: string[] | null;
}

@InputType("SaarlandPreventionBodyFilterInput", { description: "Narrows the prevention bodies; all given conditions must hold" })
export class PreventionBodyFilterInput {
  @Field(() => [ID], { nullable: true, description: "Register ids (SL-M-10045111)" })
  municipalityIds?: string[] | null;

  @Field(() => [PreventionBodyStatus], { nullable: true })
  statuses?: PreventionBodyStatus[] | null;
}

@InputType("SaarlandMunicipalityFilterInput", { description: "Narrows Saarland's register; all given conditions must hold" })
export class MunicipalityFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Landkreise or Regionalverband, as the register names them" })
  districts?: string[] | null;
}

export const EventConnection = createConnectionType("SaarlandEvent", () => SaarlandEvent, "A page of Saarland's events, oldest first");
export const IndicatorSeriesConnection = createConnectionType("SaarlandIndicatorSeries", () => SaarlandIndicatorSeries, "A page of indicator series, by code");
export const PreventionBodyConnection = createConnectionType("SaarlandPreventionBody", () => SaarlandPreventionBody, "A page of prevention bodies, by municipality");
export const MunicipalityConnection = createConnectionType("SaarlandMunicipality", () => SaarlandMunicipality, "A page of Saarland's register, by name");
