import { DatePrecision, fieldsOfActionFromText, precisionOfIso, sortableName, type FieldOfAction } from "@laenderhub/shared";

/*
 * Columns that follow from others. The seed and every write compute them with these same
 * functions, so a record written through the API or an import reads exactly like a seeded one
 * in the namespace queries and in the cmp_* views.
 */

/** The Polizeidirektion among the parties; "Polizei Sachsen" names none, so it stays null. */
export function polizeidirektionOf(partners: readonly string[]): string | null {
  return partners.find((x) => /^Polizeidirektion\s+\S/.test(x)) ?? null;
}

/**
 * The precision of a signing date: from the ISO prefix when the year is known, DAY_MONTH when
 * only day and month are, UNKNOWN otherwise.
 */
export function signedPrecisionOf(signedOn: string | null, signedMonth: number | null, signedDay: number | null): DatePrecision {
  if (signedOn) return precisionOfIso(signedOn);
  return signedMonth !== null && signedDay !== null ? DatePrecision.DAY_MONTH : DatePrecision.UNKNOWN;
}

/** The precision an optional ISO prefix carries; UNKNOWN when there is none. */
export function precisionOf(iso: string | null): DatePrecision {
  return iso ? precisionOfIso(iso) : DatePrecision.UNKNOWN;
}

/** The shared fields of action a membership's notes name (never more than they name). */
export function fieldsOfActionOf(notes: readonly string[]): FieldOfAction[] {
  return fieldsOfActionFromText(notes);
}

/** The stored sort key of a municipality name. */
export function sortNameOf(name: string): string {
  return sortableName(name);
}
