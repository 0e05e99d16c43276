import { createConnectionType, EventStatus, PreventionBodyStatus, Source } from "@laenderhub/shared";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { SachsenAnhaltEvent, SachsenAnhaltIndicator, SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality, SachsenAnhaltPreventionBody } from "../entities/index.js";

@InputType("SachsenAnhaltEventFilterInput", { description: "Narrows the events; all given conditions must hold" })
export class EventFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [EventStatus], { nullable: true })
  statuses?: EventStatus[] | null;

  @Field(() => [String], { nullable: true, description: "SIGNING, CONFERENCE, REGIONAL_CONFERENCE_SERIES, INSTITUTIONAL, LOCAL_EVENT, …" })
  eventTypes?: string[] | null;
}

@InputType("SachsenAnhaltPreventionBodyFilterInput", { description: "Narrows the prevention bodies; all given conditions must hold" })
export class PreventionBodyFilterInput {
  @Field(() => [ID], { nullable: true, description: "Register ids (ST-M-…)" })
  municipalityIds?: string[] | null;

  @Field(() => [PreventionBodyStatus], { nullable: true })
  statuses?: PreventionBodyStatus[] | null;
}

@InputType("SachsenAnhaltIndicatorFilterInput", { description: "Narrows the indicator series" })
export class IndicatorFilterInput {
  @Field(() => [String], { nullable: true, description: "Only these codes (lpr_members, event_participants)" })
  indicators?: string[] | null;
}

@InputType("SachsenAnhaltMunicipalityFilterInput", { description: "Narrows the register; all given conditions must hold" })
export class MunicipalityFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Landkreise, as the register names them" })
  districts?: string[] | null;
}

/** All figures with one indicator code, oldest first: a time series (the same shape in every state). */
@ObjectType("SachsenAnhaltIndicatorSeries", { description: "The figures of one indicator code, oldest first; undated last" })
export class SachsenAnhaltIndicatorSeries {
  @Field(() => String, { description: "Indicator code (lpr_members)" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => [SachsenAnhaltIndicator], { description: "Figures by the date they refer to, oldest first; undated last" })
  figures!: SachsenAnhaltIndicator[];

  @Field(() => SachsenAnhaltIndicator, { nullable: true, description: "The most recent dated figure" })
  latest!: SachsenAnhaltIndicator | null;

  @Field(() => [Source], { description: "Every source of the series' figures, without repeats" })
  sources!: Source[];
}

/** Groups figures already ordered by code and date into series. */
export function toIndicatorSeries(figures: readonly SachsenAnhaltIndicator[]): SachsenAnhaltIndicatorSeries[] {
  const byCode = new Map<string, SachsenAnhaltIndicator[]>();
  for (const f of figures) byCode.set(f.indicator, [...(byCode.get(f.indicator) ?? []), f]);
  return [...byCode.entries()].map(([indicator, list]) => {
    const dated = list.filter((f) => f.referenceIso !== null);
    const seen = new Set<string>();
    return {
      indicator,
      label: list.at(-1)!.label,
      unit: list.at(-1)!.unit,
      figures: list,
      latest: dated.at(-1) ?? null,
      sources: list.flatMap((f) => f.sources).filter((s) => !seen.has(s.url) && seen.add(s.url)),
    };
  });
}

export const PartnershipConnection = createConnectionType("SachsenAnhaltLocalPartnership", () => SachsenAnhaltLocalPartnership, "A page of local partnerships, ordered by signing date (unknown last), then id");
export const EventConnection = createConnectionType("SachsenAnhaltEvent", () => SachsenAnhaltEvent, "A page of events by date (unknown last)");
export const PreventionBodyConnection = createConnectionType("SachsenAnhaltPreventionBody", () => SachsenAnhaltPreventionBody, "A page of prevention bodies, by id");
export const IndicatorSeriesConnection = createConnectionType("SachsenAnhaltIndicatorSeries", () => SachsenAnhaltIndicatorSeries, "A page of indicator series, by code");
export const MunicipalityConnection = createConnectionType("SachsenAnhaltMunicipality", () => SachsenAnhaltMunicipality, "A page of the register, by name");
