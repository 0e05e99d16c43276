import { ErrorCode, badInput } from "@laenderhub/shared";

/** The largest page a membership list serves. */
export const MAX_PAGE_SIZE = 500;

/** Checks paging arguments; bad values are the caller's error, never silently clamped. */
export function checkPaging(first: number, offset: number): void {
  if (first < 0 || first > MAX_PAGE_SIZE) throw badInput("first", `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  if (offset < 0) throw badInput("offset", `offset must not be negative, got ${offset}`);
}

/** A lookup id must at least be a non-blank, short string; an id that simply does not exist yields null. */
export function checkId(field: string, id: string): string {
  const trimmed = id.trim();
  if (trimmed === "" || trimmed.length > 100) throw badInput(field, `${field} must be a non-empty id of at most 100 characters`);
  return trimmed;
}

/**
 * Accepts "Polizeidirektion Görlitz" or just "Görlitz", as people write both.
 */
export function normalisePolizeidirektion(value: string): string {
  const trimmed = value.trim().replace(/\s+/g, " ");
  if (trimmed === "" || trimmed.length > 100) throw badInput("polizeidirektion", "polizeidirektion must be a non-empty name such as 'Polizeidirektion Görlitz'");
  return /^Polizeidirektion /i.test(trimmed) ? `Polizeidirektion ${trimmed.slice("Polizeidirektion ".length)}` : `Polizeidirektion ${trimmed}`;
}

/** Indicator codes are lower-case snake case (member_municipalities, budget_eur, …). */
export function checkIndicatorCode(code: string): string {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(code)) throw badInput("indicator", `indicator must be a lower-case code such as member_municipalities, got "${code}"`);
  return code;
}

/** An AGS is exactly 8 digits; any other shape is refused rather than looked up. */
export function checkAgs(ags: string): string {
  if (!/^\d{8}$/.test(ags)) throw badInput("ags", `ags must be the 8-digit Amtlicher Gemeindeschlüssel, got "${ags}"`, ErrorCode.INVALID_AGS);
  return ags;
}
