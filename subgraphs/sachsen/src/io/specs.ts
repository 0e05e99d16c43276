import {
  EventStatus,
  IndicatorQualifier,
  ParticipationStatus,
  sameSnapshot,
  type ColumnSpec,
  type FieldError,
  type OrdinalBasis,
  type ProgrammeKind,
  type RecordIoSpec,
  type RowError,
  type SigningFormat,
} from "@laenderhub/shared";
import type { EntityManager, ObjectLiteral } from "typeorm";
import { z } from "zod";
import type { AsskommStage } from "../schema/stage.js";
import { checkEvent, checkGemeinde, checkIndicator, checkMembership, checkProgramme, checkRecordId } from "../write/checks.js";
import {
  ASSKOMM_PROGRAMME_ID,
  RECORD_TYPES,
  eventMapping,
  gemeindeMapping,
  indicatorMapping,
  loadAllMembershipRecords,
  loadAllRecords,
  loadMembershipRecords,
  loadRecords,
  membershipSnapshot,
  programmeMapping,
  storeMembership,
  storeRecord,
  type EventRecord,
  type GemeindeRecord,
  type IndicatorRecord,
  type MembershipRecord,
  type ProgrammeRecord,
  type TableMapping,
} from "../write/records.js";
import { checkEventReferences, checkGemeindeReferences, checkIndicatorReferences, checkMembershipReferences, type IndexedFieldError } from "../write/references.js";
import {
  enumCell,
  optionalEnumCell,
  optionalIntegerCell,
  optionalTextCell,
  peopleCell,
  requiredTextCell,
  sourcesCell,
  textListCell,
} from "./fields.js";

/*
 * Bulk import and export of Sachsen's records: one RecordIoSpec per record type, run by the
 * shared import engine (validate every row first, then one transaction, idempotent by id).
 * The natural key of every type is its stable, state-prefixed id.
 */

const withoutNulls = (errors: ReadonlyArray<FieldError | null>): FieldError[] => errors.filter((e): e is FieldError => e !== null);

/** Turns the errors of a batch check into row errors at the rows' file positions. */
function atRows(errors: readonly IndexedFieldError[], rows: ReadonlyArray<{ line?: number; index?: number; where: string }>): RowError[] {
  return errors.map(({ index, error }) => {
    const row = rows[index]!;
    return { ...error, where: row.where, ...(row.line !== undefined ? { line: row.line } : {}), ...(row.index !== undefined ? { index: row.index } : {}) };
  });
}

/** A spec for a record type stored in one table (everything but memberships). */
function tableSpec<TEntity extends ObjectLiteral, TRecord extends { id: string }>(options: {
  mapping: TableMapping<TEntity, TRecord>;
  columns: readonly ColumnSpec[];
  schema: z.ZodType<TRecord>;
  check(record: TRecord): FieldError[];
  references?(manager: EntityManager, records: readonly TRecord[]): Promise<IndexedFieldError[]>;
}): RecordIoSpec<TRecord, TRecord> {
  const { mapping } = options;
  return {
    recordType: mapping.recordType,
    columns: options.columns,
    schema: options.schema,
    naturalKey: (r) => r.id,
    check: options.check,
    ...(options.references
      ? { checkAll: async (rows, manager) => atRows(await options.references!(manager, rows.map((r) => r.record)), rows) }
      : {}),
    load: (manager, keys) => loadRecords(manager, mapping, keys),
    async apply(manager, record, existing) {
      if (existing && sameSnapshot(existing, record)) return { status: "unchanged", recordId: record.id };
      await storeRecord(manager, mapping, record, existing ?? null);
      return { status: existing ? "updated" : "created", recordId: record.id, before: existing ? mapping.snapshot(existing) : null, after: mapping.snapshot(record) };
    },
    exportRecords: (manager) => loadAllRecords(manager, mapping),
  };
}

const programmeIdCell = optionalTextCell.transform((v) => v ?? ASSKOMM_PROGRAMME_ID);

// ---------------------------------------------------------------------------------------------
// Memberships

const membershipSchema: z.ZodType<MembershipRecord> = z
  .strictObject({
    id: requiredTextCell,
    programmeId: programmeIdCell,
    municipalityId: requiredTextCell,
    stage: enumCell<AsskommStage>(),
    instrumentLabel: optionalTextCell,
    agreementId: optionalTextCell,
    groupName: optionalTextCell,
    groupKind: optionalTextCell,
    signedOn: optionalTextCell,
    signedMonth: optionalIntegerCell,
    signedDay: optionalIntegerCell,
    signedNote: optionalTextCell,
    effectiveOn: optionalTextCell,
    ordinal: optionalIntegerCell,
    ordinalBasis: optionalEnumCell<OrdinalBasis>(),
    ordinalBasisText: optionalTextCell,
    format: optionalEnumCell<SigningFormat>(),
    place: optionalTextCell,
    partners: textListCell,
    notes: textListCell,
    status: optionalEnumCell<ParticipationStatus>().transform((v) => v ?? ParticipationStatus.ACTIVE),
    endedOn: optionalTextCell,
    preAgreementId: optionalTextCell,
    signatories: peopleCell,
    present: peopleCell,
    sources: sourcesCell,
  })
  // A single agreement's id is the membership's own id unless the row names a joint one.
  .transform((r) => ({ ...r, agreementId: r.agreementId ?? r.id }));

/** Pre-agreements before the memberships that follow them, so an export imports in its own order. */
function preAgreementsFirst(records: readonly MembershipRecord[]): MembershipRecord[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const emitted = new Set<string>();
  const ordered: MembershipRecord[] = [];
  const emit = (r: MembershipRecord) => {
    if (emitted.has(r.id)) return;
    const pre = r.preAgreementId ? byId.get(r.preAgreementId) : undefined;
    if (pre && pre.id !== r.id) emit(pre);
    emitted.add(r.id);
    ordered.push(r);
  };
  records.forEach(emit);
  return ordered;
}

/** ASSKomm memberships: people and sources as JSON cells, partners as a `;` list. */
export const membershipIo: RecordIoSpec<MembershipRecord, MembershipRecord> = {
  recordType: RECORD_TYPES.membership,
  columns: [
    { name: "id" },
    { name: "programmeId" },
    { name: "municipalityId" },
    { name: "stage" },
    { name: "instrumentLabel" },
    { name: "agreementId" },
    { name: "groupName" },
    { name: "groupKind" },
    { name: "signedOn" },
    { name: "signedMonth", kind: "integer" },
    { name: "signedDay", kind: "integer" },
    { name: "signedNote" },
    { name: "effectiveOn" },
    { name: "ordinal", kind: "integer" },
    { name: "ordinalBasis" },
    { name: "ordinalBasisText" },
    { name: "format" },
    { name: "place" },
    { name: "partners", kind: "list" },
    // Notes are free text and may hold a `;`, so they are a JSON list rather than a `;` list.
    { name: "notes", kind: "json" },
    { name: "status" },
    { name: "endedOn" },
    { name: "preAgreementId" },
    { name: "signatories", kind: "json" },
    { name: "present", kind: "json" },
    { name: "sources", kind: "json" },
  ],
  schema: membershipSchema,
  naturalKey: (r) => r.id,
  check: (r) => [...withoutNulls([checkRecordId(r.id, "membership", "id")]), ...checkMembership(r)],
  checkAll: async (rows, manager) => atRows(await checkMembershipReferences(manager, rows.map((r) => r.record)), rows),
  load: (manager, keys) => loadMembershipRecords(manager, keys),
  async apply(manager, record, existing) {
    if (existing && sameSnapshot(existing, record)) return { status: "unchanged", recordId: record.id };
    await storeMembership(manager, record, existing ?? null);
    return { status: existing ? "updated" : "created", recordId: record.id, before: existing ? membershipSnapshot(existing) : null, after: membershipSnapshot(record) };
  },
  exportRecords: async (manager) => preAgreementsFirst(await loadAllMembershipRecords(manager)),
};

// ---------------------------------------------------------------------------------------------
// The municipal register

const gemeindeSchema: z.ZodType<GemeindeRecord> = z.strictObject({
  id: requiredTextCell,
  name: requiredTextCell,
  ags: optionalTextCell,
  landkreis: optionalTextCell,
  landkreisNote: optionalTextCell,
  type: optionalTextCell,
  agsNote: optionalTextCell,
  agsSources: sourcesCell,
  otherSources: sourcesCell,
});

/** Sachsen's register of municipalities: import it before the memberships that reference it. */
export const gemeindeIo = tableSpec({
  mapping: gemeindeMapping,
  columns: [
    { name: "id" },
    { name: "name" },
    { name: "ags" },
    { name: "landkreis" },
    { name: "landkreisNote" },
    { name: "type" },
    { name: "agsNote" },
    { name: "agsSources", kind: "json" },
    { name: "otherSources", kind: "json" },
  ],
  schema: gemeindeSchema,
  check: (r) => checkGemeinde(r),
  references: (manager, records) => checkGemeindeReferences(manager, records),
});

// ---------------------------------------------------------------------------------------------
// Events

const eventSchema: z.ZodType<EventRecord> = z.strictObject({
  id: requiredTextCell,
  programmeId: programmeIdCell,
  date: optionalTextCell,
  additionalDates: textListCell,
  title: requiredTextCell,
  eventType: requiredTextCell,
  format: optionalEnumCell<SigningFormat>(),
  place: optionalTextCell,
  status: optionalEnumCell<EventStatus>().transform((v) => v ?? EventStatus.HELD),
  participantsSummary: optionalTextCell,
  relatedIds: textListCell,
  sources: sourcesCell,
});

/** Programme events: further days and related membership ids as `;` lists. */
export const eventIo = tableSpec({
  mapping: eventMapping,
  columns: [
    { name: "id" },
    { name: "programmeId" },
    { name: "date" },
    { name: "additionalDates", kind: "list" },
    { name: "title" },
    { name: "eventType" },
    { name: "format" },
    { name: "place" },
    { name: "status" },
    { name: "participantsSummary" },
    { name: "relatedIds", kind: "list" },
    { name: "sources", kind: "json" },
  ],
  schema: eventSchema,
  check: (r) => [...withoutNulls([checkRecordId(r.id, "event", "id")]), ...checkEvent(r)],
  references: (manager, records) => checkEventReferences(manager, records),
});

// ---------------------------------------------------------------------------------------------
// Indicator figures

const indicatorSchema: z.ZodType<IndicatorRecord> = z.strictObject({
  id: requiredTextCell,
  programmeId: programmeIdCell,
  indicator: requiredTextCell,
  label: requiredTextCell,
  value: z.number(),
  unit: requiredTextCell,
  qualifier: optionalEnumCell<IndicatorQualifier>().transform((v) => v ?? IndicatorQualifier.EXACT),
  referenceOn: optionalTextCell,
  note: optionalTextCell,
  sources: sourcesCell,
});

/** Published programme figures. */
export const indicatorIo = tableSpec({
  mapping: indicatorMapping,
  columns: [
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
  ],
  schema: indicatorSchema,
  check: (r) => [...withoutNulls([checkRecordId(r.id, "indicator", "id")]), ...checkIndicator(r)],
  references: (manager, records) => checkIndicatorReferences(manager, records),
});

// ---------------------------------------------------------------------------------------------
// The programme row

const programmeSchema: z.ZodType<ProgrammeRecord> = z.strictObject({
  id: requiredTextCell,
  state: requiredTextCell,
  name: requiredTextCell,
  shortName: requiredTextCell,
  kind: enumCell<ProgrammeKind>(),
  kindDescription: optionalTextCell,
  responsibleMinistry: optionalTextCell,
  coordinatingBody: optionalTextCell,
  coordinatingBodySources: sourcesCell,
  startOn: optionalTextCell,
  startPeriod: optionalTextCell,
  startNote: optionalTextCell,
  fieldsOfAction: textListCell,
  fieldsOfActionSources: sourcesCell,
  offers: textListCell,
  offersSources: sourcesCell,
  notes: textListCell,
  participationCountRecorded: optionalIntegerCell,
  sources: sourcesCell,
});

/**
 * The programme row itself (framework documents and funding statements are not part of it):
 * lets a fresh database receive the programme its memberships, events and figures belong to.
 */
export const programmeIo = tableSpec({
  mapping: programmeMapping,
  columns: [
    { name: "id" },
    { name: "state" },
    { name: "name" },
    { name: "shortName" },
    { name: "kind" },
    { name: "kindDescription" },
    { name: "responsibleMinistry" },
    { name: "coordinatingBody" },
    { name: "coordinatingBodySources", kind: "json" },
    { name: "startOn" },
    { name: "startPeriod" },
    { name: "startNote" },
    { name: "fieldsOfAction", kind: "json" },
    { name: "fieldsOfActionSources", kind: "json" },
    { name: "offers", kind: "json" },
    { name: "offersSources", kind: "json" },
    { name: "notes", kind: "json" },
    { name: "participationCountRecorded", kind: "integer" },
    { name: "sources", kind: "json" },
  ],
  schema: programmeSchema,
  check: (r) => checkProgramme(r),
});

/**
 * Every importable record type by its `--type` name; memberships are the default. To fill an
 * empty database, import in this order: programmes, municipalities, memberships, events,
 * indicators (each references the ones before).
 */
export const SACHSEN_RECORD_IO = {
  memberships: membershipIo,
  municipalities: gemeindeIo,
  programmes: programmeIo,
  events: eventIo,
  indicators: indicatorIo,
} as const;

/** The order in which the record types fill an empty database. */
export const SACHSEN_IMPORT_ORDER = ["programmes", "municipalities", "memberships", "events", "indicators"] as const;
