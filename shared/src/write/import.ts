import { readFile } from "node:fs/promises";
import type { DataSource, EntityManager } from "typeorm";
import type { z } from "zod";
import { ErrorCode } from "../errors.js";
import { checkPlainValueLimits, MAX_NOTE } from "../schema/limits.js";
import { ChangeSource, HistoryAction } from "./audit-entry.js";
import { fileError, formatOfFile, readRecords, type ColumnSpec, type DataFormat, type RowError } from "./formats.js";
import { recordChange, type Actor } from "./record-change.js";
import { translateDatabaseError, withWriteTransaction } from "./transaction.js";
import { fieldErrorsFromZod, type FieldError } from "./validation.js";

/** What applying one record did. */
export type ApplyStatus = "created" | "updated" | "unchanged";

/**
 * The result of `apply`. For `created` and `updated` the engine writes the audit entry
 * (source "import") from `recordId`, `before` and `after`; `unchanged` writes nothing.
 */
export interface ApplyResult {
  status: ApplyStatus;
  recordId: string;
  /** The record as it was (null when created); a JSON-serialisable snapshot. */
  before?: unknown;
  /** The record as it is now; a JSON-serialisable snapshot. */
  after?: unknown;
}

/** A validated record with its position in the file. */
export interface ParsedRow<TRecord> {
  record: TRecord;
  key: string;
  line?: number;
  index?: number;
  where: string;
}

/**
 * Everything a state subgraph writes to make one record type importable and exportable:
 * its file columns, its row schema, its natural key, its own checks and how to store it.
 * The same spec drives `runImport`, `runExport` and the per-subgraph CLIs.
 */
export interface RecordIoSpec<TRecord, TExisting = unknown> {
  /** GraphQL type of the record, for the audit (`SaarlandSecurityPartnership`). */
  recordType: string;
  /** The file's columns (CSV header = record key), in export order. */
  columns: readonly ColumnSpec[];
  /** Shape and types of one row (after CSV cells are decoded); its issues become row errors. */
  schema: z.ZodType<TRecord>;
  /** The natural key that makes re-imports idempotent (usually the state-prefixed id). */
  naturalKey(record: TRecord): string;
  /** Domain checks of one record (the same checks the mutation runs), field errors or []. */
  check?(record: TRecord): FieldError[];
  /**
   * Checks that need the database or other rows (references exist), once for all rows,
   * read-only, before anything is written. Return errors tagged with the rows' positions.
   */
  checkAll?(rows: readonly ParsedRow<TRecord>[], manager: EntityManager): Promise<RowError[]>;
  /** Loads the existing records for the keys, inside the import transaction. */
  load(manager: EntityManager, keys: readonly string[]): Promise<Map<string, TExisting>>;
  /** Creates or updates one record; decides "unchanged" by comparing (see `sameSnapshot`). */
  apply(manager: EntityManager, record: TRecord, existing: TExisting | undefined): Promise<ApplyResult>;
  /** The state's records in import shape, in a stable order, for export. */
  exportRecords?(manager: EntityManager): Promise<TRecord[]>;
}

export interface ImportProgress {
  phase: "validate" | "apply";
  done: number;
  total: number;
}

export interface ImportOptions<TRecord, TExisting = unknown> extends RecordIoSpec<TRecord, TExisting> {
  file: string;
  /** Defaults to the file extension (.csv / .json). */
  format?: DataFormat;
  /** Validate and report what would change, write nothing. */
  dryRun?: boolean;
  dataSource: DataSource;
  /** The state that owns the records (audit `state`). */
  state: string;
  actor: Actor;
  /** Called every `progressEvery` rows of each phase and at its end. */
  onProgress?(progress: ImportProgress): void;
  progressEvery?: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  file: string;
  format: DataFormat | null;
  /** Rows read from the file. */
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every problem found, in file order; when non-empty nothing was written. */
  errors: RowError[];
  /** What each row did (or would do, on a dry run), in file order. */
  outcomes: Array<{ where: string; key: string; status: ApplyStatus }>;
}

// Thrown inside the transaction of a dry run, so everything done in it is rolled back.
class DryRunRollback extends Error {}

/**
 * Imports a CSV or JSON file of one record type. Reads the whole file and validates every row
 * first (shape, domain checks, duplicate keys, references), reporting ALL bad rows with their
 * CSV line or JSON index; if any row is bad nothing is written. Then applies all rows in ONE
 * transaction with an audit entry per created or updated record (source "import"), so a
 * failure or a killed process leaves the database as it was. Idempotent by natural key:
 * re-importing the same file reports every row unchanged and writes no audit entry. A dry run
 * does all of this and rolls back at the end.
 */
export async function runImport<TRecord, TExisting = unknown>(options: ImportOptions<TRecord, TExisting>): Promise<ImportReport> {
  const format = options.format ?? formatOfFile(options.file);
  const report: ImportReport = { ok: false, dryRun: options.dryRun ?? false, file: options.file, format, total: 0, created: 0, updated: 0, unchanged: 0, errors: [], outcomes: [] };
  if (!format) {
    report.errors.push(fileError(`cannot tell the format of ${options.file}: use a .csv or .json file (or --format)`));
    return report;
  }
  let text: string;
  try {
    text = await readFile(options.file, "utf8");
  } catch (err) {
    report.errors.push(fileError(`cannot read ${options.file}: ${(err as Error).message}`));
    return report;
  }

  const { rows: rawRows, errors } = readRecords(text, format, options.columns);
  report.total = rawRows.length + new Set(errors.filter((e) => e.field !== "(file)").map((e) => e.where)).size;
  const every = Math.max(1, options.progressEvery ?? 1000);
  const progress = (phase: ImportProgress["phase"], done: number, total: number) => {
    if (options.onProgress && (done % every === 0 || done === total)) options.onProgress({ phase, done, total });
  };

  // 1. Every row on its own: shape, then the state's own checks, then duplicate keys.
  const parsed: ParsedRow<TRecord>[] = [];
  const firstSeen = new Map<string, string>();
  rawRows.forEach((raw, i) => {
    const at = positionOf(raw);
    // The same declared limits as the GraphQL inputs of the same name, checked first so that no
    // schema message ever quotes an oversized value; a column the table does not name is free
    // text (MAX_NOTE).
    const oversized = checkPlainValueLimits(raw.values, "", "", { textFallback: MAX_NOTE });
    const result = oversized.length > 0 ? null : options.schema.safeParse(raw.values);
    if (!result) {
      errors.push(...oversized.map((v) => ({ field: v.field, code: ErrorCode.BAD_USER_INPUT, message: v.message, ...at })));
    } else if (!result.success) {
      errors.push(...fieldErrorsFromZod(result.error).map((e) => ({ ...e, ...at })));
    } else {
      const own = options.check?.(result.data) ?? [];
      if (own.length > 0) {
        errors.push(...own.map((e) => ({ ...e, ...at })));
      } else {
        const key = options.naturalKey(result.data);
        const earlier = firstSeen.get(key);
        if (earlier) errors.push({ field: "(row)", code: ErrorCode.CONFLICT, message: `${key} appears again (first at ${earlier})`, ...at });
        else {
          firstSeen.set(key, raw.where);
          parsed.push({ record: result.data, key, ...at });
        }
      }
    }
    progress("validate", i + 1, rawRows.length);
  });

  // 2. Checks across rows and against the database, read-only.
  if (errors.length === 0 && options.checkAll) errors.push(...(await options.checkAll(parsed, options.dataSource.manager)));
  if (errors.length > 0) {
    report.errors = sortErrors(errors);
    return report;
  }

  // 3. All rows in one transaction: all or nothing.
  try {
    await withWriteTransaction(options.dataSource, async (manager) => {
      const existing = await options.load(manager, parsed.map((p) => p.key));
      for (const [i, row] of parsed.entries()) {
        let result: ApplyResult;
        try {
          result = await options.apply(manager, row.record, existing.get(row.key));
          if (result.status !== "unchanged") {
            await recordChange(manager, {
              recordType: options.recordType,
              recordId: result.recordId,
              state: options.state,
              action: result.status === "created" ? HistoryAction.CREATE : HistoryAction.UPDATE,
              actor: options.actor,
              source: ChangeSource.IMPORT,
              before: result.before ?? null,
              after: result.after ?? null,
            });
          }
        } catch (err) {
          throw Object.assign(new Error((translateDatabaseError(err) as Error).message), { row });
        }
        report[result.status]++;
        report.outcomes.push({ where: row.where, key: row.key, status: result.status });
        progress("apply", i + 1, parsed.length);
      }
      if (report.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) {
      const row = (err as { row?: ParsedRow<TRecord> }).row;
      report.errors = [
        {
          field: "(row)",
          code: ErrorCode.BAD_USER_INPUT,
          message: `could not be stored: ${(err as Error).message}`,
          ...(row ? positionOf(row) : { where: "file" }),
        },
      ];
      report.created = report.updated = report.unchanged = 0;
      report.outcomes = [];
      return report;
    }
  }
  report.ok = true;
  return report;
}

function positionOf(row: { line?: number; index?: number; where: string }): Pick<RowError, "line" | "index" | "where"> {
  return { ...(row.line !== undefined ? { line: row.line } : {}), ...(row.index !== undefined ? { index: row.index } : {}), where: row.where };
}

function sortErrors(errors: RowError[]): RowError[] {
  const pos = (e: RowError) => e.line ?? e.index ?? -1;
  return [...errors].sort((a, b) => pos(a) - pos(b));
}
