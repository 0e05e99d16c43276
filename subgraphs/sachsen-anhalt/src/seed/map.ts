import {
  DatePrecision,
  EventStatus,
  IndicatorQualifier,
  Instrument,
  OrdinalBasis,
  ParticipationStatus,
  PersonBasis,
  PreventionBodyStatus,
  ProgrammeKind,
  SigningFormat,
  fieldsOfActionFromText,
  isValidIsoPrefix,
  precisionOfIso,
  sortableName,
  toSource,
  type Dataset,
  type FieldOfAction,
  type RawPerson,
  type RawSource,
  type Signatory,
  type Source,
} from "@laenderhub/shared";
import {
  PersonListing,
  type SachsenAnhaltEvent,
  type SachsenAnhaltIndicator,
  type SachsenAnhaltJointDeclaration,
  type SachsenAnhaltLandespraeventionsrat,
  type SachsenAnhaltLocalPartnership,
  type SachsenAnhaltMunicipality,
  type SachsenAnhaltPreventionBody,
  type SachsenAnhaltProgramme,
  type SachsenAnhaltStrategicLine,
  type StPartnershipField,
  type StPartnershipPerson,
} from "../entities/index.js";
import { policeUnitKindOf } from "../schema/police-partner.type.js";
import {
  EVENT_HALF_YEAR,
  LANDESPRAEVENTIONSRAT,
  LPR_NOTE_PREFIX,
  PREVENTION_BODY_ACTORS,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
  STRATEGIC_LINE_EXTRAS,
} from "./from-notes.js";

/** The cited data does not fit the model (a code, date or reference the seed cannot map). */
export class SeedDataError extends Error {
  override name = "SeedDataError";
}

/** Every row the seed writes, by table. */
export interface SachsenAnhaltSeedRows {
  programmes: SachsenAnhaltProgramme[];
  jointDeclarations: SachsenAnhaltJointDeclaration[];
  strategicLines: SachsenAnhaltStrategicLine[];
  municipalities: SachsenAnhaltMunicipality[];
  partnerships: SachsenAnhaltLocalPartnership[];
  people: StPartnershipPerson[];
  fields: StPartnershipField[];
  preventionBodies: SachsenAnhaltPreventionBody[];
  events: SachsenAnhaltEvent[];
  indicators: SachsenAnhaltIndicator[];
  landespraeventionsrat: SachsenAnhaltLandespraeventionsrat[];
}

const PRECISIONS: Record<string, DatePrecision> = {
  day: DatePrecision.DAY,
  month: DatePrecision.MONTH,
  year: DatePrecision.YEAR,
  day_month: DatePrecision.DAY_MONTH,
  half_year: DatePrecision.HALF_YEAR,
  unknown: DatePrecision.UNKNOWN,
};

const QUALIFIERS: Record<string, IndicatorQualifier> = { "more than": IndicatorQualifier.MORE_THAN, about: IndicatorQualifier.ABOUT };

function oneOf<T extends string>(values: Record<string, T>, raw: string, what: string, recordId: string): T {
  if (!(Object.values(values) as string[]).includes(raw)) throw new SeedDataError(`${recordId}: unknown ${what} "${raw}"`);
  return raw as T;
}

function precisionOf(raw: string, recordId: string): DatePrecision {
  const precision = PRECISIONS[raw];
  if (!precision) throw new SeedDataError(`${recordId}: unknown date precision "${raw}"`);
  return precision;
}

/** A stored date: the ISO prefix the sources give, and its precision; never a day more. */
interface StoredDate {
  iso: string | null;
  precision: DatePrecision;
}

/** An ISO prefix (or null) whose precision is read from its length. */
function dateFromIso(iso: string | null, recordId: string): StoredDate {
  if (iso === null) return { iso: null, precision: DatePrecision.UNKNOWN };
  if (!isValidIsoPrefix(iso)) throw new SeedDataError(`${recordId}: invalid date "${iso}"`);
  return { iso, precision: precisionOfIso(iso) };
}

/** A date with a stated precision; a given date must agree with it. */
function dateWithPrecision(iso: string | null, rawPrecision: string, recordId: string): StoredDate {
  const precision = precisionOf(rawPrecision, recordId);
  if (iso === null) return { iso: null, precision };
  const stored = dateFromIso(iso, recordId);
  if (stored.precision !== precision) throw new SeedDataError(`${recordId}: date ${iso} does not have precision ${rawPrecision}`);
  return stored;
}

function sources(raw: readonly RawSource[], recordId: string): Source[] {
  if (raw.length === 0) throw new SeedDataError(`${recordId}: no source`);
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const source of raw) {
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    out.push(toSource(source));
  }
  return out;
}

function person(raw: RawPerson, recordId: string): Signatory {
  return {
    name: raw.name,
    role: raw.role,
    organisation: raw.organisation,
    party: raw.party,
    basis: oneOf(PersonBasis, raw.basis.toUpperCase(), "person basis", recordId),
  };
}

function ordinalBasis(raw: string | null): OrdinalBasis | null {
  if (raw === null) return null;
  if (/^stated\b/i.test(raw)) return OrdinalBasis.STATED;
  if (/^implied\b/i.test(raw)) return OrdinalBasis.IMPLIED;
  return null;
}

/** The signing date of a participation: from the record, or for the few incomplete ones from the note tables. */
function signedDate(
  id: string,
  date: string | null,
  rawPrecision: string,
): { iso: string | null; precision: DatePrecision; month: number | null; day: number | null } {
  const precision = precisionOf(rawPrecision, id);
  if (date !== null) return { ...dateWithPrecision(date, rawPrecision, id), month: null, day: null };
  switch (precision) {
    case DatePrecision.UNKNOWN:
      return { iso: null, precision, month: null, day: null };
    case DatePrecision.MONTH: {
      const fromNote = SIGNED_MONTH_FROM_NOTE[id];
      if (!fromNote) throw new SeedDataError(`${id}: month precision without a date needs an entry in SIGNED_MONTH_FROM_NOTE`);
      return { iso: `${fromNote.year}-${String(fromNote.month).padStart(2, "0")}`, precision, month: null, day: null };
    }
    case DatePrecision.DAY_MONTH: {
      const fromNote = SIGNED_DAY_MONTH_FROM_NOTE[id];
      if (!fromNote) throw new SeedDataError(`${id}: day_month precision needs an entry in SIGNED_DAY_MONTH_FROM_NOTE`);
      return { iso: null, precision, month: fromNote.month, day: fromNote.day };
    }
    default:
      throw new SeedDataError(`${id}: precision ${rawPrecision} without a date`);
  }
}

/** Joint declarations are keyed by the year they are dated (ST-JD-2004, ST-JD-2017). */
function declarationId(date: string | null, position: number): string {
  return date ? `ST-JD-${date.slice(0, 4)}` : `ST-JD-UNDATED-${position}`;
}

/** Prevention bodies carry no id in the data: the municipality's key plus the body's place in its list. */
export function preventionBodyId(municipalityId: string, index: number): string {
  return `ST-PB-${municipalityId.replace(/^ST-M-/, "")}-${index + 1}`;
}

/**
 * Maps Sachsen-Anhalt's cited records onto the subgraph's rows. Pure: no database; throws
 * SeedDataError where the data does not fit, so a bad dataset never half-seeds.
 */
export function buildSeedRows(dataset: Dataset): SachsenAnhaltSeedRows {
  const rows: SachsenAnhaltSeedRows = {
    programmes: [],
    jointDeclarations: [],
    strategicLines: [],
    municipalities: [],
    partnerships: [],
    people: [],
    fields: [],
    preventionBodies: [],
    events: [],
    indicators: [],
    landespraeventionsrat: [],
  };

  for (const raw of dataset.programmes) {
    const start = dateWithPrecision(raw.start_date, raw.start_date_precision, raw.id);
    rows.programmes.push({
      id: raw.id,
      name: raw.name,
      shortName: raw.short_name,
      kind: oneOf(ProgrammeKind, raw.kind, "programme kind", raw.id),
      kindDescription: raw.kind_description,
      responsibleMinistry: raw.responsible_ministry,
      coordinatingBody: raw.coordinating_body,
      coordinatingBodySources: sources(raw.coordinating_body_sources, `${raw.id} coordinating body`),
      startIso: start.iso,
      startPrecision: start.precision,
      startPeriod: raw.start_period,
      startNote: raw.start_note,
      fundingStatements: raw.funding_statements.map((f, i) => ({
        amountEur: f.amount_eur,
        qualifier: f.qualifier === null ? IndicatorQualifier.EXACT : (QUALIFIERS[f.qualifier] ?? oneOf(IndicatorQualifier, f.qualifier, "qualifier", raw.id)),
        period: f.period,
        statementIso: dateFromIso(f.statement_date, `${raw.id} funding ${i + 1}`).iso,
        description: f.description,
        sources: sources(f.sources, `${raw.id} funding ${i + 1}`),
      })),
      fundingNote: raw.funding_note ?? null,
      // The note is a statement about what the searched sources show: the programme's sources back it.
      fundingNoteSources: raw.funding_note ? sources(raw.funding_note_sources ?? raw.sources, `${raw.id} funding note`) : [],
      fieldsOfActionSources: sources(raw.fields_of_action_sources, `${raw.id} fields of action`),
      participationCountRecorded: raw.participation_count_recorded,
      notes: raw.notes,
      offers: raw.offers ?? [],
      offersSources: raw.offers_sources?.map(toSource) ?? [],
      sources: sources(raw.sources, raw.id),
    });

    raw.framework_documents.forEach((doc, position) => {
      const id = declarationId(doc.date, position);
      const date = dateFromIso(doc.date, id);
      rows.jointDeclarations.push({
        id,
        programmeId: raw.id,
        position: position + 1,
        title: doc.title,
        dateIso: date.iso,
        datePrecision: date.precision,
        dateNote: doc.date_note ?? null,
        parties: doc.parties,
        persons: (doc.persons ?? []).map((p) => person(p, id)),
        description: doc.description ?? null,
        // A Fortschreibung updates the declaration before it (the 2017 one says it "updates the 2004 declaration").
        supersedesId: /Fortschreibung/.test(doc.title) && position > 0 ? rows.jointDeclarations[rows.jointDeclarations.length - 1]!.id : null,
        sources: sources(doc.sources, id),
      });
    });

    raw.fields_of_action.forEach((wording, position) => {
      const id = `ST-SL-${position + 1}`;
      const extras = STRATEGIC_LINE_EXTRAS[wording] ?? {};
      const introducedBy = extras.introducedInYear
        ? rows.jointDeclarations.find((d) => d.programmeId === raw.id && d.dateIso?.startsWith(String(extras.introducedInYear)))
        : undefined;
      if (extras.introducedInYear && !introducedBy) throw new SeedDataError(`${id}: no joint declaration of ${extras.introducedInYear}`);
      rows.strategicLines.push({
        id,
        programmeId: raw.id,
        position: position + 1,
        wording,
        fieldsOfAction: [...new Set([...fieldsOfActionFromText([wording]), ...(extras.fields ?? [])])].sort() as FieldOfAction[],
        introducedById: introducedBy?.id ?? null,
        sources: sources(raw.fields_of_action_sources, id),
      });
    });
  }

  for (const raw of dataset.municipalities) {
    if (raw.ags !== null && !/^15\d{6}$/.test(raw.ags)) throw new SeedDataError(`${raw.id}: AGS ${raw.ags} is not an 8-digit Sachsen-Anhalt key`);
    if (raw.ags !== null && raw.ags_sources.length === 0) throw new SeedDataError(`${raw.id}: AGS without a source`);
    rows.municipalities.push({
      id: raw.id,
      name: raw.name,
      sortName: sortableName(raw.name),
      ags: raw.ags,
      landkreis: raw.landkreis,
      landkreisNote: raw.landkreis_note,
      type: raw.type,
      agsNote: raw.ags_note,
      agsSources: raw.ags_sources.map(toSource),
      sources: sources([...raw.ags_sources, ...raw.other_sources], raw.id),
    });
    raw.prevention_bodies.forEach((body, index) => {
      const id = preventionBodyId(raw.id, index);
      const date = dateFromIso(body.date, id);
      rows.preventionBodies.push({
        id,
        municipalityId: raw.id,
        name: body.name,
        kind: body.kind,
        status: oneOf(PreventionBodyStatus, body.status, "prevention body status", id),
        dateIso: date.iso,
        datePrecision: date.precision,
        note: body.note,
        actorTypes: [...(PREVENTION_BODY_ACTORS[id] ?? [])],
        sources: sources(body.sources, id),
      });
    });
  }

  for (const raw of dataset.participations) {
    const signed = signedDate(raw.id, raw.signed_date, raw.signed_date_precision);
    const effective = dateFromIso(raw.effective_date, raw.id);
    rows.partnerships.push({
      id: raw.id,
      programmeId: raw.programme_id,
      municipalityId: raw.municipality_id,
      instrument: oneOf(Instrument, raw.instrument, "instrument", raw.id),
      instrumentLabel: raw.instrument_label,
      agreementId: raw.agreement_id,
      groupName: raw.group?.name ?? null,
      groupKind: raw.group?.kind ?? null,
      signedIso: signed.iso,
      signedPrecision: signed.precision,
      signedNote: raw.signed_date_note,
      signedMonth: signed.month,
      signedDay: signed.day,
      effectiveIso: effective.iso,
      ordinal: raw.ordinal,
      ordinalBasis: ordinalBasis(raw.ordinal_basis),
      ordinalBasisText: raw.ordinal_basis,
      format: raw.format === null ? null : oneOf(SigningFormat, raw.format, "format", raw.id),
      place: raw.place,
      partners: raw.parties,
      policePartnerName: raw.parties.find((p) => policeUnitKindOf(p) !== null) ?? null,
      notes: raw.notes,
      // No source reports the end of a Sachsen-Anhalt partnership.
      status: ParticipationStatus.ACTIVE,
      endedOn: null,
      sources: sources(raw.sources, raw.id),
    });
    const listed = (list: RawPerson[], listing: PersonListing) =>
      list.map((p, position) => ({ partnershipId: raw.id, listing, position: position + 1, ...person(p, raw.id) }));
    rows.people.push(...listed(raw.signatories, PersonListing.SIGNATORY), ...listed(raw.present, PersonListing.PRESENT));
    rows.fields.push(...fieldsOfActionFromText(raw.notes).map((field) => ({ partnershipId: raw.id, field })));
  }

  for (const raw of dataset.events) {
    const halfYear = EVENT_HALF_YEAR[raw.id];
    const precision = precisionOf(raw.date_precision, raw.id);
    if (precision === DatePrecision.HALF_YEAR && raw.date === null && !halfYear) {
      throw new SeedDataError(`${raw.id}: half-year precision without a date needs an entry in EVENT_HALF_YEAR`);
    }
    const date = halfYear && raw.date === null ? { iso: String(halfYear.year), precision } : dateWithPrecision(raw.date, raw.date_precision, raw.id);
    rows.events.push({
      id: raw.id,
      programmeId: raw.programme_id,
      dateIso: date.iso,
      datePrecision: date.precision,
      dateNote: halfYear ? halfYear.from : null,
      datePeriod: halfYear ? `${halfYear.year}-H${halfYear.half}` : null,
      additionalDates: raw.additional_dates,
      title: raw.title,
      eventType: raw.event_type,
      format: raw.format === null ? null : oneOf(SigningFormat, raw.format, "format", raw.id),
      place: raw.place,
      status: oneOf(EventStatus, raw.status, "event status", raw.id),
      participantsSummary: raw.participants_summary,
      relatedIds: raw.related_records,
      sources: sources(raw.sources, raw.id),
    });
  }

  for (const raw of dataset.indicators) {
    const reference = dateWithPrecision(raw.reference_date, raw.reference_date_precision, raw.id);
    rows.indicators.push({
      id: raw.id,
      programmeId: raw.programme_id,
      indicator: raw.indicator,
      label: raw.label,
      value: raw.value,
      unit: raw.unit,
      qualifier: raw.qualifier === null ? IndicatorQualifier.EXACT : (QUALIFIERS[raw.qualifier] ?? oneOf(IndicatorQualifier, raw.qualifier, "qualifier", raw.id)),
      referenceIso: reference.iso,
      referencePrecision: reference.precision,
      note: raw.note,
      sources: sources(raw.sources, raw.id),
    });
  }

  const lprNote = dataset.programmes.flatMap((p) => p.notes).find((n) => n.startsWith(LPR_NOTE_PREFIX));
  const constitution = rows.events.find((e) => e.id === LANDESPRAEVENTIONSRAT.constitutionEventId);
  if (lprNote && constitution) {
    rows.landespraeventionsrat.push({
      id: LANDESPRAEVENTIONSRAT.id,
      name: LANDESPRAEVENTIONSRAT.name,
      constitutedIso: LANDESPRAEVENTIONSRAT.constitutedOn,
      cabinetDecisionIso: LANDESPRAEVENTIONSRAT.cabinetDecisionOn,
      chairedBy: LANDESPRAEVENTIONSRAT.chairedBy,
      role: LANDESPRAEVENTIONSRAT.role,
      note: lprNote,
      constitutionEventId: constitution.id,
      sources: constitution.sources,
    });
  }

  return rows;
}
