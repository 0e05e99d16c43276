import {
  DatePrecision,
  EventStatus,
  fieldError,
  isValidIsoPrefix,
  SigningFormat,
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
import { SachsenAnhaltEvent, SachsenAnhaltLocalPartnership, SachsenAnhaltProgramme } from "../entities/index.js";
import {
  at,
  findIn,
  given,
  list,
  nextFreeId,
  optionalText,
  precisionOf,
  SACHSEN_ANHALT_PROGRAMME_ID,
  sourceList,
  sourcesCell,
  textCell,
  textListCell,
  validateId,
  validateRecordSources,
  validateTexts,
  type Draft,
} from "./common.js";
import { PARTNERSHIP_ID_PREFIX } from "./partnership.write.js";

/** Ids of events: `ST-E-<n>`. */
export const EVENT_ID_PREFIX = "ST-E-";

/** The kinds of event the records know (`eventType`); an event of another kind is refused. */
export enum SachsenAnhaltEventType {
  SIGNING = "SIGNING",
  CONFERENCE = "CONFERENCE",
  REGIONAL_CONFERENCE_SERIES = "REGIONAL_CONFERENCE_SERIES",
  INSTITUTIONAL = "INSTITUTIONAL",
  LOCAL_EVENT = "LOCAL_EVENT",
  LOCAL_MEETING = "LOCAL_MEETING",
  ROUND_TABLE = "ROUND_TABLE",
  WORKSHOP_SERIES = "WORKSHOP_SERIES",
  PREVENTION_COUNCIL_FOUNDING = "PREVENTION_COUNCIL_FOUNDING",
}

/**
 * An event in the shape of import rows and audit snapshots. `date` is an ISO prefix; a
 * `datePeriod` such as `2017-H2` makes it a HALF_YEAR date whose `date` is the year.
 */
export interface EventRecord {
  id: string;
  programmeId: string;
  date: string | null;
  datePeriod: string | null;
  dateNote: string | null;
  title: string;
  eventType: string;
  format: string | null;
  place: string | null;
  status: string;
  participantsSummary: string | null;
  additionalDates: string[];
  relatedIds: string[];
  sources: Source[];
}

export type EventPatch = Partial<Draft<EventRecord>>;

/** The loose input shape of an event patch. */
export interface EventPatchInput {
  id?: string | null;
  programmeId?: string | null;
  date?: string | null;
  datePeriod?: string | null;
  dateNote?: string | null;
  title?: string | null;
  eventType?: string | null;
  format?: string | null;
  place?: string | null;
  status?: string | null;
  participantsSummary?: string | null;
  additionalDates?: readonly string[] | null;
  relatedIds?: readonly string[] | null;
  sources?: readonly SourceLike[] | null;
}

export function normalizeEventPatch(input: EventPatchInput): EventPatch {
  return given({
    id: input.id,
    programmeId: optionalText(input.programmeId),
    date: optionalText(input.date),
    datePeriod: optionalText(input.datePeriod),
    dateNote: optionalText(input.dateNote),
    title: optionalText(input.title),
    eventType: optionalText(input.eventType),
    format: optionalText(input.format),
    place: optionalText(input.place),
    status: optionalText(input.status),
    participantsSummary: optionalText(input.participantsSummary),
    additionalDates: list(input.additionalDates),
    relatedIds: list(input.relatedIds),
    sources: sourceList(input.sources),
  });
}

const HALF_YEAR = /^(\d{4})-H([12])$/;

/** The whole event after a patch (the state's programme by default); a half-year's date is its year. */
export function completeEvent(patch: EventPatch, existing: EventRecord | null): Draft<EventRecord> {
  const base: Draft<EventRecord> = existing ?? {
    id: null,
    programmeId: SACHSEN_ANHALT_PROGRAMME_ID,
    date: null,
    datePeriod: null,
    dateNote: null,
    title: null,
    eventType: null,
    format: null,
    place: null,
    status: null,
    participantsSummary: null,
    additionalDates: [],
    relatedIds: [],
    sources: [],
  };
  const merged = { ...base, ...patch, id: existing?.id ?? patch.id ?? null };
  const half = merged.datePeriod ? HALF_YEAR.exec(merged.datePeriod) : null;
  return half && merged.date === null ? { ...merged, date: half[1]! } : merged;
}

/**
 * Checks a whole event: id, programme, a real date (not in the future for an event that was
 * HELD; announced and cancelled ones may lie ahead), a half-year period that agrees with the
 * date, title, a known event type, format and status, related partnership ids, sources.
 */
export function validateEventRecord(record: Draft<EventRecord>, prefix: string, options: { idRequired: boolean; now?: Date }): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null> = [];
  if (options.idRequired || record.id) errors.push(validateId(record.id, EVENT_ID_PREFIX, "ST-E-013", f("id")));
  errors.push(record.programmeId ? validateId(record.programmeId, "ST-PRG-", SACHSEN_ANHALT_PROGRAMME_ID, f("programmeId")) : fieldError(f("programmeId"), "a programme is required"));
  errors.push(validateEnum(record.status, EventStatus, f("status")));
  const dateError = validateIsoDate(record.date, f("date"));
  errors.push(dateError);
  if (!dateError && record.date && record.status === EventStatus.HELD) {
    errors.push(validateIsoDate(record.date, f("date"), { notInFuture: true, ...(options.now ? { now: options.now } : {}) }));
  }
  if (record.datePeriod) {
    const half = HALF_YEAR.exec(record.datePeriod);
    if (!half) errors.push(fieldError(f("datePeriod"), `${JSON.stringify(record.datePeriod)} is not a half-year; write YYYY-H1 or YYYY-H2`));
    else if (record.date !== half[1]) errors.push(fieldError(f("date"), `a date within ${record.datePeriod} is given as its year ${half[1]} (or left empty)`));
  }
  errors.push(validateText(record.title, f("title")));
  errors.push(validateEnum(record.eventType, SachsenAnhaltEventType, f("eventType")));
  errors.push(validateEnum(record.format, SigningFormat, f("format"), { required: false }));
  const related = (record.relatedIds ?? []).map((id, i) => (id.startsWith(PARTNERSHIP_ID_PREFIX) ? null : fieldError(`${f("relatedIds")}[${i}]`, `${id} is not a Sachsen-Anhalt partnership id (ST-P-…)`)));
  return [
    ...errors,
    ...related,
    ...validateTexts(record.additionalDates, f("additionalDates")),
    ...validateRecordSources(record.sources, f("sources")),
  ].filter((e): e is FieldError => e !== null);
}

/** Checks the programme and the related partnerships exist (one statement each for all records). */
export async function checkEventReferences(manager: EntityManager, records: readonly Draft<EventRecord>[], fieldOf: (index: number, name: string) => string): Promise<FieldError[]> {
  const related = records.flatMap((r, i) => (r.relatedIds ?? []).map((id, j) => ({ id, field: `${fieldOf(i, "relatedIds")}[${j}]` })));
  return [
    ...(await validateReferences(manager, SachsenAnhaltProgramme, records.map((r) => r.programmeId), (i) => fieldOf(i, "programmeId"), { what: "programme" })),
    ...(await validateReferences(manager, SachsenAnhaltLocalPartnership, related.map((r) => r.id), (i) => related[i]!.field, { what: "partnership" })),
  ];
}

function toRecord(e: SachsenAnhaltEvent): EventRecord {
  return {
    id: e.id,
    programmeId: e.programmeId,
    date: e.dateIso,
    datePeriod: e.datePeriod,
    dateNote: e.dateNote,
    title: e.title,
    eventType: e.eventType,
    format: e.format,
    place: e.place,
    status: e.status,
    participantsSummary: e.participantsSummary,
    additionalDates: e.additionalDates,
    relatedIds: e.relatedIds,
    sources: e.sources,
  };
}

/** Loads events in their write-path shape, all of them (by id) when `ids` is omitted. */
export async function loadEventRecords(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, EventRecord>> {
  const rows = ids === undefined ? await manager.getRepository(SachsenAnhaltEvent).find({ order: { id: "ASC" } }) : await findIn(manager, SachsenAnhaltEvent, "id", ids);
  return new Map(rows.map((e) => [e.id, toRecord(e)]));
}

/** Writes an event with its precision (HALF_YEAR where a period is given, else from the ISO prefix). */
export async function storeEvent(manager: EntityManager, r: EventRecord, existed: boolean): Promise<void> {
  const columns = {
    programmeId: r.programmeId,
    dateIso: r.date,
    datePrecision: r.datePeriod ? DatePrecision.HALF_YEAR : precisionOf(r.date !== null && isValidIsoPrefix(r.date) ? r.date : null),
    dateNote: r.dateNote,
    datePeriod: r.datePeriod,
    additionalDates: r.additionalDates,
    title: r.title,
    eventType: r.eventType,
    format: r.format as SigningFormat | null,
    place: r.place,
    status: r.status as EventStatus,
    participantsSummary: r.participantsSummary,
    relatedIds: r.relatedIds,
    sources: r.sources,
  };
  if (existed) await manager.update(SachsenAnhaltEvent, { id: r.id }, columns);
  else await manager.insert(SachsenAnhaltEvent, { id: r.id, ...columns });
}

/** The next free event id (`ST-E-013`); inside the write transaction. */
export function nextEventId(manager: EntityManager): Promise<string> {
  return nextFreeId(manager, SachsenAnhaltEvent, EVENT_ID_PREFIX, 3);
}

/** One row of an event import file. */
export const eventRowSchema = z
  .strictObject({
    id: z.string(),
    programmeId: textCell,
    date: textCell,
    datePeriod: textCell,
    dateNote: textCell,
    title: textCell,
    eventType: textCell,
    format: textCell,
    place: textCell,
    status: textCell,
    participantsSummary: textCell,
    additionalDates: textListCell,
    relatedIds: textListCell,
    sources: sourcesCell,
  })
  .transform((row) => normalizeEventPatch(row) as EventPatch & { id: string });

export type EventRow = z.output<typeof eventRowSchema>;
