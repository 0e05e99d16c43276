import { ErrorCode, badInput } from "@laenderhub/shared";

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
export function checkIndicatorCode(code: string, field = "indicator"): string {
  if (!/^[a-z][a-z0-9_]{0,63}$/.test(code)) throw badInput(field, `${field} must be a lower-case code such as member_municipalities`);
  return code;
}

/** An AGS is exactly 8 digits; any other shape is refused rather than looked up. */
export function checkAgs(ags: string): string {
  if (!/^\d{8}$/.test(ags)) throw badInput("ags", `ags must be the 8-digit Amtlicher Gemeindeschlüssel, got "${ags}"`, ErrorCode.INVALID_AGS);
  return ags;
}
