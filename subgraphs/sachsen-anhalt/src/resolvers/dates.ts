import { DatePrecision, precisionOfIso, toFuzzyDate, type FuzzyDate } from "@laenderhub/shared";

/** The served FuzzyDate of a stored ISO prefix and precision (the columns hold DatePrecision values). */
export function fuzzy(iso: string | null, precision: string, note: string | null = null): FuzzyDate {
  return toFuzzyDate(iso, precision as DatePrecision, note);
}

/** The FuzzyDate of an ISO prefix whose precision is its length (UNKNOWN when null). */
export function fuzzyFromIso(iso: string | null): FuzzyDate {
  return toFuzzyDate(iso, iso === null ? DatePrecision.UNKNOWN : precisionOfIso(iso));
}
