import type { EntityManager } from "typeorm";
import { sameSnapshot, type ApplyResult, type ParsedRow, type RecordIoSpec, type RowError } from "@laenderhub/shared";
import { eventReferenceErrors, EVENT_COLUMNS, eventRowSchema, loadEventRows, validateEventRow, writeEvent, type EventRow } from "./event.row.js";
import { indicatorReferenceErrors, INDICATOR_COLUMNS, indicatorRowSchema, loadIndicatorRows, validateIndicatorRow, writeIndicator, type IndicatorRow } from "./indicator.row.js";
import {
  loadMunicipalityRows,
  municipalityReferenceErrors,
  MUNICIPALITY_COLUMNS,
  municipalityRowSchema,
  validateMunicipalityRow,
  writeMunicipality,
  type MunicipalityRow,
} from "./municipality.row.js";
import {
  loadPartnershipRows,
  partnershipReferenceErrors,
  PARTNERSHIP_COLUMNS,
  partnershipRowSchema,
  validatePartnershipRow,
  withDerivedPartnershipFields,
  writePartnership,
  type IndexedFieldError,
  type MeasureCatalogueCache,
  type PartnershipRow,
} from "./partnership.row.js";

/** Tags reference problems with the file position of their row. */
function atRows<T>(rows: readonly ParsedRow<T>[], errors: readonly IndexedFieldError[]): RowError[] {
  return errors.map(({ index, error }) => {
    const row = rows[index]!;
    return { ...error, ...(row.line !== undefined ? { line: row.line } : {}), ...(row.index !== undefined ? { index: row.index } : {}), where: row.where };
  });
}

/** Writes a row unless it equals the stored record; the engine audits what comes back. */
async function applyRow<T extends { id: string }>(existing: T | undefined, after: T, write: (exists: boolean) => Promise<unknown>): Promise<ApplyResult> {
  if (existing !== undefined && sameSnapshot(existing, after)) return { status: "unchanged", recordId: after.id };
  await write(existing !== undefined);
  return { status: existing === undefined ? "created" : "updated", recordId: after.id, before: existing ?? null, after };
}

// One measure catalogue per import transaction, so a file of many partnerships reads it once.
const catalogues = new WeakMap<EntityManager, MeasureCatalogueCache>();
function catalogueCache(manager: EntityManager): MeasureCatalogueCache {
  let cache = catalogues.get(manager);
  if (!cache) catalogues.set(manager, (cache = new Map()));
  return cache;
}

/** Partnerships: natural key the id; people, notes, partners and sources as JSON cells. */
export const partnershipIo: RecordIoSpec<PartnershipRow, PartnershipRow> = {
  recordType: "SaarlandSecurityPartnership",
  columns: PARTNERSHIP_COLUMNS,
  schema: partnershipRowSchema,
  naturalKey: (row) => row.id,
  check: (row) => validatePartnershipRow(row),
  checkAll: async (rows, manager) => atRows(rows, await partnershipReferenceErrors(manager, rows.map((r) => r.record))),
  load: (manager, keys) => loadPartnershipRows(manager, keys),
  apply: (manager, row, existing) => applyRow(existing, withDerivedPartnershipFields(row), (exists) => writePartnership(manager, row, { exists, measures: catalogueCache(manager) })),
  exportRecords: async (manager) => [...(await loadPartnershipRows(manager)).values()],
};

/** Programme events: natural key the id. */
export const eventIo: RecordIoSpec<EventRow, EventRow> = {
  recordType: "SaarlandEvent",
  columns: EVENT_COLUMNS,
  schema: eventRowSchema,
  naturalKey: (row) => row.id,
  check: (row) => validateEventRow(row),
  checkAll: async (rows, manager) => atRows(rows, await eventReferenceErrors(manager, rows.map((r) => r.record))),
  load: (manager, keys) => loadEventRows(manager, keys),
  apply: (manager, row, existing) => applyRow(existing, row, (exists) => writeEvent(manager, row, { exists })),
  exportRecords: async (manager) => [...(await loadEventRows(manager)).values()],
};

/** Published programme figures: natural key the id. */
export const indicatorIo: RecordIoSpec<IndicatorRow, IndicatorRow> = {
  recordType: "SaarlandIndicator",
  columns: INDICATOR_COLUMNS,
  schema: indicatorRowSchema,
  naturalKey: (row) => row.id,
  check: (row) => validateIndicatorRow(row),
  checkAll: async (rows, manager) => atRows(rows, await indicatorReferenceErrors(manager, rows.map((r) => r.record))),
  load: (manager, keys) => loadIndicatorRows(manager, keys),
  apply: (manager, row, existing) => applyRow(existing, row, (exists) => writeIndicator(manager, row, { exists })),
  exportRecords: async (manager) => [...(await loadIndicatorRows(manager)).values()],
};

/** The municipality register with its prevention bodies: natural key the id (SL-M-<AGS>). */
export const municipalityIo: RecordIoSpec<MunicipalityRow, MunicipalityRow> = {
  recordType: "SaarlandMunicipality",
  columns: MUNICIPALITY_COLUMNS,
  schema: municipalityRowSchema,
  naturalKey: (row) => row.id,
  check: (row) => validateMunicipalityRow(row),
  checkAll: async (rows, manager) => atRows(rows, await municipalityReferenceErrors(manager, rows.map((r) => r.record))),
  load: (manager, keys) => loadMunicipalityRows(manager, keys),
  apply: (manager, row, existing) => applyRow(existing, row, (exists) => writeMunicipality(manager, row, { exists })),
  exportRecords: async (manager) => [...(await loadMunicipalityRows(manager)).values()],
};

/**
 * Saarland's importable record types by `--type` name; partnerships are the default. Import
 * the register before partnerships that reference new municipalities.
 */
export const SAARLAND_RECORD_IO: Record<string, RecordIoSpec<any, any>> = {
  partnerships: partnershipIo,
  events: eventIo,
  indicators: indicatorIo,
  municipalities: municipalityIo,
};
