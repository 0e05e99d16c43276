import { DatePrecision } from "../vocabulary.js";
import type { FuzzyDate } from "./value-types.js";

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True when `iso` is YYYY, YYYY-MM or a real calendar day YYYY-MM-DD. */
export function isValidIsoPrefix(iso: string): boolean {
  const m = ISO_PREFIX.exec(iso);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false;
  if (d !== undefined) {
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d);
  }
  return true;
}

/** The precision an ISO prefix carries by its length. */
export function precisionOfIso(iso: string): DatePrecision {
  return iso.length === 4 ? DatePrecision.YEAR : iso.length === 7 ? DatePrecision.MONTH : DatePrecision.DAY;
}

/**
 * Builds the served FuzzyDate from what is stored: an ISO prefix (or null), its precision,
 * and for DAY_MONTH dates (year unknown) the month and day kept separately.
 */
export function toFuzzyDate(
  iso: string | null,
  precision: DatePrecision,
  note: string | null = null,
  monthDay: { month: number; day: number } | null = null,
): FuzzyDate {
  const m = iso ? ISO_PREFIX.exec(iso) : null;
  return {
    iso,
    precision,
    year: m ? Number(m[1]) : null,
    month: m?.[2] ? Number(m[2]) : (monthDay?.month ?? null),
    day: m?.[3] ? Number(m[3]) : (monthDay?.day ?? null),
    note,
  };
}

/** Year and quarter of an ISO prefix, where it says them. */
export function yearOf(iso: string | null): number | null {
  return iso ? Number(iso.slice(0, 4)) : null;
}

export function quarterOf(iso: string | null): string | null {
  if (!iso || iso.length < 7) return null;
  return `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Today's date as YYYY-MM-DD (UTC), the bound for dates that cannot lie in the future. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * A date as a source words it, served as a FuzzyDate: an ISO prefix keeps its precision, a
 * half-year (2017-H2) is HALF_YEAR of its year, anything else keeps its words in the note with
 * precision UNKNOWN. Nothing is invented: the words stay in `note` wherever they say more.
 */
export function fuzzyDateOfText(text: string): FuzzyDate {
  if (isValidIsoPrefix(text)) return toFuzzyDate(text, precisionOfIso(text));
  const half = /^(\d{4})-H[12]\b/.exec(text);
  if (half) return toFuzzyDate(half[1]!, DatePrecision.HALF_YEAR, text);
  return toFuzzyDate(null, DatePrecision.UNKNOWN, text);
}
