import type {
  EventStatus,
  IndicatorQualifier,
  OrdinalBasis,
  ParticipationStatus,
  ProgrammeKind,
  Signatory,
  SigningFormat,
  Source,
} from "@laenderhub/shared";
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import {
  EventEntity,
  IndicatorEntity,
  MembershipEntity,
  MembershipFieldEntity,
  MembershipPersonEntity,
  MunicipalityEntity,
  PersonListing,
  ProgrammeEntity,
} from "../entities/index.js";
import { toPeople } from "../schema/mappers.js";
import type { AsskommStage } from "../schema/stage.js";
import { fieldsOfActionOf, polizeidirektionOf, precisionOf, signedPrecisionOf, sortNameOf } from "./derive.js";

/*
 * One plain record shape per writable type. The same shape is the row of an import or export
 * file, the input a mutation is normalised to before validation, and (with the derived
 * columns added) the before/after snapshot of the audit history. Derived columns (precision,
 * Polizeidirektion, fields of action, sort name, people lists) are never part of it: they are
 * computed on every write, so they cannot disagree with the fields they follow from.
 */

/** The one ASSKomm programme every Sachsen record belongs to unless it names another. */
export const ASSKOMM_PROGRAMME_ID = "SN-PRG-ASSKOMM";

/** GraphQL type names of the writable records, as the audit history records them. */
export const RECORD_TYPES = {
  membership: "AsskommMembership",
  event: "AsskommEvent",
  indicator: "AsskommIndicator",
  gemeinde: "SachsenGemeinde",
  programme: "AsskommProgramme",
} as const;

/** A membership as written and exported. */
export interface MembershipRecord {
  id: string;
  programmeId: string;
  municipalityId: string;
  stage: AsskommStage;
  instrumentLabel: string | null;
  agreementId: string;
  groupName: string | null;
  groupKind: string | null;
  /** ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD); null when the year is unknown. */
  signedOn: string | null;
  /** Only with no signedOn: day and month are known, the year is not. */
  signedMonth: number | null;
  signedDay: number | null;
  signedNote: string | null;
  effectiveOn: string | null;
  ordinal: number | null;
  ordinalBasis: OrdinalBasis | null;
  ordinalBasisText: string | null;
  format: SigningFormat | null;
  place: string | null;
  partners: string[];
  notes: string[];
  status: ParticipationStatus;
  endedOn: string | null;
  preAgreementId: string | null;
  signatories: Signatory[];
  present: Signatory[];
  sources: Source[];
}

/** An entry of Sachsen's municipal register as written and exported. */
export interface GemeindeRecord {
  id: string;
  name: string;
  ags: string | null;
  landkreis: string | null;
  landkreisNote: string | null;
  type: string | null;
  agsNote: string | null;
  agsSources: Source[];
  otherSources: Source[];
}

/** A programme event as written and exported. */
export interface EventRecord {
  id: string;
  programmeId: string;
  date: string | null;
  additionalDates: string[];
  title: string;
  eventType: string;
  format: SigningFormat | null;
  place: string | null;
  status: EventStatus;
  participantsSummary: string | null;
  relatedIds: string[];
  sources: Source[];
}

/** A published programme figure as written and exported. */
export interface IndicatorRecord {
  id: string;
  programmeId: string;
  indicator: string;
  label: string;
  value: number;
  unit: string;
  qualifier: IndicatorQualifier;
  referenceOn: string | null;
  note: string | null;
  sources: Source[];
}

/** The programme row (framework documents and funding statements are not part of it). */
export interface ProgrammeRecord {
  id: string;
  state: string;
  name: string;
  shortName: string;
  kind: ProgrammeKind;
  kindDescription: string | null;
  responsibleMinistry: string | null;
  coordinatingBody: string | null;
  coordinatingBodySources: Source[];
  startOn: string | null;
  startPeriod: string | null;
  startNote: string | null;
  fieldsOfAction: string[];
  fieldsOfActionSources: Source[];
  offers: string[];
  offersSources: Source[];
  notes: string[];
  participationCountRecorded: number | null;
  sources: Source[];
}

// ---------------------------------------------------------------------------------------------
// Memberships: one row plus its people and its fields of action.

/** The record of a stored membership and its people. */
export function membershipRecordOf(e: MembershipEntity, people: readonly MembershipPersonEntity[]): MembershipRecord {
  return {
    id: e.id,
    programmeId: e.programmeId,
    municipalityId: e.municipalityId,
    stage: e.stage as AsskommStage,
    instrumentLabel: e.instrumentLabel,
    agreementId: e.agreementId,
    groupName: e.groupName,
    groupKind: e.groupKind,
    signedOn: e.signedOn,
    signedMonth: e.signedMonth,
    signedDay: e.signedDay,
    signedNote: e.signedNote,
    effectiveOn: e.effectiveOn,
    ordinal: e.ordinal,
    ordinalBasis: e.ordinalBasis as OrdinalBasis | null,
    ordinalBasisText: e.ordinalBasisText,
    format: e.format as SigningFormat | null,
    place: e.place,
    partners: e.parties,
    notes: e.notes,
    status: e.status as ParticipationStatus,
    endedOn: e.endedOn,
    preAgreementId: e.preAgreementId,
    signatories: toPeople(people, "SIGNATORY"),
    present: toPeople(people, "PRESENT"),
    sources: e.sources,
  };
}

/** The audit snapshot of a membership: the record with the columns derived from it. */
export function membershipSnapshot(r: MembershipRecord): Record<string, unknown> {
  return {
    ...r,
    signedPrecision: signedPrecisionOf(r.signedOn, r.signedMonth, r.signedDay),
    polizeidirektion: polizeidirektionOf(r.partners),
    fieldsOfAction: fieldsOfActionOf(r.notes),
  };
}

type MembershipColumns = Omit<MembershipEntity, "programme" | "municipality" | "preAgreement">;

function membershipColumns(r: MembershipRecord): MembershipColumns {
  return {
    id: r.id,
    programmeId: r.programmeId,
    municipalityId: r.municipalityId,
    stage: r.stage,
    instrumentLabel: r.instrumentLabel,
    agreementId: r.agreementId,
    groupName: r.groupName,
    groupKind: r.groupKind,
    signedOn: r.signedOn,
    signedPrecision: signedPrecisionOf(r.signedOn, r.signedMonth, r.signedDay),
    signedNote: r.signedNote,
    signedMonth: r.signedOn ? null : r.signedMonth,
    signedDay: r.signedOn ? null : r.signedDay,
    effectiveOn: r.effectiveOn,
    ordinal: r.ordinal,
    ordinalBasis: r.ordinalBasis,
    ordinalBasisText: r.ordinalBasisText,
    format: r.format,
    place: r.place,
    parties: r.partners,
    polizeidirektion: polizeidirektionOf(r.partners),
    notes: r.notes,
    status: r.status,
    endedOn: r.endedOn,
    preAgreementId: r.preAgreementId,
    sources: r.sources,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes a membership (insert when `existing` is null, so a taken id is a CONFLICT; update
 * otherwise) with its derived columns, its people split into signatories and present, and
 * its fields of action. Must run inside the write transaction.
 */
export async function storeMembership(manager: EntityManager, r: MembershipRecord, existing: MembershipRecord | null): Promise<void> {
  const { id, ...columns } = membershipColumns(r);
  if (existing) await manager.update(MembershipEntity, { id }, columns);
  else await manager.insert(MembershipEntity, { id, ...columns });

  if (!existing || !sameJson([existing.signatories, existing.present], [r.signatories, r.present])) {
    if (existing) await manager.delete(MembershipPersonEntity, { membershipId: id });
    const people = [
      ...r.signatories.map((p, i) => ({ ...p, membershipId: id, listedAs: PersonListing.SIGNATORY, position: i + 1 })),
      ...r.present.map((p, i) => ({ ...p, membershipId: id, listedAs: PersonListing.PRESENT, position: i + 1 })),
    ];
    if (people.length > 0) await manager.insert(MembershipPersonEntity, people);
  }

  const fields = fieldsOfActionOf(r.notes);
  if (!existing || !sameJson(fieldsOfActionOf(existing.notes), fields)) {
    if (existing) await manager.delete(MembershipFieldEntity, { membershipId: id });
    if (fields.length > 0) await manager.insert(MembershipFieldEntity, fields.map((field) => ({ membershipId: id, field })));
  }
}

// Keeps every IN (...) list well below the databases' bound-parameter limits.
const CHUNK = 500;

async function findByIds<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, column: string, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const rows: T[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) {
    rows.push(...(await manager.getRepository(entity).find({ where: { [column]: In(unique.slice(i, i + CHUNK)) } as never })));
  }
  return rows;
}

function groupPeople(people: readonly MembershipPersonEntity[]): Map<string, MembershipPersonEntity[]> {
  const byMembership = new Map<string, MembershipPersonEntity[]>();
  for (const p of people) byMembership.set(p.membershipId, [...(byMembership.get(p.membershipId) ?? []), p]);
  return byMembership;
}

/** Memberships by id with their people: two statements per 500 ids. */
export async function loadMembershipRecords(manager: EntityManager, ids: readonly string[]): Promise<Map<string, MembershipRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await findByIds(manager, MembershipEntity, "id", ids);
  const people = groupPeople(await findByIds(manager, MembershipPersonEntity, "membershipId", rows.map((r) => r.id)));
  return new Map(rows.map((r) => [r.id, membershipRecordOf(r, people.get(r.id) ?? [])]));
}

/** One membership with its people, or null. */
export async function loadMembershipRecord(manager: EntityManager, id: string): Promise<MembershipRecord | null> {
  return (await loadMembershipRecords(manager, [id])).get(id) ?? null;
}

/** Every membership of the state, in id order (for export). */
export async function loadAllMembershipRecords(manager: EntityManager): Promise<MembershipRecord[]> {
  const rows = await manager.getRepository(MembershipEntity).find({ order: { id: "ASC" } });
  const people = groupPeople(await manager.getRepository(MembershipPersonEntity).find());
  return rows.map((r) => membershipRecordOf(r, people.get(r.id) ?? []));
}

// ---------------------------------------------------------------------------------------------
// Single-table records: the municipal register, events, indicators, the programme.

/** How a single-table record maps onto its entity. */
export interface TableMapping<TEntity extends ObjectLiteral, TRecord extends { id: string }> {
  entity: EntityTarget<TEntity>;
  recordType: string;
  toRecord(e: TEntity): TRecord;
  /** Every stored column, derived ones included. */
  toColumns(r: TRecord): Partial<TEntity>;
  /** The audit snapshot: the record plus what is derived from it. */
  snapshot(r: TRecord): Record<string, unknown>;
}

export const gemeindeMapping: TableMapping<MunicipalityEntity, GemeindeRecord> = {
  entity: MunicipalityEntity,
  recordType: RECORD_TYPES.gemeinde,
  toRecord: (e) => ({
    id: e.id,
    name: e.name,
    ags: e.ags,
    landkreis: e.landkreis,
    landkreisNote: e.landkreisNote,
    type: e.type,
    agsNote: e.agsNote,
    agsSources: e.agsSources,
    otherSources: e.otherSources,
  }),
  toColumns: (r) => ({ ...r, sortName: sortNameOf(r.name) }),
  snapshot: (r) => ({ ...r, sortName: sortNameOf(r.name) }),
};

export const eventMapping: TableMapping<EventEntity, EventRecord> = {
  entity: EventEntity,
  recordType: RECORD_TYPES.event,
  toRecord: (e) => ({
    id: e.id,
    programmeId: e.programmeId,
    date: e.dateOn,
    additionalDates: e.additionalDates,
    title: e.title,
    eventType: e.eventType,
    format: e.format as SigningFormat | null,
    place: e.place,
    status: e.status as EventStatus,
    participantsSummary: e.participantsSummary,
    relatedIds: e.relatedIds,
    sources: e.sources,
  }),
  toColumns: ({ date, ...r }) => ({ ...r, dateOn: date, datePrecision: precisionOf(date) }),
  snapshot: (r) => ({ ...r, datePrecision: precisionOf(r.date) }),
};

export const indicatorMapping: TableMapping<IndicatorEntity, IndicatorRecord> = {
  entity: IndicatorEntity,
  recordType: RECORD_TYPES.indicator,
  toRecord: (e) => ({
    id: e.id,
    programmeId: e.programmeId,
    indicator: e.indicator,
    label: e.label,
    // PostgreSQL returns double precision as a number, but be explicit for other drivers.
    value: Number(e.value),
    unit: e.unit,
    qualifier: e.qualifier as IndicatorQualifier,
    referenceOn: e.referenceOn,
    note: e.note,
    sources: e.sources,
  }),
  toColumns: (r) => ({ ...r, referencePrecision: precisionOf(r.referenceOn) }),
  snapshot: (r) => ({ ...r, referencePrecision: precisionOf(r.referenceOn) }),
};

export const programmeMapping: TableMapping<ProgrammeEntity, ProgrammeRecord> = {
  entity: ProgrammeEntity,
  recordType: RECORD_TYPES.programme,
  toRecord: (e) => ({
    id: e.id,
    state: e.state,
    name: e.name,
    shortName: e.shortName,
    kind: e.kind as ProgrammeKind,
    kindDescription: e.kindDescription,
    responsibleMinistry: e.responsibleMinistry,
    coordinatingBody: e.coordinatingBody,
    coordinatingBodySources: e.coordinatingBodySources,
    startOn: e.startOn,
    startPeriod: e.startPeriod,
    startNote: e.startNote,
    fieldsOfAction: e.fieldsOfAction,
    fieldsOfActionSources: e.fieldsOfActionSources,
    offers: e.offers,
    offersSources: e.offersSources,
    notes: e.notes,
    participationCountRecorded: e.participationCountRecorded,
    sources: e.sources,
  }),
  toColumns: (r) => ({ ...r, startPrecision: precisionOf(r.startOn) }),
  snapshot: (r) => ({ ...r, startPrecision: precisionOf(r.startOn) }),
};

/** Records of one table by id: one statement per 500 ids. */
export async function loadRecords<TEntity extends ObjectLiteral, TRecord extends { id: string }>(
  manager: EntityManager,
  mapping: TableMapping<TEntity, TRecord>,
  ids: readonly string[],
): Promise<Map<string, TRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await findByIds(manager, mapping.entity, "id", ids);
  return new Map(rows.map((e) => [(e as unknown as { id: string }).id, mapping.toRecord(e)]));
}

/** Every record of one table, in id order (for export). */
export async function loadAllRecords<TEntity extends ObjectLiteral, TRecord extends { id: string }>(
  manager: EntityManager,
  mapping: TableMapping<TEntity, TRecord>,
): Promise<TRecord[]> {
  const rows = await manager.getRepository(mapping.entity).find({ order: { id: "ASC" } as never });
  return rows.map(mapping.toRecord);
}

/**
 * Writes a single-table record with its derived columns: insert when `existing` is null (a
 * taken id is a CONFLICT), update otherwise. Must run inside the write transaction.
 */
export async function storeRecord<TEntity extends ObjectLiteral, TRecord extends { id: string }>(
  manager: EntityManager,
  mapping: TableMapping<TEntity, TRecord>,
  r: TRecord,
  existing: TRecord | null,
): Promise<void> {
  const { id, ...columns } = mapping.toColumns(r) as Partial<TEntity> & { id: string };
  if (existing) await manager.update(mapping.entity, { id } as never, columns as never);
  else await manager.insert(mapping.entity, { id, ...columns } as never);
}

/**
 * The next free id of the form `<prefix><number>` (SN-P-031, SN-E-010): one more than the
 * highest number in use, three digits at least. Letter suffixes (SN-P-013a) count as their
 * number; other ids (SN-P-M01) are ignored. Run it inside the write transaction, where
 * writes are serialised.
 */
export async function nextFreeId(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, prefix: string): Promise<string> {
  const rows: Array<{ id: string }> = await manager
    .getRepository(entity)
    .createQueryBuilder("x")
    .select("x.id", "id")
    .where("x.id LIKE :prefix", { prefix: `${prefix}%` })
    .getRawMany();
  const pattern = new RegExp(`^${prefix.replace(/[-]/g, "\\-")}(\\d+)`);
  const highest = rows.reduce((max, r) => Math.max(max, Number(pattern.exec(r.id)?.[1] ?? 0)), 0);
  return `${prefix}${String(highest + 1).padStart(3, "0")}`;
}
