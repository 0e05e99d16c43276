import { z } from "zod";
import { DatePrecision, fieldError, isValidIsoPrefix, normalizeSource, PersonBasis, precisionOfIso, type FieldError, type Signatory, type Source } from "@laenderhub/shared";

/**
 * A file row must carry every column: an import replaces the whole record, so a column left out
 * would silently clear its field. A missing key gets this message; an empty cell is null.
 */
export const MISSING_COLUMN = "the column is missing: give every column (an empty cell for none), so that leaving one out never clears a field";

/** zod's error option: the missing-column message for an absent key, else what was expected. */
export function expected(what: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? MISSING_COLUMN : `expected ${what}, got ${JSON.stringify(issue.input)}`) };
}

/** An optional text column: null or blank is null, anything else is kept as written. */
export const optionalText = z
  .string(expected("a text"))
  .nullable()
  .transform((v) => (v === null || v.trim() === "" ? null : v));

/** A required text column: the domain checks report a blank one with the field name. */
export const requiredText = z
  .string(expected("a text"))
  .nullable()
  .transform((v) => v ?? "");

/** A list of texts; null is an empty list. */
export const textList = z
  .array(z.string(), expected("a list of texts"))
  .nullable()
  .transform((v) => v ?? []);

/** An optional whole number. */
export const optionalInteger = z
  .number(expected("a whole number"))
  .int()
  .nullable();

/** An optional value of an enum. */
export function optionalEnum<E extends Record<string, string>>(values: E) {
  return z.enum(values, expected(`one of ${Object.values(values).join(", ")}`)).nullable();
}

/** A required value of an enum. */
export function requiredEnum<E extends Record<string, string>>(values: E) {
  return z.enum(values, expected(`one of ${Object.values(values).join(", ")}`));
}

/** A list of enum values; null is an empty list. */
export function enumList<E extends Record<string, string>>(values: E) {
  return z
    .array(z.enum(values), expected("a list"))
    .nullable()
    .transform((v) => v ?? []);
}

/** A cited source as stored: every key present, blanks as null. */
export const sourceSchema = z
  .object({ url: z.string(), publisher: z.string().nullish(), title: z.string().nullish(), publishedOn: z.string().nullish() })
  .transform((s): Source => normalizeSource(s));

export const sourceList = z
  .array(sourceSchema, expected("a JSON list of sources"))
  .nullable()
  .transform((v) => v ?? []);

/** A person as stored: every key present, blanks as null. */
// Inside a JSON cell a left-out key is simply absent (the whole list is given), so these are nullish.
const nestedText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === "" ? null : v));

export const signatorySchema = z
  .object({ name: z.string(), role: nestedText, organisation: nestedText, party: nestedText, basis: z.enum(PersonBasis) })
  .transform((p): Signatory => ({ name: p.name, role: p.role, organisation: p.organisation, party: p.party, basis: p.basis }));

export const signatoryList = z
  .array(signatorySchema, expected("a JSON list of people"))
  .nullable()
  .transform((v) => v ?? []);

/** The stored precision of an optional ISO prefix: by its length, UNKNOWN when there is none. */
export function precisionOf(iso: string | null): DatePrecision {
  return iso === null ? DatePrecision.UNKNOWN : precisionOfIso(iso);
}

/** Checks that each text of a list is non-blank, naming the item (`notes[2]`). */
export function nonBlankItems(values: readonly string[], field: string): FieldError[] {
  return values.flatMap((v, i) => (v.trim() === "" ? [fieldError(`${field}[${i}]`, "a non-empty text is required")] : []));
}

/** True when month and day form a real day in some year (29 February included). */
export function isRealMonthDay(month: number, day: number): boolean {
  return isValidIsoPrefix(`2000-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
}

/** Splits a list into chunks that keep each `IN (...)` below SQLite's parameter limit. */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}
