import { ErrorCode, sameSnapshot, type ColumnSpec, type FieldError, type ParsedRow, type RecordIoSpec, type RowError } from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import type { z } from "zod";
import type { Draft } from "../write/index.js";

/** How one record type of the state is read, checked and stored; `recordIo` turns it into a RecordIoSpec. */
export interface RecordDomain<TRow extends { id: string }, TRecord extends { id: string }> {
  recordType: string;
  columns: readonly ColumnSpec[];
  schema: z.ZodType<TRow>;
  /** Checks of the fields a row gives, each on its own (before the database is read). */
  checkRow?(row: TRow): FieldError[];
  /** The whole record after the row: the existing one with the row's columns replaced, or a new one. */
  complete(row: TRow, existing: TRecord | null): Draft<TRecord>;
  /** Checks of the whole record (required fields, rules across fields). */
  validate(record: Draft<TRecord>, row: TRow): FieldError[];
  /**
   * Checks against the database and across rows (references, uniqueness), batched for all
   * records; `fieldOf(i, name)` names the field of the i-th record.
   */
  references?(manager: EntityManager, records: readonly Draft<TRecord>[], fieldOf: (index: number, name: string) => string): Promise<FieldError[]>;
  load(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, TRecord>>;
  store(manager: EntityManager, record: TRecord, existed: boolean): Promise<void>;
}

function positioned(error: FieldError, row: ParsedRow<unknown>): RowError {
  return { ...error, ...(row.line !== undefined ? { line: row.line } : {}), ...(row.index !== undefined ? { index: row.index } : {}), where: row.where };
}

// Field names of batched checks carry the row's index, so each error lands on its own row.
const tag = (index: number, name: string) => `${index}\u0000${name}`;

/**
 * The RecordIoSpec of one record type. A row replaces the columns it has and keeps the others
 * (an absent column is not a cleared one), so a file with a few columns corrects just those.
 * Export writes every column, so an export re-imports with every row unchanged.
 */
export function recordIo<TRow extends { id: string }, TRecord extends { id: string }>(domain: RecordDomain<TRow, TRecord>): RecordIoSpec<TRow, TRecord> {
  return {
    recordType: domain.recordType,
    columns: domain.columns,
    schema: domain.schema,
    naturalKey: (row) => row.id,
    ...(domain.checkRow ? { check: domain.checkRow } : {}),
    async checkAll(rows, manager): Promise<RowError[]> {
      const existing = await domain.load(manager, rows.map((r) => r.key));
      const records = rows.map((r) => domain.complete(r.record, existing.get(r.key) ?? null));
      const errors = rows.flatMap((row, i) => domain.validate(records[i]!, row.record).map((e) => positioned(e, row)));
      if (errors.length > 0 || !domain.references) return errors;
      const found = await domain.references(manager, records, tag);
      return found.map((e) => {
        const [index, field] = e.field.split("\u0000");
        const row = rows[Number(index)];
        return row && field !== undefined ? positioned({ ...e, field }, row) : { ...e, where: "file" };
      });
    },
    load: (manager, keys) => domain.load(manager, keys),
    async apply(manager, row, existing) {
      const record = domain.complete(row, existing ?? null) as TRecord;
      if (existing && sameSnapshot(existing, record)) return { status: "unchanged", recordId: row.id };
      await domain.store(manager, record, existing !== undefined);
      return { status: existing ? "updated" : "created", recordId: record.id, before: existing ?? null, after: record };
    },
    async exportRecords(manager) {
      return [...(await domain.load(manager)).values()] as unknown as TRow[];
    },
  };
}

/** CONFLICT errors for a key that a later record repeats (e.g. two rows with one AGS). */
export function repeated<T>(records: readonly T[], keyOf: (record: T) => string | null, fieldOf: (index: number) => string, what: string): FieldError[] {
  const first = new Map<string, number>();
  return records.flatMap((record, i) => {
    const key = keyOf(record);
    if (key === null) return [];
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, i);
      return [];
    }
    return [{ field: fieldOf(i), code: ErrorCode.CONFLICT, message: `${what} ${key} appears in an earlier row too` }];
  });
}
