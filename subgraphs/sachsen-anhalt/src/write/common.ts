import {
  DatePrecision,
  fieldError,
  normalizeSource,
  PersonBasis,
  precisionOfIso,
  validateEnum,
  validateSources,
  validateText,
  type FieldError,
  type Signatory,
  type Source,
  type SourceLike,
} from "@laenderhub/shared";
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { z } from "zod";

/** The one programme of Sachsen-Anhalt; new records belong to it unless they name another. */
export const SACHSEN_ANHALT_PROGRAMME_ID = "ST-PRG-SIPA";

/** GraphQL type names of the records the write path changes; they label audit entries. */
export const RecordType = {
  PARTNERSHIP: "SachsenAnhaltLocalPartnership",
  EVENT: "SachsenAnhaltEvent",
  INDICATOR: "SachsenAnhaltIndicator",
  MUNICIPALITY: "SachsenAnhaltMunicipality",
  PROGRAMME: "SachsenAnhaltProgramme",
} as const;

/** A record under construction: every field may still be null until it is validated. */
export type Draft<T> = { [K in keyof T]: T[K] | null };

/** The input path of a field: `input.signedOn` under a mutation's input, `signedOn` in an import row. */
export function at(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** Keeps only the keys whose value was given (`undefined` means "not given", `null` means "clear"). */
export function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** An optional text as stored: blank is null (a CSV cell cannot tell them apart either). */
export function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return value === null || value.trim() === "" ? null : value;
}

/** A list as stored: null means the empty list. */
export function list<T>(value: readonly T[] | null | undefined): T[] | undefined {
  return value === undefined ? undefined : [...(value ?? [])];
}

/** The loose shape of a person in inputs and files, before validation. */
export interface PersonLike {
  name?: string | null;
  role?: string | null;
  organisation?: string | null;
  party?: string | null;
  basis?: string | null;
}

/** A person as stored: every field present, blanks as null. */
export function normalizePerson(person: PersonLike): Signatory {
  return {
    name: (person.name ?? "").trim(),
    role: optionalText(person.role?.trim()) ?? null,
    organisation: optionalText(person.organisation?.trim()) ?? null,
    party: optionalText(person.party?.trim()) ?? null,
    basis: (person.basis ?? "") as PersonBasis,
  };
}

/** Sources as stored (see `normalizeSource`); null means none. */
export function sourceList(value: readonly SourceLike[] | null | undefined): Source[] | undefined {
  return value === undefined ? undefined : (value ?? []).map(normalizeSource);
}

/** The precision an optional ISO prefix carries (UNKNOWN when there is none). */
export function precisionOf(iso: string | null): DatePrecision {
  return iso === null ? DatePrecision.UNKNOWN : precisionOfIso(iso);
}

/** Checks an id against the state's pattern for one kind of record (`ST-P-07`, `ST-E-013`). */
export function validateId(id: string | null | undefined, prefix: string, example: string, field: string): FieldError | null {
  if (id === null || id === undefined || id === "") return fieldError(field, "an id is required");
  const pattern = new RegExp(`^${prefix}[A-Z0-9]+(?:-[A-Z0-9]+)*$`);
  return pattern.test(id) ? null : fieldError(field, `${JSON.stringify(id)} is not a Sachsen-Anhalt id of this kind: ids look like ${example} (prefix ${prefix}, upper-case letters and digits)`);
}

/** Checks a list of non-blank texts. */
export function validateTexts(values: readonly (string | null)[] | null | undefined, field: string): FieldError[] {
  return (values ?? []).flatMap((v, i) => {
    const e = validateText(v, `${field}[${i}]`);
    return e ? [e] : [];
  });
}

/**
 * Checks people: a name and a known basis each. A signatory cannot have the basis PRESENT:
 * people who only attended are listed as present, and never counted as signatories.
 */
export function validatePeople(people: readonly Signatory[] | null | undefined, field: string, options: { signatories: boolean }): FieldError[] {
  return (people ?? []).flatMap((p, i) => {
    const errors: FieldError[] = [];
    const name = validateText(p.name, `${field}[${i}].name`);
    if (name) errors.push(name);
    const basis = validateEnum(p.basis, PersonBasis, `${field}[${i}].basis`);
    if (basis) errors.push(basis);
    else if (options.signatories && p.basis === PersonBasis.PRESENT) {
      errors.push(fieldError(`${field}[${i}].basis`, "a signatory cannot have the basis PRESENT; list people who only attended under present"));
    }
    return errors;
  });
}

/** Checks a record's own sources: at least one, each with an http(s) URL and a real past date. */
export function validateRecordSources(sources: readonly Source[] | null | undefined, field: string, required = true): FieldError[] {
  return validateSources(sources, field, { required });
}

/**
 * The next free stable id of a kind: one more than the highest number in use after the
 * prefix, padded like the data's ids (`ST-P-07`, `ST-E-013`). Run it inside the write
 * transaction, so two writes queued on one database never pick the same id.
 */
export async function nextFreeId(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, prefix: string, width: number): Promise<string> {
  const rows = (await manager
    .getRepository(entity)
    .createQueryBuilder("r")
    .select("r.id", "id")
    .where("r.id LIKE :prefix", { prefix: `${prefix}%` })
    .getRawMany()) as { id: string }[];
  let highest = 0;
  for (const { id } of rows) {
    const rest = id.slice(prefix.length);
    if (/^\d+$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${prefix}${String(highest + 1).padStart(width, "0")}`;
}

/** True when a row with this id exists (one statement). */
export async function exists(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, id: string): Promise<boolean> {
  return (await manager.getRepository(entity).count({ where: { id } })) > 0;
}

// Imports may carry many thousand keys; SQL parameter lists stay well below every driver's limit.
const CHUNK = 500;

/** Rows whose `column` is one of `values`, fetched in chunks (one statement per 500 values). */
export async function findIn<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  column: keyof T & string,
  values: readonly string[],
  order: Partial<Record<keyof T & string, "ASC">> = {},
): Promise<T[]> {
  const unique = [...new Set(values)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(...(await manager.getRepository(entity).find({ where: { [column]: In(unique.slice(i, i + CHUNK)) } as never, order: order as never })));
  }
  return rows;
}

// ---- row schemas: the shape of one import row, before the domain checks ----------------------

/** A text cell: string, null (empty cell) or absent (column not in the file: keep the value). */
export const textCell = z.string().nullish();
/** An integer cell. */
export const integerCell = z.number().int().nullish();
/** A number cell. */
export const numberCell = z.number().nullish();
/** A list of texts (a `;`-separated or JSON cell). */
export const textListCell = z.array(z.string()).nullish();

/** One source in a JSON cell; unknown keys are refused, so a misspelt key cannot drop a date. */
export const sourceCell = z.strictObject({
  url: z.string().nullish(),
  publisher: z.string().nullish(),
  title: z.string().nullish(),
  publishedOn: z.string().nullish(),
});
export const sourcesCell = z.array(sourceCell).nullish();

/** One person in a JSON cell. */
export const personCell = z.strictObject({
  name: z.string().nullish(),
  role: z.string().nullish(),
  organisation: z.string().nullish(),
  party: z.string().nullish(),
  basis: z.string().nullish(),
});
export const peopleCell = z.array(personCell).nullish();
