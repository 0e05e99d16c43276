import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { writeRecords, type ColumnSpec, type DataFormat } from "./formats.js";

export interface ExportOptions<TRecord> {
  format: DataFormat;
  /** Records in import shape, in the order they should appear. */
  rows: readonly TRecord[];
  columns: readonly ColumnSpec[];
  /** File to write; omit to only get the text. */
  out?: string;
}

/**
 * Writes records to CSV or JSON in exactly the layout `runImport` reads, so an export
 * re-imports with every row unchanged. Returns the text (also written to `out` when given).
 */
export async function runExport<TRecord>(options: ExportOptions<TRecord>): Promise<string> {
  const text = writeRecords(options.rows as unknown as Record<string, unknown>[], options.format, options.columns);
  if (options.out) {
    await mkdir(dirname(options.out), { recursive: true });
    await writeFile(options.out, text, "utf8");
  }
  return text;
}
