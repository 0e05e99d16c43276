import { extname } from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { ErrorCode } from "../errors.js";
import type { FieldError } from "./validation.js";

/** File formats of bulk import and export. */
export type DataFormat = "csv" | "json";

/**
 * How a record field is written to a CSV cell (JSON files keep values as they are):
 * `text` as is (empty cell = null), `integer`/`number` as digits, `boolean` as true/false,
 * `list` as `;`-separated values (a list of strings; empty cell = empty list), `json` as
 * JSON text in the cell (nested lists such as sources; empty cell = null).
 */
export type ColumnKind = "text" | "integer" | "number" | "boolean" | "list" | "json";

/** One field of a record file: the CSV header and the record key are the same name. */
export interface ColumnSpec {
  name: string;
  kind?: ColumnKind;
}

/** A problem with one row of an import file (or with the file itself). */
export interface RowError extends FieldError {
  /** CSV: the file line the record starts on (the header is line 1). */
  line?: number;
  /** JSON: the index of the object in the top-level array (0-based). */
  index?: number;
  /** Human-readable position: `line 7`, `[3]`, or `file`. */
  where: string;
}

/** One record read from a file, before validation. */
export interface RawRow {
  line?: number;
  index?: number;
  where: string;
  values: Record<string, unknown>;
}

/** The format of a file by its extension (`.csv`, `.json`), or null. */
export function formatOfFile(file: string): DataFormat | null {
  const ext = extname(file).toLowerCase();
  return ext === ".csv" ? "csv" : ext === ".json" ? "json" : null;
}

const LIST_SEPARATOR = ";";

/** An error about the file as a whole (format, header), optionally at a line. */
export function fileError(message: string, line?: number): RowError {
  return { field: "(file)", code: ErrorCode.BAD_USER_INPUT, message, where: line ? `line ${line}` : "file", ...(line ? { line } : {}) };
}

/**
 * Reads the records of a file. CSV: a header row naming the columns (unknown or repeated
 * headers are errors, so a typo never drops data silently), cells decoded by column kind,
 * each record tagged with the line it starts on. JSON: an array of objects, tagged by index.
 */
export function readRecords(text: string, format: DataFormat, columns: readonly ColumnSpec[]): { rows: RawRow[]; errors: RowError[] } {
  return format === "csv" ? readCsv(text, columns) : readJson(text);
}

function readJson(text: string): { rows: RawRow[]; errors: RowError[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    return { rows: [], errors: [fileError(`not valid JSON: ${(err as Error).message}`)] };
  }
  if (!Array.isArray(data)) return { rows: [], errors: [fileError("a JSON import file must hold an array of objects")] };
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  data.forEach((item, index) => {
    if (item && typeof item === "object" && !Array.isArray(item)) rows.push({ index, where: `[${index}]`, values: item as Record<string, unknown> });
    else errors.push({ field: "(row)", code: ErrorCode.BAD_USER_INPUT, message: "each entry must be an object", index, where: `[${index}]` });
  });
  return { rows, errors };
}

function readCsv(text: string, columns: readonly ColumnSpec[]): { rows: RawRow[]; errors: RowError[] } {
  // Line numbers are counted on LF only; CRLF files (spreadsheets on Windows) are normalised first.
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let records: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    records = parse(normalised, { info: true, raw: true, skip_empty_lines: true, relax_column_count: true }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { rows: [], errors: [fileError(`not valid CSV: ${e.message}`, e.lines)] };
  }
  if (records.length === 0) return { rows: [], errors: [fileError("the CSV file is empty; it needs a header row")] };
  const [headerRecord, ...body] = records;
  const header = headerRecord!.record.map((h) => h.trim());
  const headerLine = startLine(headerRecord!);
  const known = new Map(columns.map((c) => [c.name, c]));
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (!known.has(name)) errors.push(fileError(`unknown column ${JSON.stringify(name)}; known columns: ${columns.map((c) => c.name).join(", ")}`, headerLine));
    else if (seen.has(name)) errors.push(fileError(`column ${JSON.stringify(name)} appears twice`, headerLine));
    seen.add(name);
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: RawRow[] = [];
  for (const rec of body) {
    const line = startLine(rec);
    const where = `line ${line}`;
    if (rec.record.length !== header.length) {
      errors.push({ field: "(row)", code: ErrorCode.BAD_USER_INPUT, message: `expected ${header.length} fields, found ${rec.record.length}`, line, where });
      continue;
    }
    const values: Record<string, unknown> = {};
    let ok = true;
    header.forEach((name, i) => {
      const decoded = decodeCell(rec.record[i]!, known.get(name)!.kind ?? "text");
      if (decoded.error) {
        errors.push({ field: name, code: ErrorCode.BAD_USER_INPUT, message: decoded.error, line, where });
        ok = false;
      } else {
        values[name] = decoded.value;
      }
    });
    if (ok) rows.push({ line, where, values });
  }
  return { rows, errors };
}

// csv-parse reports the line a record ENDS on; a quoted cell may span lines, so the start is
// that minus the line breaks inside the record (blank lines before it are not part of it).
function startLine(rec: { raw: string; info: { lines: number } }): number {
  const body = rec.raw.replace(/^\n+/, "").replace(/\n$/, "");
  return rec.info.lines - (body.match(/\n/g)?.length ?? 0);
}

function decodeCell(cell: string, kind: ColumnKind): { value?: unknown; error?: string } {
  if (cell === "") return { value: kind === "list" ? [] : null };
  switch (kind) {
    case "text":
      return { value: cell };
    case "integer":
    case "number": {
      const trimmed = cell.trim();
      // Left as text when not a number, so the row schema reports it with the field name.
      return { value: /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(trimmed) ? Number(trimmed) : cell };
    }
    case "boolean":
      return { value: cell.trim() === "true" ? true : cell.trim() === "false" ? false : cell };
    case "list":
      return { value: cell.split(LIST_SEPARATOR).map((s) => s.trim()) };
    case "json":
      try {
        return { value: JSON.parse(cell) };
      } catch {
        return { error: "the cell must hold JSON (e.g. [{\"url\":\"https://…\"}])" };
      }
  }
}

/**
 * Writes records as CSV (header row, cells encoded by column kind) or as a JSON array (the
 * same keys in column order). The output re-imports unchanged. Throws when a value cannot be
 * written losslessly (a list item containing `;`).
 */
export function writeRecords(records: readonly Record<string, unknown>[], format: DataFormat, columns: readonly ColumnSpec[]): string {
  if (format === "json") {
    const ordered = records.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? (c.kind === "list" ? [] : null)])));
    return `${JSON.stringify(ordered, null, 2)}\n`;
  }
  const rows = records.map((r, i) => columns.map((c) => encodeCell(r[c.name], c.kind ?? "text", c.name, i)));
  return stringify([columns.map((c) => c.name), ...rows], { record_delimiter: "\n" });
}

function encodeCell(value: unknown, kind: ColumnKind, column: string, index: number): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "list": {
      const items = (value as unknown[]).map(String);
      const bad = items.find((s) => s.includes(LIST_SEPARATOR) || s.trim() !== s || s === "");
      if (bad !== undefined) throw new Error(`record ${index}: ${column} item ${JSON.stringify(bad)} cannot be written to a ${LIST_SEPARATOR}-separated CSV cell; export JSON instead`);
      return items.join(LIST_SEPARATOR);
    }
    case "json":
      return JSON.stringify(value);
    case "text":
      if (value === "") throw new Error(`record ${index}: ${column} is an empty text, which a CSV cell cannot tell from null; export JSON instead`);
      return String(value);
    default:
      return String(value);
  }
}
