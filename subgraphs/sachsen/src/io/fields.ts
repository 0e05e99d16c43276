import { z } from "zod";
import { optionalText, personOf, sourcesOf } from "../write/support.js";

/*
 * zod pieces of the import row schemas. They check the TYPES of a row's cells and bring the
 * values into stored shape (text trimmed, blanks null, lists never null); what the values
 * mean is checked by write/checks.ts, the same checks the mutations run.
 */

/** Required text, trimmed. */
export const requiredTextCell = z.string().transform((v) => v.trim());

/** Optional text: trimmed, blank or missing is null. */
export const optionalTextCell = z
  .string()
  .nullish()
  .transform((v) => optionalText(v));

/** An optional whole number. */
export const optionalIntegerCell = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? null);

/** A list of texts (a `;`-separated CSV cell, or a JSON array); missing is empty. */
export const textListCell = z
  .array(z.string())
  .nullish()
  .transform((v) => (v ?? []).map((s) => s.trim()));

const sourceCell = z.strictObject({
  url: z.string(),
  publisher: z.string().nullish(),
  title: z.string().nullish(),
  publishedOn: z.string().nullish(),
});

/** A list of sources `{url, publisher, title, publishedOn}` (a JSON cell in CSV). */
export const sourcesCell = z
  .array(sourceCell)
  .nullish()
  .transform((v) => sourcesOf(v ?? []));

const personCell = z
  .strictObject({
    name: z.string(),
    role: z.string().nullish(),
    organisation: z.string().nullish(),
    party: z.string().nullish(),
    basis: z.string(),
  })
  .transform(personOf);

/** A list of people `{name, role, organisation, party, basis}` (a JSON cell in CSV). */
export const peopleCell = z
  .array(personCell)
  .nullish()
  .transform((v) => v ?? []);

/** An enum value as text; which values are allowed is checked with the domain checks. */
export const enumCell = <T extends string>() => requiredTextCell.transform((v) => v as T);

/** An optional enum value as text. */
export const optionalEnumCell = <T extends string>() => optionalTextCell.transform((v) => v as T | null);
