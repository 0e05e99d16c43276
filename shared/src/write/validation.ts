import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import type { z } from "zod";
import { ErrorCode, LaenderhubError } from "../errors.js";
import { registerEntry } from "../dataset/register.js";
import { isValidIsoPrefix, todayIso } from "../schema/dates.js";
import { AGS_PREFIX, StateCode } from "../vocabulary.js";

/** One problem with one input field. `field` is the input path (`input.ags`, `sources[0].url`). */
export interface FieldError {
  field: string;
  code: ErrorCode;
  message: string;
}

type Maybe<T> = T | null | undefined;

/** A field error for a state's own checks (BAD_USER_INPUT unless another code fits better). */
export function fieldError(field: string, message: string, code: ErrorCode = ErrorCode.BAD_USER_INPUT): FieldError {
  return { field, code, message };
}

/**
 * Checks an Amtlicher Gemeindeschlüssel: exactly 8 digits (else INVALID_AGS), within the
 * state, i.e. starting with its prefix 10/14/15 (else BAD_USER_INPUT), and a municipality of
 * the official register, Destatis GV100AD (else INVALID_AGS naming the key). Null is
 * accepted: an AGS is null where no source confirms it, and is never guessed.
 */
export function validateAgs(ags: Maybe<string>, state: StateCode, field = "ags"): FieldError | null {
  if (ags === null || ags === undefined) return null;
  if (!/^\d{8}$/.test(ags)) return fieldError(field, `AGS ${JSON.stringify(ags)} must be exactly 8 digits`, ErrorCode.INVALID_AGS);
  const prefix = AGS_PREFIX[state];
  if (!ags.startsWith(prefix)) return fieldError(field, `AGS ${ags} is not in ${state}: AGS of ${state} start with ${prefix}`);
  if (!registerEntry(ags)) {
    return fieldError(field, `AGS ${ags} is not a municipality of the register (Destatis GV100AD, Gebietsstand 30.11.2025)`, ErrorCode.INVALID_AGS);
  }
  return null;
}

export interface DateRules {
  /** A missing value is an error (default: null is allowed, meaning "not known"). */
  required?: boolean;
  /** The date may not lie after today (signing dates, publication dates, reference dates). */
  notInFuture?: boolean;
  /** Only a full day YYYY-MM-DD is accepted (e.g. an end date the ministry sets). */
  dayOnly?: boolean;
  /** "Today" for notInFuture (tests); defaults to now. */
  now?: Date;
}

/**
 * Checks an ISO date with the precision the sources give: `YYYY`, `YYYY-MM` or a real
 * calendar day `YYYY-MM-DD` (no 2023-02-30). With `notInFuture`, the known part of the date
 * may not lie after today (2026 is fine all through 2026).
 */
export function validateIsoDate(value: Maybe<string>, field: string, rules: DateRules = {}): FieldError | null {
  if (value === null || value === undefined || value === "") {
    return rules.required ? fieldError(field, "a date is required") : null;
  }
  if (!isValidIsoPrefix(value)) {
    return fieldError(field, `${JSON.stringify(value)} is not a real date; use YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (rules.dayOnly && value.length !== 10) return fieldError(field, `${value} must be a full day (YYYY-MM-DD)`);
  if (rules.notInFuture) {
    const today = todayIso(rules.now);
    if (value > today.slice(0, value.length)) return fieldError(field, `${value} lies in the future (today is ${today})`);
  }
  return null;
}

/** Checks that `later` does not lie before `earlier` (compared on the precision both have). */
export function validateDateOrder(earlier: Maybe<string>, later: Maybe<string>, field: string, what = "the start"): FieldError | null {
  if (!earlier || !later) return null;
  const n = Math.min(earlier.length, later.length);
  return later.slice(0, n) < earlier.slice(0, n) ? fieldError(field, `${later} lies before ${what} (${earlier})`) : null;
}

/** The shape of a source in inputs and import files. */
export interface SourceLike {
  url?: Maybe<string>;
  publisher?: Maybe<string>;
  title?: Maybe<string>;
  publishedOn?: Maybe<string>;
}

/**
 * Checks the sources of a record: at least one (every fact served carries its sources), each
 * with an http(s) URL and, where given, a real publication date that is not in the future.
 */
export function validateSources(sources: Maybe<readonly SourceLike[]>, field = "sources", options: { now?: Date; required?: boolean } = {}): FieldError[] {
  const list = sources ?? [];
  const errors: FieldError[] = [];
  if (list.length === 0 && (options.required ?? true)) errors.push(fieldError(field, "at least one source is required"));
  list.forEach((source, i) => {
    const at = `${field}[${i}]`;
    if (!isHttpUrl(source?.url)) errors.push(fieldError(`${at}.url`, `${JSON.stringify(source?.url ?? null)} is not an http(s) URL`));
    const date = validateIsoDate(source?.publishedOn, `${at}.publishedOn`, { notInFuture: true, ...(options.now ? { now: options.now } : {}) });
    if (date) errors.push(date);
  });
  return errors;
}

function isHttpUrl(value: Maybe<string>): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Checks that a value is one of an enum's values (GraphQL checks its own enums; imports need this). */
export function validateEnum<E extends Record<string, string>>(value: Maybe<string>, values: E, field: string, options: { required?: boolean } = {}): FieldError | null {
  if (value === null || value === undefined) return options.required === false ? null : fieldError(field, "a value is required");
  const allowed = Object.values(values);
  return allowed.includes(value) ? null : fieldError(field, `${JSON.stringify(value)} is not one of ${allowed.join(", ")}`);
}

/** Checks a required, non-blank text with an optional maximum length. */
export function validateText(value: Maybe<string>, field: string, options: { required?: boolean; maxLength?: number } = {}): FieldError | null {
  if (value === null || value === undefined || value.trim() === "") {
    return options.required === false ? null : fieldError(field, "a non-empty text is required");
  }
  if (options.maxLength !== undefined && value.length > options.maxLength) return fieldError(field, `at most ${options.maxLength} characters are allowed`);
  return null;
}

/**
 * Checks that referenced records exist, in one query: one error per id that is missing
 * (NOT_FOUND is for lookups; a dangling reference in input is BAD_USER_INPUT).
 */
export async function validateReferences<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  ids: readonly Maybe<string>[],
  field: string | ((index: number) => string),
  options: { column?: string; what?: string } = {},
): Promise<FieldError[]> {
  const column = options.column ?? "id";
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string" && id !== ""))];
  if (wanted.length === 0) return [];
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await manager.getRepository(entity).find({ select: { [column]: true } as never, where: { [column]: In(wanted.slice(i, i + 500)) } as never });
    for (const row of rows) found.add(String((row as Record<string, unknown>)[column]));
  }
  const what = options.what ?? "record";
  return ids.flatMap((id, i) =>
    typeof id === "string" && id !== "" && !found.has(id) ? [fieldError(typeof field === "string" ? field : field(i), `${what} ${id} does not exist`)] : [],
  );
}

/** Turns zod issues into field errors (`path` joined as `a.b[0].c`, under an optional prefix). */
export function fieldErrorsFromZod(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), prefix);
    const params = (issue as { params?: { code?: string } }).params;
    const code = params?.code && (Object.values(ErrorCode) as string[]).includes(params.code) ? (params.code as ErrorCode) : ErrorCode.BAD_USER_INPUT;
    return fieldError(path || "(row)", issue.message, code);
  });
}

/**
 * The error a mutation throws for invalid input: one GraphQL error listing every problem.
 * `extensions.fields` holds all of them (field, code, message); `extensions.field` the
 * first; `extensions.code` is the shared code when all agree, else BAD_USER_INPUT.
 */
export function validationError(errors: readonly FieldError[]): LaenderhubError {
  const codes = new Set(errors.map((e) => e.code));
  const code = codes.size === 1 ? errors[0]!.code : ErrorCode.BAD_USER_INPUT;
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join("; ");
  return new LaenderhubError(code, `Invalid input: ${summary}`, { field: errors[0]?.field, fields: errors.map((e) => ({ ...e })) });
}

/**
 * Collects the field errors of one input, so all of them are reported together; validation
 * runs before the write transaction starts, so invalid input writes nothing.
 */
export class FieldErrors {
  readonly list: FieldError[] = [];

  /** Adds errors; nulls (a passed check) are ignored. */
  add(...errors: Array<Maybe<FieldError> | readonly FieldError[]>): this {
    for (const e of errors) {
      if (Array.isArray(e)) this.list.push(...e);
      else if (e) this.list.push(e as FieldError);
    }
    return this;
  }

  get hasErrors(): boolean {
    return this.list.length > 0;
  }

  /** Throws the combined validation error when any check failed. */
  throwIfAny(): void {
    if (this.hasErrors) throw validationError(this.list);
  }
}
