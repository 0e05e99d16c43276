import {
  DatePrecision,
  fieldError,
  FieldOfAction,
  fieldsOfActionFromText,
  Instrument,
  isValidIsoPrefix,
  OrdinalBasis,
  ParticipationStatus,
  precisionOfIso,
  SigningFormat,
  validateDateOrder,
  validateEnum,
  validateIsoDate,
  validateReferences,
  ErrorCode,
  type FieldError,
  type Signatory,
  type Source,
  type SourceLike,
} from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import { z } from "zod";
import { PersonListing, SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality, SachsenAnhaltProgramme, StPartnershipField, StPartnershipPerson } from "../entities/index.js";
import { policeUnitKindOf } from "../schema/police-partner.type.js";
import {
  at,
  findIn,
  given,
  integerCell,
  list,
  normalizePerson,
  nextFreeId,
  optionalText,
  peopleCell,
  SACHSEN_ANHALT_PROGRAMME_ID,
  sourceList,
  sourcesCell,
  textCell,
  textListCell,
  validateId,
  validatePeople,
  validateRecordSources,
  validateTexts,
  type Draft,
  type PersonLike,
} from "./common.js";

/** Ids of local partnerships: `ST-P-<n>`. */
export const PARTNERSHIP_ID_PREFIX = "ST-P-";

/**
 * A local partnership as the write path sees it: the shape of an import row, of an export
 * row and of the audit's before/after snapshots. Dates are ISO prefixes whose length is
 * their precision; `signedMonth`/`signedDay` only where the year is unknown. `fieldsOfAction`
 * is derived from the notes (the state's rule: only what the notes name).
 */
export interface PartnershipRecord {
  id: string;
  programmeId: string;
  municipalityId: string;
  instrument: string;
  instrumentLabel: string | null;
  agreementId: string;
  groupName: string | null;
  groupKind: string | null;
  signedOn: string | null;
  signedMonth: number | null;
  signedDay: number | null;
  signedNote: string | null;
  effectiveOn: string | null;
  ordinal: number | null;
  ordinalBasis: string | null;
  ordinalBasisText: string | null;
  format: string | null;
  place: string | null;
  status: string;
  endedOn: string | null;
  partners: string[];
  notes: string[];
  fieldsOfAction: string[];
  signatories: Signatory[];
  present: Signatory[];
  sources: Source[];
}

/** Some fields of a partnership: a mutation's input or an import row. Absent fields keep their value. */
export type PartnershipPatch = Partial<Draft<PartnershipRecord>>;

/** The loose input shape of a patch (GraphQL input objects and decoded file rows). */
export interface PartnershipPatchInput {
  id?: string | null;
  programmeId?: string | null;
  municipalityId?: string | null;
  instrument?: string | null;
  instrumentLabel?: string | null;
  agreementId?: string | null;
  groupName?: string | null;
  groupKind?: string | null;
  signedOn?: string | null;
  signedMonth?: number | null;
  signedDay?: number | null;
  signedNote?: string | null;
  effectiveOn?: string | null;
  ordinal?: number | null;
  ordinalBasis?: string | null;
  ordinalBasisText?: string | null;
  format?: string | null;
  place?: string | null;
  status?: string | null;
  endedOn?: string | null;
  partners?: readonly string[] | null;
  notes?: readonly string[] | null;
  fieldsOfAction?: readonly string[] | null;
  signatories?: readonly PersonLike[] | null;
  present?: readonly PersonLike[] | null;
  sources?: readonly SourceLike[] | null;
}

/** Normalises an input or a row: blank texts become null, lists and sources take their stored form. */
export function normalizePartnershipPatch(input: PartnershipPatchInput): PartnershipPatch {
  const people = (v: readonly PersonLike[] | null | undefined) => (v === undefined ? undefined : (v ?? []).map(normalizePerson));
  return given({
    id: input.id,
    programmeId: optionalText(input.programmeId),
    municipalityId: optionalText(input.municipalityId),
    instrument: optionalText(input.instrument),
    instrumentLabel: optionalText(input.instrumentLabel),
    agreementId: optionalText(input.agreementId),
    groupName: optionalText(input.groupName),
    groupKind: optionalText(input.groupKind),
    signedOn: optionalText(input.signedOn),
    signedMonth: input.signedMonth,
    signedDay: input.signedDay,
    signedNote: optionalText(input.signedNote),
    effectiveOn: optionalText(input.effectiveOn),
    ordinal: input.ordinal,
    ordinalBasis: optionalText(input.ordinalBasis),
    ordinalBasisText: optionalText(input.ordinalBasisText),
    format: optionalText(input.format),
    place: optionalText(input.place),
    status: optionalText(input.status),
    endedOn: optionalText(input.endedOn),
    partners: list(input.partners),
    notes: list(input.notes),
    fieldsOfAction: list(input.fieldsOfAction),
    signatories: people(input.signatories),
    present: people(input.present),
    sources: sourceList(input.sources),
  });
}

/**
 * The whole record after a patch: the existing record with the given fields replaced, or a
 * new record with the defaults (the state's programme, status ACTIVE, its own agreement).
 * Derived fields are recomputed, so a patch can never set them out of step.
 */
export function completePartnership(patch: PartnershipPatch, existing: PartnershipRecord | null): Draft<PartnershipRecord> {
  const base: Draft<PartnershipRecord> = existing ?? {
    id: null,
    programmeId: SACHSEN_ANHALT_PROGRAMME_ID,
    municipalityId: null,
    instrument: null,
    instrumentLabel: null,
    agreementId: null,
    groupName: null,
    groupKind: null,
    signedOn: null,
    signedMonth: null,
    signedDay: null,
    signedNote: null,
    effectiveOn: null,
    ordinal: null,
    ordinalBasis: null,
    ordinalBasisText: null,
    format: null,
    place: null,
    status: ParticipationStatus.ACTIVE,
    endedOn: null,
    partners: [],
    notes: [],
    fieldsOfAction: [],
    signatories: [],
    present: [],
    sources: [],
  };
  const { fieldsOfAction: _derived, ...rest } = patch;
  const merged = { ...base, ...rest, id: existing?.id ?? patch.id ?? null };
  return {
    ...merged,
    // A partnership with no agreement of its own is its own agreement (as in the data).
    agreementId: merged.agreementId ?? merged.id,
    fieldsOfAction: fieldsOfActionFromText(merged.notes ?? []),
  };
}

/**
 * Checks the fields a patch gives, each on its own: formats, enums, real dates, people,
 * sources. Required fields and rules across fields are checked on the whole record
 * (`validatePartnershipRecord`).
 */
export function validatePartnershipPatch(patch: PartnershipPatch, prefix: string): FieldError[] {
  const errors: Array<FieldError | null> = [];
  const f = (name: string) => at(prefix, name);
  if (patch.id !== undefined && patch.id !== null) errors.push(validateId(patch.id, PARTNERSHIP_ID_PREFIX, "ST-P-07", f("id")));
  if (patch.programmeId) errors.push(validateId(patch.programmeId, "ST-PRG-", SACHSEN_ANHALT_PROGRAMME_ID, f("programmeId")));
  if (patch.municipalityId) errors.push(validateId(patch.municipalityId, "ST-M-", "ST-M-15003000", f("municipalityId")));
  // An agreement of its own carries the partnership's id, which is checked above.
  if (patch.agreementId && patch.agreementId !== patch.id) errors.push(validateId(patch.agreementId, "ST-", "ST-P-07", f("agreementId")));
  if (patch.instrument) errors.push(validateEnum(patch.instrument, Instrument, f("instrument")));
  if (patch.status) errors.push(validateEnum(patch.status, ParticipationStatus, f("status")));
  if (patch.ordinalBasis) errors.push(validateEnum(patch.ordinalBasis, OrdinalBasis, f("ordinalBasis")));
  if (patch.format) errors.push(validateEnum(patch.format, SigningFormat, f("format")));
  // Whether a future signing date is allowed depends on the status: checked on the whole record.
  if (patch.signedOn) errors.push(validateIsoDate(patch.signedOn, f("signedOn")));
  if (patch.effectiveOn) errors.push(validateIsoDate(patch.effectiveOn, f("effectiveOn")));
  if (patch.endedOn) errors.push(validateIsoDate(patch.endedOn, f("endedOn"), { dayOnly: true, notInFuture: true }));
  if (patch.signedMonth !== undefined && patch.signedMonth !== null && !(patch.signedMonth >= 1 && patch.signedMonth <= 12)) {
    errors.push(fieldError(f("signedMonth"), `${patch.signedMonth} is not a month (1 to 12)`));
  }
  if (patch.signedDay !== undefined && patch.signedDay !== null && !(patch.signedDay >= 1 && patch.signedDay <= 31)) {
    errors.push(fieldError(f("signedDay"), `${patch.signedDay} is not a day of a month`));
  }
  if (patch.ordinal !== undefined && patch.ordinal !== null && !(Number.isInteger(patch.ordinal) && patch.ordinal >= 1)) {
    errors.push(fieldError(f("ordinal"), "the running number must be a positive integer"));
  }
  const lists = [
    ...validateTexts(patch.partners, f("partners")),
    ...validateTexts(patch.notes, f("notes")),
    ...(patch.fieldsOfAction ?? []).flatMap((v, i) => validateEnum(v, FieldOfAction, `${f("fieldsOfAction")}[${i}]`) ?? []),
    ...validatePeople(patch.signatories, f("signatories"), { signatories: true }),
    ...validatePeople(patch.present, f("present"), { signatories: false }),
    ...(patch.sources !== undefined ? validateRecordSources(patch.sources, f("sources")) : []),
  ];
  return [...errors.filter((e): e is FieldError => e !== null), ...lists];
}

// Days per month when the year is unknown: 29 February may be meant.
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Checks a whole partnership: every field (as `validatePartnershipPatch`), the required ones,
 * and the rules across fields. A signing date may lie in the future only for an ANNOUNCED
 * partnership; an ENDED one has an end day, not before its signing; a day and month without a
 * year stand only where the year is unknown; `fieldsOfAction`, where a row gives them, must be
 * what the notes name (they are derived, never stored apart from the notes).
 */
export function validatePartnershipRecord(
  record: Draft<PartnershipRecord>,
  prefix: string,
  options: {
    idRequired: boolean;
    givenFieldsOfAction?: readonly string[] | null | undefined;
    /** The field to blame when the end lies before the signing (the one the caller changed). */
    orderField?: string;
    now?: Date;
  },
): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null> = [...validatePartnershipPatch({ ...record, fieldsOfAction: [...(options.givenFieldsOfAction ?? [])] }, prefix)];
  if (options.idRequired && !record.id) errors.push(fieldError(f("id"), "an id is required"));
  errors.push(
    record.programmeId ? null : fieldError(f("programmeId"), "a programme is required"),
    record.municipalityId ? null : fieldError(f("municipalityId"), "a municipality is required (municipalityId, or a new municipality)"),
    record.instrument ? null : fieldError(f("instrument"), "an instrument is required"),
    record.status ? null : fieldError(f("status"), "a status is required"),
  );
  // Malformed dates are reported by the field checks above; the rules below only compare real ones.
  const real = (iso: string | null) => (iso !== null && isValidIsoPrefix(iso) ? iso : null);
  const signedOn = real(record.signedOn);
  if (record.status !== ParticipationStatus.ANNOUNCED && signedOn) {
    errors.push(validateIsoDate(signedOn, f("signedOn"), { notInFuture: true, ...(options.now ? { now: options.now } : {}) }));
  }
  if (record.status === ParticipationStatus.ENDED && !record.endedOn) errors.push(fieldError(f("endedOn"), "an ENDED partnership needs the day it ended"));
  if (record.status && record.status !== ParticipationStatus.ENDED && record.endedOn) {
    errors.push(fieldError(f("status"), `a partnership with an end date (${record.endedOn}) has the status ENDED`));
  }
  errors.push(validateDateOrder(signedOn, real(record.endedOn), f(options.orderField ?? "endedOn"), "the signing date"));
  errors.push(validateDateOrder(signedOn, real(record.effectiveOn), f("effectiveOn"), "the signing date"));
  const month = record.signedMonth;
  const day = record.signedDay;
  if (month !== null || day !== null) {
    if (record.signedOn) errors.push(fieldError(f(month !== null ? "signedMonth" : "signedDay"), "signedMonth and signedDay are only for a date whose year is unknown; put the date in signedOn"));
    else if (month === null || day === null) errors.push(fieldError(f(month === null ? "signedMonth" : "signedDay"), "a date without a year needs both signedMonth and signedDay"));
    else if (month >= 1 && month <= 12 && day > DAYS_IN_MONTH[month - 1]!) errors.push(fieldError(f("signedDay"), `month ${month} has no day ${day}`));
  }
  const givenFields = options.givenFieldsOfAction ?? [];
  if (givenFields.length > 0) {
    const derived = record.fieldsOfAction ?? [];
    const sorted = [...new Set(givenFields)].sort();
    if (sorted.join(";") !== derived.join(";")) {
      errors.push(
        fieldError(
          f("fieldsOfAction"),
          `fields of action follow from the notes (${derived.length ? derived.join(", ") : "none"}); change the notes, or leave fieldsOfAction empty`,
        ),
      );
    }
  }
  return errors.filter((e): e is FieldError => e !== null);
}

/**
 * Checks what the partnerships refer to, in one statement per kind: their programme and
 * municipality exist. `fieldOf(i, name)` names the field of the i-th record.
 */
export async function checkPartnershipReferences(
  manager: EntityManager,
  records: readonly Pick<Draft<PartnershipRecord>, "programmeId" | "municipalityId">[],
  fieldOf: (index: number, name: string) => string,
  options: { skipMunicipalities?: ReadonlySet<string> } = {},
): Promise<FieldError[]> {
  const skip = options.skipMunicipalities ?? new Set<string>();
  return [
    ...(await validateReferences(manager, SachsenAnhaltProgramme, records.map((r) => r.programmeId), (i) => fieldOf(i, "programmeId"), { what: "programme" })),
    ...(await validateReferences(
      manager,
      SachsenAnhaltMunicipality,
      records.map((r) => (r.municipalityId && !skip.has(r.municipalityId) ? r.municipalityId : null)),
      (i) => fieldOf(i, "municipalityId"),
      { what: "municipality" },
    )),
  ];
}

/** The error for an id that is taken. */
export function idTaken(field: string, id: string): FieldError {
  return fieldError(field, `${id} already exists; choose another id or leave it out to get the next free one`, ErrorCode.CONFLICT);
}

function signatory(row: StPartnershipPerson): Signatory {
  return { name: row.name, role: row.role, organisation: row.organisation, party: row.party, basis: row.basis };
}

/** Rows grouped by their partnership, in their order (Node 20 has no Map.groupBy). */
function byPartnership<T extends { partnershipId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.partnershipId);
    if (group) group.push(row);
    else groups.set(row.partnershipId, [row]);
  }
  return groups;
}

/**
 * Loads partnerships in their write-path shape (three statements per 500 ids: rows, people,
 * fields), all of them when `ids` is omitted.
 */
export async function loadPartnershipRecords(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, PartnershipRecord>> {
  const rows =
    ids === undefined ? await manager.getRepository(SachsenAnhaltLocalPartnership).find({ order: { id: "ASC" } }) : await findIn(manager, SachsenAnhaltLocalPartnership, "id", ids);
  const keys = rows.map((r) => r.id);
  const people = await findIn(manager, StPartnershipPerson, "partnershipId", keys, { partnershipId: "ASC", listing: "ASC", position: "ASC" });
  const fields = await findIn(manager, StPartnershipField, "partnershipId", keys, { partnershipId: "ASC", field: "ASC" });
  // Grouped once: an export of thousands of partnerships must not scan every person per row.
  const peopleOf = byPartnership(people);
  const fieldsOf = byPartnership(fields);
  const records = new Map<string, PartnershipRecord>();
  for (const p of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const own = peopleOf.get(p.id) ?? [];
    records.set(p.id, {
      id: p.id,
      programmeId: p.programmeId,
      municipalityId: p.municipalityId,
      instrument: p.instrument,
      instrumentLabel: p.instrumentLabel,
      agreementId: p.agreementId,
      groupName: p.groupName,
      groupKind: p.groupKind,
      signedOn: p.signedIso,
      signedMonth: p.signedMonth,
      signedDay: p.signedDay,
      signedNote: p.signedNote,
      effectiveOn: p.effectiveIso,
      ordinal: p.ordinal,
      ordinalBasis: p.ordinalBasis,
      ordinalBasisText: p.ordinalBasisText,
      format: p.format,
      place: p.place,
      status: p.status,
      endedOn: p.endedOn,
      partners: p.partners,
      notes: p.notes,
      fieldsOfAction: (fieldsOf.get(p.id) ?? []).map((x) => x.field),
      signatories: own.filter((x) => x.listing === PersonListing.SIGNATORY).map(signatory),
      present: own.filter((x) => x.listing === PersonListing.PRESENT).map(signatory),
      sources: p.sources,
    });
  }
  return records;
}

/** The stored row of a partnership, with its derived columns (precision, police partner). */
function toEntity(r: PartnershipRecord): Omit<SachsenAnhaltLocalPartnership, "programme" | "municipality"> {
  const yearKnown = r.signedOn !== null;
  const precision = yearKnown ? precisionOfIso(r.signedOn!) : r.signedMonth !== null && r.signedDay !== null ? DatePrecision.DAY_MONTH : DatePrecision.UNKNOWN;
  return {
    id: r.id,
    programmeId: r.programmeId,
    municipalityId: r.municipalityId,
    instrument: r.instrument as Instrument,
    instrumentLabel: r.instrumentLabel,
    agreementId: r.agreementId,
    groupName: r.groupName,
    groupKind: r.groupKind,
    signedIso: r.signedOn,
    signedPrecision: precision,
    signedNote: r.signedNote,
    signedMonth: yearKnown ? null : r.signedMonth,
    signedDay: yearKnown ? null : r.signedDay,
    effectiveIso: r.effectiveOn,
    ordinal: r.ordinal,
    ordinalBasis: r.ordinalBasis as OrdinalBasis | null,
    ordinalBasisText: r.ordinalBasisText,
    format: r.format as SigningFormat | null,
    place: r.place,
    partners: r.partners,
    policePartnerName: r.partners.find((p) => policeUnitKindOf(p) !== null) ?? null,
    notes: r.notes,
    status: r.status as ParticipationStatus,
    endedOn: r.endedOn,
    sources: r.sources,
  };
}

/**
 * Writes a partnership with everything derived from it: the row, its people (signatories and
 * people present kept apart) and its fields of action, so the `cmp_*` views reflect the write
 * at once. Use the transaction's manager.
 */
export async function storePartnership(manager: EntityManager, record: PartnershipRecord, existed: boolean): Promise<void> {
  const { id, ...columns } = toEntity(record);
  if (existed) {
    await manager.update(SachsenAnhaltLocalPartnership, { id }, columns);
    await manager.delete(StPartnershipPerson, { partnershipId: id });
    await manager.delete(StPartnershipField, { partnershipId: id });
  } else {
    await manager.insert(SachsenAnhaltLocalPartnership, { id, ...columns });
  }
  const listed = (people: Signatory[], listing: PersonListing) => people.map((p, i) => ({ partnershipId: id, listing, position: i + 1, ...p }));
  const people = [...listed(record.signatories, PersonListing.SIGNATORY), ...listed(record.present, PersonListing.PRESENT)];
  if (people.length > 0) await manager.insert(StPartnershipPerson, people);
  const fields = fieldsOfActionFromText(record.notes).map((field) => ({ partnershipId: id, field }));
  if (fields.length > 0) await manager.insert(StPartnershipField, fields);
}

/** The next free partnership id (`ST-P-07`); inside the write transaction. */
export function nextPartnershipId(manager: EntityManager): Promise<string> {
  return nextFreeId(manager, SachsenAnhaltLocalPartnership, PARTNERSHIP_ID_PREFIX, 2);
}

/** One row of a partnership import file, decoded and normalised; absent columns stay undefined. */
export const partnershipRowSchema = z
  .strictObject({
    id: z.string(),
    programmeId: textCell,
    municipalityId: textCell,
    instrument: textCell,
    instrumentLabel: textCell,
    agreementId: textCell,
    groupName: textCell,
    groupKind: textCell,
    signedOn: textCell,
    signedMonth: integerCell,
    signedDay: integerCell,
    signedNote: textCell,
    effectiveOn: textCell,
    ordinal: integerCell,
    ordinalBasis: textCell,
    ordinalBasisText: textCell,
    format: textCell,
    place: textCell,
    status: textCell,
    endedOn: textCell,
    partners: textListCell,
    notes: textListCell,
    fieldsOfAction: textListCell,
    signatories: peopleCell,
    present: peopleCell,
    sources: sourcesCell,
  })
  .transform((row) => normalizePartnershipPatch(row) as PartnershipPatch & { id: string });

/** A decoded partnership row. */
export type PartnershipRow = z.output<typeof partnershipRowSchema>;
