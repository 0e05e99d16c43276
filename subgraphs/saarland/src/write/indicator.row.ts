import { In, type EntityManager } from "typeorm";
import { z } from "zod";
import {
  fieldError,
  IndicatorQualifier,
  StateCode,
  validateIsoDate,
  validateSources,
  validateText,
  type ColumnSpec,
  type FieldError,
  type Source,
} from "@laenderhub/shared";
import { SaarlandIndicator, SaarlandProgramme } from "../entities/index.js";
import { checkOwnId } from "./ids.js";
import { chunks, expected, optionalText, precisionOf, requiredEnum, requiredText, sourceList } from "./common.js";
import type { IndexedFieldError } from "./partnership.row.js";

/** One published programme figure as a file row, mutation input and audit snapshot. */
export interface IndicatorRow {
  id: string;
  programmeId: string;
  /** Indicator code in lower snake case (partnerships_total); figures with one code form a series. */
  indicator: string;
  label: string;
  value: number;
  unit: string;
  qualifier: IndicatorQualifier;
  /** The date the figure refers to: YYYY, YYYY-MM or YYYY-MM-DD. */
  referenceOn: string | null;
  note: string | null;
  sources: Source[];
}

export const INDICATOR_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "programmeId" },
  { name: "indicator" },
  { name: "label" },
  { name: "value", kind: "number" },
  { name: "unit" },
  { name: "qualifier" },
  { name: "referenceOn" },
  { name: "note" },
  { name: "sources", kind: "json" },
];

export const indicatorRowSchema: z.ZodType<IndicatorRow> = z.strictObject({
  id: requiredText,
  programmeId: requiredText,
  indicator: requiredText,
  label: requiredText,
  value: z.number(expected("a number")),
  unit: requiredText,
  qualifier: requiredEnum(IndicatorQualifier),
  referenceOn: optionalText,
  note: optionalText,
  sources: sourceList,
});

/** The domain checks of one figure (prefix `input.` for a mutation, none for an import row). */
export function validateIndicatorRow(row: IndicatorRow, prefix = "", now?: Date): FieldError[] {
  const f = (name: string) => `${prefix}${name}`;
  const at = now ? { now } : {};
  const errors: Array<FieldError | null> = [
    checkOwnId(row.id, "indicator", f("id")),
    validateText(row.programmeId, f("programmeId")),
    /^[a-z][a-z0-9_]*$/.test(row.indicator) ? null : fieldError(f("indicator"), `${JSON.stringify(row.indicator)} is not an indicator code (lower snake case, e.g. partnerships_total)`),
    validateText(row.label, f("label")),
    validateText(row.unit, f("unit")),
    // Counts and amounts of a programme are never negative.
    Number.isFinite(row.value) && row.value >= 0 ? null : fieldError(f("value"), `a figure must be a finite number of 0 or more, got ${row.value}`),
    validateIsoDate(row.referenceOn, f("referenceOn"), { notInFuture: true, ...at }),
  ];
  return [...errors.filter((e): e is FieldError => e !== null), ...validateSources(row.sources, f("sources"), at)];
}

/** Checks that each figure's programme exists, in one statement. Read-only. */
export async function indicatorReferenceErrors(manager: EntityManager, rows: readonly IndicatorRow[], prefix = ""): Promise<IndexedFieldError[]> {
  const programmes = new Set<string>();
  for (const ids of chunks([...new Set(rows.map((r) => r.programmeId))])) {
    for (const p of await manager.getRepository(SaarlandProgramme).find({ select: { id: true }, where: { id: In(ids) } })) programmes.add(p.id);
  }
  return rows.flatMap((row, index) => (programmes.has(row.programmeId) ? [] : [{ index, error: fieldError(`${prefix}programmeId`, `programme ${row.programmeId} does not exist`) }]));
}

/** The row of a stored figure. */
export function toIndicatorRow(i: SaarlandIndicator): IndicatorRow {
  return {
    id: i.id,
    programmeId: i.programmeId,
    indicator: i.indicator,
    label: i.label,
    value: Number(i.value),
    unit: i.unit,
    qualifier: i.qualifier,
    referenceOn: i.referenceIso,
    note: i.note,
    sources: i.sources,
  };
}

/** The rows of stored figures by id (all of them when `ids` is omitted). */
export async function loadIndicatorRows(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, IndicatorRow>> {
  const found: SaarlandIndicator[] = [];
  if (ids === undefined) found.push(...(await manager.getRepository(SaarlandIndicator).find({ order: { id: "ASC" } })));
  else for (const batch of chunks([...new Set(ids)])) found.push(...(await manager.getRepository(SaarlandIndicator).find({ where: { id: In(batch) }, order: { id: "ASC" } })));
  return new Map(found.map((i) => [i.id, toIndicatorRow(i)]));
}

/** Stores a figure (insert or update), its precision derived from the reference date. */
export async function writeIndicator(manager: EntityManager, row: IndicatorRow, options: { exists: boolean }): Promise<IndicatorRow> {
  const record = {
    state: StateCode.SL,
    programmeId: row.programmeId,
    indicator: row.indicator,
    label: row.label,
    value: row.value,
    unit: row.unit,
    qualifier: row.qualifier,
    referenceIso: row.referenceOn,
    referencePrecision: precisionOf(row.referenceOn),
    note: row.note,
    sources: row.sources,
  };
  if (options.exists) await manager.update(SaarlandIndicator, { id: row.id }, record);
  else await manager.insert(SaarlandIndicator, { id: row.id, ...record });
  return row;
}
