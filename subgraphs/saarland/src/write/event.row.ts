import { In, type EntityManager } from "typeorm";
import { z } from "zod";
import {
  EventStatus,
  fieldError,
  SigningFormat,
  StateCode,
  validateIsoDate,
  validateSources,
  validateText,
  type ColumnSpec,
  type FieldError,
  type Source,
} from "@laenderhub/shared";
import { SaarlandEvent, SaarlandProgramme, SaarlandSecurityPartnership } from "../entities/index.js";
import { checkOwnId } from "./ids.js";
import { chunks, nonBlankItems, optionalEnum, optionalText, precisionOf, requiredEnum, requiredText, sourceList, textList } from "./common.js";
import type { IndexedFieldError } from "./partnership.row.js";

/** One programme event as a file row, mutation input and audit snapshot. */
export interface EventRow {
  id: string;
  programmeId: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when no source dates it. */
  date: string | null;
  additionalDates: string[];
  title: string;
  /** The kind of event as an upper-case code (ROUND_TABLE, CONFERENCE, SIGNING_CEREMONY, …). */
  eventType: string;
  format: SigningFormat | null;
  place: string | null;
  status: EventStatus;
  participantsSummary: string | null;
  /** Ids of the partnerships the event concerns. */
  relatedIds: string[];
  sources: Source[];
}

export const EVENT_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "programmeId" },
  { name: "date" },
  { name: "additionalDates", kind: "json" },
  { name: "title" },
  { name: "eventType" },
  { name: "format" },
  { name: "place" },
  { name: "status" },
  { name: "participantsSummary" },
  { name: "relatedIds", kind: "list" },
  { name: "sources", kind: "json" },
];

export const eventRowSchema: z.ZodType<EventRow> = z.strictObject({
  id: requiredText,
  programmeId: requiredText,
  date: optionalText,
  additionalDates: textList,
  title: requiredText,
  eventType: requiredText,
  format: optionalEnum(SigningFormat),
  place: optionalText,
  status: requiredEnum(EventStatus),
  participantsSummary: optionalText,
  relatedIds: textList,
  sources: sourceList,
});

// Only an event that took place is bound to the past; announced ones lie ahead.
const PAST_ONLY = new Set<EventStatus>([EventStatus.HELD]);

/** The domain checks of one event (prefix `input.` for a mutation, none for an import row). */
export function validateEventRow(row: EventRow, prefix = "", now?: Date): FieldError[] {
  const f = (name: string) => `${prefix}${name}`;
  const at = now ? { now } : {};
  const errors: Array<FieldError | null> = [
    checkOwnId(row.id, "event", f("id")),
    validateText(row.programmeId, f("programmeId")),
    validateIsoDate(row.date, f("date"), { notInFuture: PAST_ONLY.has(row.status), ...at }),
    validateText(row.title, f("title")),
    /^[A-Z][A-Z0-9_]*$/.test(row.eventType) ? null : fieldError(f("eventType"), `${JSON.stringify(row.eventType)} is not an event type code (upper case, e.g. ROUND_TABLE)`),
  ];
  return [
    ...errors.filter((e): e is FieldError => e !== null),
    ...nonBlankItems(row.additionalDates, f("additionalDates")),
    ...row.relatedIds.flatMap((id, i) => {
      const e = checkOwnId(id, "partnership", f(`relatedIds[${i}]`));
      return e ? [e] : [];
    }),
    ...validateSources(row.sources, f("sources"), at),
  ];
}

/** Checks that the programme and every related partnership exist: two statements per 500 ids. Read-only. */
export async function eventReferenceErrors(manager: EntityManager, rows: readonly EventRow[], prefix = ""): Promise<IndexedFieldError[]> {
  const programmes = new Set<string>();
  const partnerships = new Set<string>();
  for (const ids of chunks([...new Set(rows.map((r) => r.programmeId))])) {
    for (const p of await manager.getRepository(SaarlandProgramme).find({ select: { id: true }, where: { id: In(ids) } })) programmes.add(p.id);
  }
  for (const ids of chunks([...new Set(rows.flatMap((r) => r.relatedIds))])) {
    for (const p of await manager.getRepository(SaarlandSecurityPartnership).find({ select: { id: true }, where: { id: In(ids) } })) partnerships.add(p.id);
  }
  return rows.flatMap((row, index) => [
    ...(programmes.has(row.programmeId) ? [] : [{ index, error: fieldError(`${prefix}programmeId`, `programme ${row.programmeId} does not exist`) }]),
    ...row.relatedIds.flatMap((id, i) => (partnerships.has(id) ? [] : [{ index, error: fieldError(`${prefix}relatedIds[${i}]`, `partnership ${id} does not exist`) }])),
  ]);
}

/** The row of a stored event. */
export function toEventRow(e: SaarlandEvent): EventRow {
  return {
    id: e.id,
    programmeId: e.programmeId,
    date: e.dateIso,
    additionalDates: e.additionalDates,
    title: e.title,
    eventType: e.eventType,
    format: e.format,
    place: e.place,
    status: e.status,
    participantsSummary: e.participantsSummary,
    relatedIds: e.relatedIds,
    sources: e.sources,
  };
}

/** The rows of stored events by id (all of them when `ids` is omitted). */
export async function loadEventRows(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, EventRow>> {
  const found: SaarlandEvent[] = [];
  if (ids === undefined) found.push(...(await manager.getRepository(SaarlandEvent).find({ order: { id: "ASC" } })));
  else for (const batch of chunks([...new Set(ids)])) found.push(...(await manager.getRepository(SaarlandEvent).find({ where: { id: In(batch) }, order: { id: "ASC" } })));
  return new Map(found.map((e) => [e.id, toEventRow(e)]));
}

/** Stores an event row (insert or update), its precision derived from the date. */
export async function writeEvent(manager: EntityManager, row: EventRow, options: { exists: boolean }): Promise<EventRow> {
  const record = {
    state: StateCode.SL,
    programmeId: row.programmeId,
    dateIso: row.date,
    datePrecision: precisionOf(row.date),
    additionalDates: row.additionalDates,
    title: row.title,
    eventType: row.eventType,
    format: row.format,
    place: row.place,
    status: row.status,
    participantsSummary: row.participantsSummary,
    relatedIds: row.relatedIds,
    sources: row.sources,
  };
  if (options.exists) await manager.update(SaarlandEvent, { id: row.id }, record);
  else await manager.insert(SaarlandEvent, { id: row.id, ...record });
  return row;
}
