import type { FieldError } from "../write/validation.js";

/**
 * Renames the fields of validation errors from a record's column names to the GraphQL input's
 * names (`input.date` → `input.occursOn`), where the public API names a concept differently
 * from the import file: the error names the field the client sent.
 */
export function asInputFields(errors: readonly FieldError[], renames: Readonly<Record<string, string>>): FieldError[] {
  return errors.map((e) => {
    for (const [from, to] of Object.entries(renames)) {
      if (e.field === from || e.field.startsWith(`${from}.`) || e.field.startsWith(`${from}[`)) return { ...e, field: to + e.field.slice(from.length) };
    }
    return e;
  });
}
