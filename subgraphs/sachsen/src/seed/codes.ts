import {
  DatePrecision,
  EventStatus,
  IndicatorQualifier,
  OrdinalBasis,
  PersonBasis,
  PreventionBodyStatus,
  ProgrammeKind,
  SigningFormat,
} from "@laenderhub/shared";
import { AsskommStage } from "../schema/stage.js";

/*
 * The dataset's lower-case codes mapped onto the shared vocabulary. An unknown code stops the
 * seed (and rolls it back) rather than storing a value the schema cannot serve.
 */

function lookup<T>(what: string, table: Record<string, T>, code: string, recordId: string): T {
  const value = table[code];
  if (value === undefined) throw new Error(`seed: unknown ${what} "${code}" in ${recordId}`);
  return value;
}

const PRECISION: Record<string, DatePrecision> = {
  day: DatePrecision.DAY,
  month: DatePrecision.MONTH,
  year: DatePrecision.YEAR,
  day_month: DatePrecision.DAY_MONTH,
  half_year: DatePrecision.HALF_YEAR,
  unknown: DatePrecision.UNKNOWN,
};

const PERSON_BASIS: Record<string, PersonBasis> = {
  signed: PersonBasis.SIGNED,
  concluded_by: PersonBasis.CONCLUDED_BY,
  in_office: PersonBasis.IN_OFFICE,
  present: PersonBasis.PRESENT,
  announced_signer: PersonBasis.ANNOUNCED_SIGNER,
  quoted: PersonBasis.QUOTED,
};

const QUALIFIER: Record<string, IndicatorQualifier> = {
  "more than": IndicatorQualifier.MORE_THAN,
  about: IndicatorQualifier.ABOUT,
};

const STAGE: Record<string, AsskommStage> = {
  MODEL_MUNICIPALITY: AsskommStage.MODEL_MUNICIPALITY,
  PRE_AGREEMENT: AsskommStage.PRE_AGREEMENT,
  COOPERATION_AGREEMENT: AsskommStage.COOPERATION_AGREEMENT,
  PARTICIPATION_STATED: AsskommStage.PARTICIPATION_STATED,
};

const valuesOf = <T extends string>(e: Record<string, T>): Record<string, T> => Object.fromEntries(Object.values(e).map((v) => [v, v]));

export const mapPrecision = (code: string, recordId: string): DatePrecision => lookup("date precision", PRECISION, code, recordId);
export const mapPersonBasis = (code: string, recordId: string): PersonBasis => lookup("person basis", PERSON_BASIS, code, recordId);
export const mapStage = (instrument: string, recordId: string): AsskommStage => lookup("ASSKomm instrument", STAGE, instrument, recordId);
export const mapProgrammeKind = (code: string, recordId: string): ProgrammeKind => lookup("programme kind", valuesOf(ProgrammeKind), code, recordId);
export const mapEventStatus = (code: string, recordId: string): EventStatus => lookup("event status", valuesOf(EventStatus), code, recordId);
export const mapPreventionBodyStatus = (code: string, recordId: string): PreventionBodyStatus =>
  lookup("prevention body status", valuesOf(PreventionBodyStatus), code, recordId);

/** A signing or event format; null where no source reports one. */
export const mapFormat = (code: string | null, recordId: string): SigningFormat | null =>
  code === null ? null : lookup("format", valuesOf(SigningFormat), code.toUpperCase(), recordId);

/** A figure's qualifier: none given means the figure is exact. */
export const mapQualifier = (code: string | null, recordId: string): IndicatorQualifier =>
  code === null ? IndicatorQualifier.EXACT : lookup("qualifier", QUALIFIER, code, recordId);

/**
 * A funding amount's qualifier: "about" and "more than" qualify the amount; "total" and
 * "per year" say what it covers, so the amount itself is exact (the wording is kept apart).
 */
export const mapFundingQualifier = (code: string | null, recordId: string): IndicatorQualifier =>
  code === null || code === "total" || code === "per year" ? IndicatorQualifier.EXACT : mapQualifier(code, recordId);

/** "stated (47th municipality to join)" → STATED; "implied (…)" → IMPLIED. */
export function mapOrdinalBasis(text: string, recordId: string): OrdinalBasis {
  if (/^stated\b/i.test(text)) return OrdinalBasis.STATED;
  if (/^implied\b/i.test(text)) return OrdinalBasis.IMPLIED;
  throw new Error(`seed: unknown ordinal basis "${text}" in ${recordId}`);
}
