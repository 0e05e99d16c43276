import {
  ErrorCode,
  FieldErrors,
  LaenderhubError,
  normalizeSource,
  withWriteTransaction,
  type FieldError,
  type PersonBasis,
  type Signatory,
  type Source,
  type SourceLike,
} from "@laenderhub/shared";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { SachsenContext } from "../context.js";
import { createSachsenLoaders } from "../loaders/index.js";
import type { IndexedFieldError } from "./references.js";

/*
 * Small pieces every write shares: input normalisation (text trimmed, blanks are null, sources
 * and people in their stored shape) and the error plumbing.
 */

type Maybe<T> = T | null | undefined;

/** Optional text as stored: trimmed, and null when blank. */
export function optionalText(value: Maybe<string>): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Required text as stored: trimmed (a blank one is left for validation to refuse). */
export function requiredText(value: Maybe<string>): string {
  return (value ?? "").trim();
}

/** A list of texts as stored: each trimmed. */
export function textList(values: Maybe<readonly string[]>): string[] {
  return (values ?? []).map((v) => v.trim());
}

/** Sources as stored: every field present, blanks as null. */
export function sourcesOf(sources: Maybe<readonly SourceLike[]>): Source[] {
  return (sources ?? []).map(normalizeSource);
}

/** A person as stored: every field present, blanks as null. */
export function personOf(p: { name?: Maybe<string>; role?: Maybe<string>; organisation?: Maybe<string>; party?: Maybe<string>; basis?: Maybe<string> }): Signatory {
  return {
    name: requiredText(p.name),
    role: optionalText(p.role),
    organisation: optionalText(p.organisation),
    party: optionalText(p.party),
    basis: p.basis as PersonBasis,
  };
}

/**
 * Throws one validation error for the shape errors and the database errors together. A
 * database error on a field that already has a shape error is dropped: "does not exist"
 * adds nothing to "is not an id".
 */
export function throwIfInvalid(shape: readonly FieldError[], database: readonly IndexedFieldError[] = []): void {
  const fields = new Set(shape.map((e) => e.field));
  new FieldErrors()
    .add(shape)
    .add(database.map((e) => e.error).filter((e) => !fields.has(e.field)))
    .throwIfAny();
}

/** A record changed between validation and the write transaction: the caller may retry. */
export function changedMeanwhile(what: string, id: string): LaenderhubError {
  return new LaenderhubError(ErrorCode.CONFLICT, `${what} ${id} was changed by another write meanwhile; read it again and retry`, { id });
}

/**
 * Gives the request fresh loaders after a write, so the fields of the returned record are
 * read from the committed data and never from a cache filled before the write.
 */
export function refreshLoaders(ctx: SachsenContext): void {
  ctx.loaders = createSachsenLoaders(ctx.dataSource);
}

/**
 * Runs a create in one write transaction. When the subgraph assigns the id (the next free
 * one), two creates on PostgreSQL may pick the same id at once: the primary key refuses the
 * later one with CONFLICT, and it is run again, picking the next id. A caller-given id that
 * is taken stays a CONFLICT.
 */
export async function withAssignedId<T>(dataSource: DataSource, idGiven: boolean, write: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withWriteTransaction(dataSource, write);
    } catch (err) {
      const conflict = err instanceof LaenderhubError && err.extensions.code === ErrorCode.CONFLICT;
      if (idGiven || !conflict || attempt >= 5) throw err;
    }
  }
}

/**
 * Locks a record's row until the write transaction ends, so that a concurrent write cannot
 * slip in between reading the record and writing it back. On PostgreSQL this is
 * `SELECT … FOR UPDATE`; on SQLite writes are already queued one at a time per database.
 */
export async function lockForUpdate(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, id: string): Promise<void> {
  if (manager.connection.options.type !== "postgres") return;
  await manager.getRepository(entity).createQueryBuilder("x").select("x.id", "id").where("x.id = :id", { id }).setLock("pessimistic_write").getRawOne();
}
