import {
  ErrorCode,
  LaenderhubError,
  normalizeSource,
  sameSnapshot,
  StateCode,
  type FieldError,
  type FieldErrors,
  type Signatory,
  type SignatoryInput,
  type Source,
  type SourceInput,
} from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { createSaarlandLoaders } from "../loaders/index.js";
import { SAARLAND_IDS, type SaarlandIdKind } from "../write/ids.js";
import type { IndexedFieldError } from "../write/partnership.row.js";

/** The state this subgraph writes for. */
export const STATE = StateCode.SL;

/** The programme a new record belongs to when the input names none (Saarland has one). */
export const DEFAULT_PROGRAMME_ID = "SL-PRG-SIPA";

/** Audit record types, as the GraphQL types are named. */
export const RECORD_TYPES = {
  partnership: "SaarlandSecurityPartnership",
  event: "SaarlandEvent",
  indicator: "SaarlandIndicator",
  municipality: "SaarlandMunicipality",
} as const;

/**
 * Refuses an id of another state or another kind of record before any lookup: a mutation of
 * this subgraph changes Saarland's records only (each state changes its own).
 */
export function requireOwnId(id: string, kind: SaarlandIdKind, field = "id"): void {
  const { prefix } = SAARLAND_IDS[kind];
  if (!id.startsWith(prefix)) {
    throw new LaenderhubError(ErrorCode.BAD_USER_INPUT, `${id} is not a Saarland ${kind} id (${prefix}…); each state changes only its own records`, { field });
  }
}

/** Stored form of sources from input: trimmed, blanks as null. */
export function toSources(input: readonly SourceInput[] | null | undefined): Source[] {
  return (input ?? []).map(normalizeSource);
}

/** Stored form of people from input: every key present, blanks as null. */
export function toPeople(input: readonly SignatoryInput[] | null | undefined): Signatory[] {
  const blank = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === "" ? null : v);
  return (input ?? []).map((p) => ({ name: p.name, role: blank(p.role), organisation: blank(p.organisation), party: blank(p.party), basis: p.basis }));
}

/** Optional text from input: blank is null. */
export function optional(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === "" ? null : value;
}

/** Adds the reference problems of a single record to its field errors. */
export function addReferenceErrors(errors: FieldErrors, found: readonly IndexedFieldError[], skip: (e: FieldError) => boolean = () => false): void {
  errors.add(found.map((x) => x.error).filter((e) => !skip(e)));
}

/**
 * Inside the write transaction: refuses to write over a record that another request changed
 * since it was validated (optimistic check; on SQLite writes are queued, on PostgreSQL they
 * may overlap).
 */
export function requireUnchangedSince<T>(current: T | undefined, validated: T, id: string): void {
  if (current === undefined || !sameSnapshot(current, validated)) {
    throw new LaenderhubError(ErrorCode.CONFLICT, `${id} was changed by another request meanwhile; read it again and retry`, { field: "id" });
  }
}

/** After a write, later fields of the same operation must not read cached rows from before it. */
export function forgetCachedRows(ctx: SaarlandContext): void {
  ctx.loaders = createSaarlandLoaders(ctx.dataSource);
}
