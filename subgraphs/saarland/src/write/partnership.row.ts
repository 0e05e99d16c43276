import { In, type EntityManager } from "typeorm";
import { z } from "zod";
import {
  DatePrecision,
  ErrorCode,
  fieldError,
  FieldOfAction,
  fieldsOfActionFromText,
  Instrument,
  OrdinalBasis,
  ParticipationStatus,
  PersonBasis,
  SigningFormat,
  StateCode,
  validateDateOrder,
  validateIsoDate,
  validateSources,
  validateText,
  type ColumnSpec,
  type FieldError,
  type Signatory,
  type Source,
} from "@laenderhub/shared";
import {
  PersonListing,
  SaarlandAgreedMeasure,
  SaarlandMunicipality,
  SaarlandPartnershipField,
  SaarlandPartnershipMeasureLink,
  SaarlandPartnershipPerson,
  SaarlandProgramme,
  SaarlandSecurityPartnership,
} from "../entities/index.js";
import { checkOwnId } from "./ids.js";
import {
  chunks,
  enumList,
  isRealMonthDay,
  nonBlankItems,
  optionalEnum,
  optionalInteger,
  optionalText,
  precisionOf,
  requiredEnum,
  requiredText,
  signatoryList,
  sourceList,
  textList,
} from "./common.js";

/**
 * One partnership as the write path sees it: the row of an import or export file, the shape
 * a mutation's input is turned into, and the `before`/`after` snapshot of its audit entries.
 * Dates are ISO prefixes whose length is their precision; `fieldsOfAction` is derived from
 * the notes (it is exported for readers and only checked on import).
 */
export interface PartnershipRow {
  id: string;
  programmeId: string;
  municipalityId: string;
  instrument: Instrument;
  instrumentLabel: string | null;
  agreementId: string;
  groupName: string | null;
  groupKind: string | null;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the year is unknown. */
  signedOn: string | null;
  /** Only for a day and month known without the year (signedOn null). */
  signedMonth: number | null;
  signedDay: number | null;
  signedNote: string | null;
  /** A full day, where a source gives one apart from signing. */
  effectiveOn: string | null;
  ordinal: number | null;
  ordinalBasis: OrdinalBasis | null;
  ordinalBasisText: string | null;
  format: SigningFormat | null;
  place: string | null;
  status: ParticipationStatus;
  /** The day the partnership ended; set exactly when status is ENDED. */
  endedOn: string | null;
  partners: string[];
  notes: string[];
  fieldsOfAction: FieldOfAction[];
  signatories: Signatory[];
  present: Signatory[];
  sources: Source[];
}

/** The file columns of a partnership, in export order (CSV header = row key). */
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
  // Free texts may hold the list separator, so they travel as JSON cells.
  { name: "partners", kind: "json" },
  { name: "notes", kind: "json" },
  { name: "fieldsOfAction", kind: "list" },
  { name: "signatories", kind: "json" },
  { name: "present", kind: "json" },
  { name: "sources", kind: "json" },
];

/** Shape and types of one partnership row (after CSV cells are decoded). Unknown keys are errors. */
export const partnershipRowSchema: z.ZodType<PartnershipRow> = z.strictObject({
  id: requiredText,
  programmeId: requiredText,
  municipalityId: requiredText,
  instrument: requiredEnum(Instrument),
  instrumentLabel: optionalText,
  agreementId: requiredText,
  groupName: optionalText,
  groupKind: optionalText,
  signedOn: optionalText,
  signedMonth: optionalInteger,
  signedDay: optionalInteger,
  signedNote: optionalText,
  effectiveOn: optionalText,
  ordinal: optionalInteger,
  ordinalBasis: optionalEnum(OrdinalBasis),
  ordinalBasisText: optionalText,
  format: optionalEnum(SigningFormat),
  place: optionalText,
  status: requiredEnum(ParticipationStatus),
  endedOn: optionalText,
  partners: textList,
  notes: textList,
  fieldsOfAction: enumList(FieldOfAction),
  signatories: signatoryList,
  present: signatoryList,
  sources: sourceList,
});

/** The stored precision of a signing date: the prefix's length, DAY_MONTH without a year, else UNKNOWN. */
export function signedPrecisionOf(row: Pick<PartnershipRow, "signedOn" | "signedMonth" | "signedDay">): DatePrecision {
  if (row.signedOn !== null) return precisionOf(row.signedOn);
  return row.signedMonth !== null && row.signedDay !== null ? DatePrecision.DAY_MONTH : DatePrecision.UNKNOWN;
}

/** The row with its derived fields recomputed (fields of action from the notes): what is stored. */
export function withDerivedPartnershipFields(row: PartnershipRow): PartnershipRow {
  return { ...row, fieldsOfAction: fieldsOfActionFromText(row.notes) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The domain checks of one partnership, the same for a mutation (prefix `input.`) and an import
 * row (no prefix): ids of this state, real dates with the precision given and none in the
 * future (signing, end), an end only with status ENDED and not before signing, ordinals with
 * their basis, people present never listed as signatories, at least one source.
 */
export function validatePartnershipRow(row: PartnershipRow, prefix = "", now?: Date): FieldError[] {
  const f = (name: string) => `${prefix}${name}`;
  const at = now ? { now } : {};
  const errors: Array<FieldError | null> = [
    checkOwnId(row.id, "partnership", f("id")),
    validateText(row.programmeId, f("programmeId")),
    checkOwnId(row.municipalityId, "municipality", f("municipalityId")),
    validateText(row.agreementId, f("agreementId")),
    validateIsoDate(row.signedOn, f("signedOn"), { notInFuture: true, ...at }),
    validateIsoDate(row.effectiveOn, f("effectiveOn"), { dayOnly: true, ...at }),
  ];
  const extra: FieldError[] = [];

  if (row.signedMonth !== null || row.signedDay !== null) {
    if (row.signedOn !== null) extra.push(fieldError(f("signedMonth"), "signedMonth and signedDay are only for a date whose year is unknown; signedOn already gives the date"));
    else if (row.signedMonth === null || row.signedDay === null) extra.push(fieldError(f(row.signedMonth === null ? "signedMonth" : "signedDay"), "give both signedMonth and signedDay, or neither"));
    else if (!isRealMonthDay(row.signedMonth, row.signedDay)) extra.push(fieldError(f("signedDay"), `month ${row.signedMonth}, day ${row.signedDay} is not a real day`));
  }

  if (row.ordinal !== null && row.ordinal < 1) extra.push(fieldError(f("ordinal"), `the running number must be 1 or more, got ${row.ordinal}`));
  if (row.ordinal !== null && row.ordinalBasis === null) extra.push(fieldError(f("ordinalBasis"), "say whether a source states the running number (STATED) or implies it (IMPLIED)"));
  if (row.ordinal === null && row.ordinalBasis !== null) extra.push(fieldError(f("ordinalBasis"), "an ordinal basis needs an ordinal"));

  if (row.status === ParticipationStatus.ENDED && row.endedOn === null) extra.push(fieldError(f("endedOn"), "an ENDED partnership needs the day it ended"));
  if (row.status !== ParticipationStatus.ENDED && row.endedOn !== null) extra.push(fieldError(f("endedOn"), `an end date needs status ENDED (status is ${row.status})`));
  if (row.endedOn !== null) {
    const date = validateIsoDate(row.endedOn, f("endedOn"), { dayOnly: true, notInFuture: true, ...at });
    extra.push(...(date ? [date] : []));
    const order = date ? null : validateDateOrder(row.signedOn, row.endedOn, f("endedOn"), "the signing date");
    if (order) extra.push(order);
  }

  extra.push(...nonBlankItems(row.partners, f("partners")), ...nonBlankItems(row.notes, f("notes")));
  const derived = fieldsOfActionFromText(row.notes);
  if (row.fieldsOfAction.length > 0 && !sameList([...row.fieldsOfAction].sort(), derived)) {
    extra.push(
      fieldError(
        f("fieldsOfAction"),
        `fields of action are derived from the notes, which name ${derived.length ? derived.join(";") : "none"}; leave the cell as exported or empty`,
      ),
    );
  }

  row.signatories.forEach((p, i) => {
    const name = validateText(p.name, f(`signatories[${i}].name`));
    if (name) extra.push(name);
    if (p.basis === PersonBasis.PRESENT) extra.push(fieldError(f(`signatories[${i}].basis`), "people present without signing belong in present, not in signatories"));
  });
  row.present.forEach((p, i) => {
    const name = validateText(p.name, f(`present[${i}].name`));
    if (name) extra.push(name);
    if (p.basis !== PersonBasis.PRESENT) extra.push(fieldError(f(`present[${i}].basis`), `people present have basis PRESENT, got ${p.basis}; signers belong in signatories`));
  });

  extra.push(...validateSources(row.sources, f("sources"), at));
  return [...errors.filter((e): e is FieldError => e !== null), ...extra];
}

/** A reference problem of the row at `index`. */
export interface IndexedFieldError {
  index: number;
  error: FieldError;
}

/**
 * Checks what partnership rows reference, in three statements whatever their number: the
 * programme and the register entry exist, and no two partnerships of a programme share a
 * running number (counting the database as it will be after these rows). Read-only.
 */
export async function partnershipReferenceErrors(manager: EntityManager, rows: readonly PartnershipRow[], prefix = ""): Promise<IndexedFieldError[]> {
  const out: IndexedFieldError[] = [];
  const programmes = new Set<string>();
  const municipalities = new Set<string>();
  for (const ids of chunks([...new Set(rows.map((r) => r.programmeId))])) {
    for (const p of await manager.getRepository(SaarlandProgramme).find({ select: { id: true }, where: { id: In(ids) } })) programmes.add(p.id);
  }
  for (const ids of chunks([...new Set(rows.map((r) => r.municipalityId))])) {
    for (const m of await manager.getRepository(SaarlandMunicipality).find({ select: { id: true }, where: { id: In(ids) } })) municipalities.add(m.id);
  }
  const numbered = await manager.getRepository(SaarlandSecurityPartnership).find({ select: { id: true, programmeId: true, ordinal: true } });
  const holder = new Map<string, string>();
  const incoming = new Set(rows.map((r) => r.id));
  for (const p of numbered) if (p.ordinal !== null && !incoming.has(p.id)) holder.set(`${p.programmeId}#${p.ordinal}`, p.id);

  rows.forEach((row, index) => {
    if (!programmes.has(row.programmeId)) out.push({ index, error: fieldError(`${prefix}programmeId`, `programme ${row.programmeId} does not exist`) });
    if (!municipalities.has(row.municipalityId)) {
      out.push({ index, error: fieldError(`${prefix}municipalityId`, `municipality ${row.municipalityId} is not in Saarland's register; register it first (with its AGS)`) });
    }
    if (row.ordinal !== null) {
      const key = `${row.programmeId}#${row.ordinal}`;
      const other = holder.get(key);
      if (other !== undefined && other !== row.id) {
        out.push({ index, error: fieldError(`${prefix}ordinal`, `running number ${row.ordinal} already belongs to ${other}`, ErrorCode.CONFLICT) });
      } else {
        holder.set(key, row.id);
      }
    }
  });
  return out;
}

/** The row of a stored partnership, from its record, its people (by position) and its fields. */
export function toPartnershipRow(p: SaarlandSecurityPartnership, people: readonly SaarlandPartnershipPerson[], fields: readonly FieldOfAction[]): PartnershipRow {
  const person = (x: SaarlandPartnershipPerson): Signatory => ({ name: x.name, role: x.role, organisation: x.organisation, party: x.party, basis: x.basis });
  const ordered = [...people].sort((a, b) => a.position - b.position);
  return {
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
    fieldsOfAction: [...fields].sort(),
    signatories: ordered.filter((x) => x.listing === PersonListing.SIGNATORY).map(person),
    present: ordered.filter((x) => x.listing === PersonListing.PRESENT).map(person),
    sources: p.sources,
  };
}

/**
 * The rows of stored partnerships by id (all of them when `ids` is omitted): three statements
 * per 500 ids (records, people, fields).
 */
export async function loadPartnershipRows(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, PartnershipRow>> {
  const records: SaarlandSecurityPartnership[] = [];
  const people: SaarlandPartnershipPerson[] = [];
  const fields: SaarlandPartnershipField[] = [];
  const batches = ids === undefined ? [undefined] : chunks([...new Set(ids)]);
  for (const batch of batches) {
    if (batch !== undefined && batch.length === 0) continue;
    const where = batch === undefined ? {} : { id: In(batch) };
    const byPartnership = batch === undefined ? {} : { partnershipId: In(batch) };
    records.push(...(await manager.getRepository(SaarlandSecurityPartnership).find({ where, order: { id: "ASC" } })));
    people.push(...(await manager.getRepository(SaarlandPartnershipPerson).find({ where: byPartnership, order: { partnershipId: "ASC", position: "ASC" } })));
    fields.push(...(await manager.getRepository(SaarlandPartnershipField).find({ where: byPartnership, order: { partnershipId: "ASC", field: "ASC" } })));
  }
  const peopleOf = new Map<string, SaarlandPartnershipPerson[]>();
  for (const p of people) peopleOf.set(p.partnershipId, [...(peopleOf.get(p.partnershipId) ?? []), p]);
  const fieldsOf = new Map<string, FieldOfAction[]>();
  for (const x of fields) fieldsOf.set(x.partnershipId, [...(fieldsOf.get(x.partnershipId) ?? []), x.field]);
  return new Map(records.map((r) => [r.id, toPartnershipRow(r, peopleOf.get(r.id) ?? [], fieldsOf.get(r.id) ?? [])]));
}

/** Programme measure catalogues already read in this transaction, by programme id. */
export type MeasureCatalogueCache = Map<string, SaarlandAgreedMeasure[]>;

/**
 * Stores a partnership row (insert or update) with everything derived from it, so the
 * `cmp_*` views reflect the write at once: people split into signatories and people present,
 * fields of action from the notes, precision from the date, and the programme's measures that
 * apply to the municipality. Run it with the write transaction's manager.
 */
export async function writePartnership(
  manager: EntityManager,
  input: PartnershipRow,
  options: { exists: boolean; measures?: MeasureCatalogueCache },
): Promise<PartnershipRow> {
  const row = withDerivedPartnershipFields(input);
  const record = {
    state: StateCode.SL,
    programmeId: row.programmeId,
    municipalityId: row.municipalityId,
    instrument: row.instrument,
    instrumentLabel: row.instrumentLabel,
    agreementId: row.agreementId,
    groupName: row.groupName,
    groupKind: row.groupKind,
    signedIso: row.signedOn,
    signedPrecision: signedPrecisionOf(row),
    signedNote: row.signedNote,
    signedMonth: row.signedOn === null ? row.signedMonth : null,
    signedDay: row.signedOn === null ? row.signedDay : null,
    effectiveIso: row.effectiveOn,
    ordinal: row.ordinal,
    ordinalBasis: row.ordinalBasis,
    ordinalBasisText: row.ordinalBasisText,
    format: row.format,
    place: row.place,
    partners: row.partners,
    notes: row.notes,
    status: row.status,
    endedOn: row.endedOn,
    sources: row.sources,
  };
  // A plain INSERT for a new record: a concurrent create of the same id fails as CONFLICT instead of overwriting.
  if (options.exists) await manager.update(SaarlandSecurityPartnership, { id: row.id }, record);
  else await manager.insert(SaarlandSecurityPartnership, { id: row.id, ...record });

  await manager.delete(SaarlandPartnershipPerson, { partnershipId: row.id });
  const people = [
    ...row.signatories.map((p) => ({ p, listing: PersonListing.SIGNATORY })),
    ...row.present.map((p) => ({ p, listing: PersonListing.PRESENT })),
  ].map(({ p, listing }, i) => ({ partnershipId: row.id, position: i + 1, listing, name: p.name, role: p.role, organisation: p.organisation, party: p.party, basis: p.basis }));
  if (people.length > 0) await manager.insert(SaarlandPartnershipPerson, people);

  await manager.delete(SaarlandPartnershipField, { partnershipId: row.id });
  if (row.fieldsOfAction.length > 0) await manager.insert(SaarlandPartnershipField, row.fieldsOfAction.map((field) => ({ partnershipId: row.id, field })));

  // The Letter of Intent is one text per programme: its measures apply to every partner,
  // except those the programme's wording limits to named municipalities.
  const measures: MeasureCatalogueCache = options.measures ?? new Map();
  let catalogue = measures.get(row.programmeId);
  if (!catalogue) {
    catalogue = await manager.getRepository(SaarlandAgreedMeasure).find({ where: { programmeId: row.programmeId }, order: { position: "ASC" } });
    measures.set(row.programmeId, catalogue);
  }
  await manager.delete(SaarlandPartnershipMeasureLink, { partnershipId: row.id });
  const links = catalogue
    .filter((m) => m.municipalityIds === null || m.municipalityIds.includes(row.municipalityId))
    .map((m) => ({ partnershipId: row.id, measure: m.measure, programmeId: m.programmeId }));
  if (links.length > 0) await manager.insert(SaarlandPartnershipMeasureLink, links);
  return row;
}
