import type { ColumnSpec, RecordIoSpec } from "@laenderhub/shared";
import {
  checkAgsConflicts,
  checkEventReferences,
  checkIndicatorReferences,
  checkPartnershipReferences,
  completeEvent,
  completeIndicator,
  completeMunicipality,
  completePartnership,
  completeProgramme,
  eventRowSchema,
  indicatorRowSchema,
  loadEventRecords,
  loadIndicatorRecords,
  loadMunicipalityRecords,
  loadPartnershipRecords,
  loadProgrammeRecords,
  municipalityRowSchema,
  partnershipRowSchema,
  programmeRowSchema,
  RecordType,
  storeEvent,
  storeIndicator,
  storeMunicipality,
  storePartnership,
  storeProgramme,
  validateEventRecord,
  validateIndicatorRecord,
  validateMunicipalityRecord,
  validatePartnershipPatch,
  validatePartnershipRecord,
  validateProgrammeRecord,
  type EventRecord,
  type EventRow,
  type IndicatorRecord,
  type IndicatorRow,
  type MunicipalityRecord,
  type MunicipalityRow,
  type PartnershipRecord,
  type PartnershipRow,
  type ProgrammeRecord,
  type ProgrammeRow,
} from "../write/index.js";
import { recordIo, repeated } from "./record-io.js";

/**
 * Columns of a partnership file. People and sources are JSON cells (a record may have any
 * number, each with several fields); notes are JSON too, since free text may hold the `;`
 * that separates list cells. `fieldsOfAction` is derived from the notes: export writes it,
 * import accepts it only where it agrees.
 */
export const PARTNERSHIP_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "programmeId" },
  { name: "municipalityId" },
  { name: "instrument" },
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
  { name: "status" },
  { name: "endedOn" },
  { name: "partners", kind: "list" },
  { name: "notes", kind: "json" },
  { name: "fieldsOfAction", kind: "list" },
  { name: "signatories", kind: "json" },
  { name: "present", kind: "json" },
  { name: "sources", kind: "json" },
];

/** Local partnerships (natural key: the id). */
export const partnershipIo: RecordIoSpec<PartnershipRow, PartnershipRecord> = recordIo<PartnershipRow, PartnershipRecord>({
  recordType: RecordType.PARTNERSHIP,
  columns: PARTNERSHIP_COLUMNS,
  schema: partnershipRowSchema,
  checkRow: (row) => validatePartnershipPatch(row, ""),
  complete: completePartnership,
  validate: (record, row) => validatePartnershipRecord(record, "", { idRequired: true, givenFieldsOfAction: row.fieldsOfAction }),
  references: (manager, records, fieldOf) => checkPartnershipReferences(manager, records, fieldOf),
  load: loadPartnershipRecords,
  store: storePartnership,
});

export const EVENT_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "programmeId" },
  { name: "date" },
  { name: "datePeriod" },
  { name: "dateNote" },
  { name: "title" },
  { name: "eventType" },
  { name: "format" },
  { name: "place" },
  { name: "status" },
  { name: "participantsSummary" },
  { name: "additionalDates", kind: "json" },
  { name: "relatedIds", kind: "list" },
  { name: "sources", kind: "json" },
];

/** Events (natural key: the id); related partnerships must exist, so import partnerships first. */
export const eventIo: RecordIoSpec<EventRow, EventRecord> = recordIo<EventRow, EventRecord>({
  recordType: RecordType.EVENT,
  columns: EVENT_COLUMNS,
  schema: eventRowSchema,
  complete: completeEvent,
  validate: (record) => validateEventRecord(record, "", { idRequired: true }),
  references: checkEventReferences,
  load: loadEventRecords,
  store: storeEvent,
});

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

/** Indicator figures (natural key: the id). */
export const indicatorIo: RecordIoSpec<IndicatorRow, IndicatorRecord> = recordIo<IndicatorRow, IndicatorRecord>({
  recordType: RecordType.INDICATOR,
  columns: INDICATOR_COLUMNS,
  schema: indicatorRowSchema,
  complete: completeIndicator,
  validate: (record) => validateIndicatorRecord(record, "", { idRequired: true }),
  references: checkIndicatorReferences,
  load: loadIndicatorRecords,
  store: storeIndicator,
});

export const MUNICIPALITY_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "name" },
  { name: "ags" },
  { name: "landkreis" },
  { name: "landkreisNote" },
  { name: "type" },
  { name: "agsNote" },
  { name: "agsSources", kind: "json" },
  { name: "sources", kind: "json" },
];

/** The municipality register (natural key: the id; one id per AGS). Import it before partnerships that refer to new ones. */
export const municipalityIo: RecordIoSpec<MunicipalityRow, MunicipalityRecord> = recordIo<MunicipalityRow, MunicipalityRecord>({
  recordType: RecordType.MUNICIPALITY,
  columns: MUNICIPALITY_COLUMNS,
  schema: municipalityRowSchema,
  complete: completeMunicipality,
  validate: (record) => validateMunicipalityRecord(record, ""),
  async references(manager, records, fieldOf) {
    return [...repeated(records, (r) => r.ags, (i) => fieldOf(i, "ags"), "AGS"), ...(await checkAgsConflicts(manager, records, (i) => fieldOf(i, "ags")))];
  },
  load: loadMunicipalityRecords,
  store: storeMunicipality,
});

export const PROGRAMME_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "name" },
  { name: "shortName" },
  { name: "kind" },
  { name: "kindDescription" },
  { name: "responsibleMinistry" },
  { name: "coordinatingBody" },
  { name: "startOn" },
  { name: "startPeriod" },
  { name: "startNote" },
  { name: "participationCountRecorded", kind: "integer" },
  { name: "fundingNote" },
  { name: "notes", kind: "json" },
  { name: "offers", kind: "json" },
  { name: "fundingStatements", kind: "json" },
  { name: "coordinatingBodySources", kind: "json" },
  { name: "fundingNoteSources", kind: "json" },
  { name: "fieldsOfActionSources", kind: "json" },
  { name: "offersSources", kind: "json" },
  { name: "sources", kind: "json" },
];

/**
 * The programme row (natural key: the id), so that a database can be rebuilt from files alone:
 * its declarations, strategic lines, prevention bodies and the Landespräventionsrat are seed
 * data and stay out of it.
 */
export const programmeIo: RecordIoSpec<ProgrammeRow, ProgrammeRecord> = recordIo<ProgrammeRow, ProgrammeRecord>({
  recordType: RecordType.PROGRAMME,
  columns: PROGRAMME_COLUMNS,
  schema: programmeRowSchema,
  complete: completeProgramme,
  validate: (record) => validateProgrammeRecord(record, ""),
  load: loadProgrammeRecords,
  store: storeProgramme,
});

/**
 * The importable record types by `--type` name; partnerships are the default. To rebuild a
 * database from files, import in this order (later types refer to earlier ones): programmes,
 * municipalities, partnerships, events, indicators.
 */
export const SACHSEN_ANHALT_IO_SPECS: Record<string, RecordIoSpec<any, any>> = {
  partnerships: partnershipIo,
  events: eventIo,
  indicators: indicatorIo,
  municipalities: municipalityIo,
  programmes: programmeIo,
};
