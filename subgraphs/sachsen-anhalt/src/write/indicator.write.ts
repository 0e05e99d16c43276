import {
  fieldError,
  IndicatorQualifier,
  isValidIsoPrefix,
  validateEnum,
  validateIsoDate,
  validateReferences,
  validateText,
  type FieldError,
  type Source,
  type SourceLike,
} from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import { z } from "zod";
import { SachsenAnhaltIndicator, SachsenAnhaltProgramme } from "../entities/index.js";
import {
  at,
  findIn,
  given,
  nextFreeId,
  numberCell,
  optionalText,
  precisionOf,
  SACHSEN_ANHALT_PROGRAMME_ID,
  sourceList,
  sourcesCell,
  textCell,
  validateId,
  validateRecordSources,
  type Draft,
} from "./common.js";

/** Ids of indicator figures: `ST-I-<n>`. */
export const INDICATOR_ID_PREFIX = "ST-I-";

/** One programme figure at one reference date, in the shape of import rows and audit snapshots. */
export interface IndicatorRecord {
  id: string;
  programmeId: string;
  indicator: string;
  label: string;
  value: number;
  unit: string;
  qualifier: string;
  referenceOn: string | null;
  note: string | null;
  sources: Source[];
}

export type IndicatorPatch = Partial<Draft<IndicatorRecord>>;

/** The loose input shape of an indicator patch. */
export interface IndicatorPatchInput {
  id?: string | null;
  programmeId?: string | null;
  indicator?: string | null;
  label?: string | null;
  value?: number | null;
  unit?: string | null;
  qualifier?: string | null;
  referenceOn?: string | null;
  note?: string | null;
  sources?: readonly SourceLike[] | null;
}

export function normalizeIndicatorPatch(input: IndicatorPatchInput): IndicatorPatch {
  return given({
    id: input.id,
    programmeId: optionalText(input.programmeId),
    indicator: optionalText(input.indicator),
    label: optionalText(input.label),
    value: input.value,
    unit: optionalText(input.unit),
    qualifier: optionalText(input.qualifier),
    referenceOn: optionalText(input.referenceOn),
    note: optionalText(input.note),
    sources: sourceList(input.sources),
  });
}

/** The whole figure after a patch: the state's programme and EXACT (no qualifier in the source) by default. */
export function completeIndicator(patch: IndicatorPatch, existing: IndicatorRecord | null): Draft<IndicatorRecord> {
  const base: Draft<IndicatorRecord> = existing ?? {
    id: null,
    programmeId: SACHSEN_ANHALT_PROGRAMME_ID,
    indicator: null,
    label: null,
    value: null,
    unit: null,
    qualifier: IndicatorQualifier.EXACT,
    referenceOn: null,
    note: null,
    sources: [],
  };
  return { ...base, ...patch, id: existing?.id ?? patch.id ?? null };
}

/**
 * Checks a whole figure: id, programme, an indicator code in snake_case (`lpr_members`), label,
 * a finite value that is not negative (counts and amounts), unit, qualifier, a real reference
 * date that is not in the future (a figure refers to what was), sources.
 */
export function validateIndicatorRecord(record: Draft<IndicatorRecord>, prefix: string, options: { idRequired: boolean; now?: Date }): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null> = [];
  if (options.idRequired || record.id) errors.push(validateId(record.id, INDICATOR_ID_PREFIX, "ST-I-005", f("id")));
  errors.push(record.programmeId ? validateId(record.programmeId, "ST-PRG-", SACHSEN_ANHALT_PROGRAMME_ID, f("programmeId")) : fieldError(f("programmeId"), "a programme is required"));
  if (!record.indicator) errors.push(fieldError(f("indicator"), "an indicator code is required"));
  else if (!/^[a-z][a-z0-9_]*$/.test(record.indicator)) errors.push(fieldError(f("indicator"), `${JSON.stringify(record.indicator)} is not an indicator code: use lower-case snake_case such as lpr_members`));
  errors.push(validateText(record.label, f("label")));
  if (record.value === null) errors.push(fieldError(f("value"), "a value is required"));
  else if (!Number.isFinite(record.value) || record.value < 0) errors.push(fieldError(f("value"), `${record.value} is not a figure: values are finite and not negative`));
  errors.push(validateText(record.unit, f("unit")));
  errors.push(validateEnum(record.qualifier, IndicatorQualifier, f("qualifier")));
  errors.push(validateIsoDate(record.referenceOn, f("referenceOn"), { notInFuture: true, ...(options.now ? { now: options.now } : {}) }));
  return [...errors, ...validateRecordSources(record.sources, f("sources"))].filter((e): e is FieldError => e !== null);
}

/** Checks the programmes exist (one statement for all records). */
export function checkIndicatorReferences(manager: EntityManager, records: readonly Draft<IndicatorRecord>[], fieldOf: (index: number, name: string) => string): Promise<FieldError[]> {
  return validateReferences(manager, SachsenAnhaltProgramme, records.map((r) => r.programmeId), (i) => fieldOf(i, "programmeId"), { what: "programme" });
}

function toRecord(i: SachsenAnhaltIndicator): IndicatorRecord {
  return {
    id: i.id,
    programmeId: i.programmeId,
    indicator: i.indicator,
    label: i.label,
    value: i.value,
    unit: i.unit,
    qualifier: i.qualifier,
    referenceOn: i.referenceIso,
    note: i.note,
    sources: i.sources,
  };
}

/** Loads figures in their write-path shape, all of them (by id) when `ids` is omitted. */
export async function loadIndicatorRecords(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, IndicatorRecord>> {
  const rows = ids === undefined ? await manager.getRepository(SachsenAnhaltIndicator).find({ order: { id: "ASC" } }) : await findIn(manager, SachsenAnhaltIndicator, "id", ids);
  return new Map(rows.map((i) => [i.id, toRecord(i)]));
}

/** Writes a figure with the precision of its reference date. */
export async function storeIndicator(manager: EntityManager, r: IndicatorRecord, existed: boolean): Promise<void> {
  const columns = {
    programmeId: r.programmeId,
    indicator: r.indicator,
    label: r.label,
    value: r.value,
    unit: r.unit,
    qualifier: r.qualifier as IndicatorQualifier,
    referenceIso: r.referenceOn,
    referencePrecision: precisionOf(r.referenceOn !== null && isValidIsoPrefix(r.referenceOn) ? r.referenceOn : null),
    note: r.note,
    sources: r.sources,
  };
  if (existed) await manager.update(SachsenAnhaltIndicator, { id: r.id }, columns);
  else await manager.insert(SachsenAnhaltIndicator, { id: r.id, ...columns });
}

/** The next free figure id (`ST-I-005`); inside the write transaction. */
export function nextIndicatorId(manager: EntityManager): Promise<string> {
  return nextFreeId(manager, SachsenAnhaltIndicator, INDICATOR_ID_PREFIX, 3);
}

/** One row of an indicator import file. */
export const indicatorRowSchema = z
  .strictObject({
    id: z.string(),
    programmeId: textCell,
    indicator: textCell,
    label: textCell,
    value: numberCell,
    unit: textCell,
    qualifier: textCell,
    referenceOn: textCell,
    note: textCell,
    sources: sourcesCell,
  })
  .transform((row) => normalizeIndicatorPatch(row) as IndicatorPatch & { id: string });

export type IndicatorRow = z.output<typeof indicatorRowSchema>;
