import { DatePrecision, IndicatorQualifier, isValidIsoPrefix, OrdinalBasis, toSource, type RawSource, type Source } from "@laenderhub/shared";

/** Raised when the cited data holds something the seed cannot map without guessing. */
export class SeedDataError extends Error {
  override name = "SeedDataError";
}

/**
 * Maps one of the data's lower-case codes (`concluded_by`, `day_month`, `more than`) onto a
 * shared enum value (`CONCLUDED_BY`, `DAY_MONTH`, `MORE_THAN`). An unknown code stops the
 * seed: a new value in the data needs a decision, not a silent default.
 */
export function toVocabulary<T extends string>(values: Record<string, T>, raw: string, what: string): T {
  const code = raw.trim().toUpperCase().replace(/[\s-]+/g, "_");
  if (!(Object.values(values) as string[]).includes(code)) throw new SeedDataError(`${what}: unknown code "${raw}"`);
  return code as T;
}

/** The data writes no qualifier for an exact figure. */
export function toQualifier(raw: string | null, what: string): IndicatorQualifier {
  return raw === null ? IndicatorQualifier.EXACT : toVocabulary(IndicatorQualifier, raw, what);
}

/** `stated`, `stated (30th municipality to join)`, `implied: ...`: the first word says which. */
export function toOrdinalBasis(raw: string, what: string): OrdinalBasis {
  const word = /^(stated|implied)\b/i.exec(raw.trim());
  if (!word) throw new SeedDataError(`${what}: ordinal basis "${raw}" is neither stated nor implied`);
  return toVocabulary(OrdinalBasis, word[1]!, what);
}

/**
 * The ISO prefix a date keeps at its precision: a month-precise date is stored as `YYYY-MM`
 * even where the data writes a full day, so no day is ever invented.
 */
export function isoAtPrecision(date: string | null, precision: DatePrecision, what: string): string | null {
  if (date === null) return null;
  const keep: Partial<Record<DatePrecision, number>> = {
    [DatePrecision.DAY]: 10,
    [DatePrecision.MONTH]: 7,
    [DatePrecision.YEAR]: 4,
    [DatePrecision.HALF_YEAR]: 4,
  };
  const length = keep[precision];
  if (length === undefined || date.length < length) throw new SeedDataError(`${what}: date "${date}" does not carry precision ${precision}`);
  const iso = date.slice(0, length);
  if (!isValidIsoPrefix(iso)) throw new SeedDataError(`${what}: "${date}" is not an ISO date`);
  return iso;
}

/** Maps citations; a fact without a source is not served, so an empty list stops the seed. */
export function toSources(raw: readonly RawSource[] | undefined, what: string): Source[] {
  const sources = (raw ?? []).map(toSource);
  if (sources.length === 0) throw new SeedDataError(`${what} has no source`);
  return sources;
}
