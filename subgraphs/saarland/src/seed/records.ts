import {
  AGS_PREFIX,
  DatePrecision,
  EventStatus,
  fieldsOfActionFromText,
  Instrument,
  ParticipationStatus,
  PersonBasis,
  precisionOfIso,
  PreventionBodyStatus,
  ProgrammeKind,
  SigningFormat,
  sortableName,
  StateCode,
  toSource,
  type Dataset,
  type RawParticipation,
  type RawPerson,
  type RawProgramme,
  type Signatory,
} from "@laenderhub/shared";
import type {
  SaarlandAgreedMeasure,
  SaarlandEvent,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandIndicator,
  SaarlandMunicipality,
  SaarlandPartnershipField,
  SaarlandPartnershipMeasureLink,
  SaarlandPartnershipPerson,
  SaarlandPreventionBody,
  SaarlandProgramme,
  SaarlandProgrammeFieldOfAction,
  SaarlandSecurityPartnership,
} from "../entities/index.js";
import { PersonListing } from "../entities/partnership-person.entity.js";
import { MeasureOrigin } from "../schema/measure.js";
import { isoAtPrecision, SeedDataError, toOrdinalBasis, toQualifier, toSources, toVocabulary } from "./codes.js";
import { SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE } from "./dates.js";
import { MEASURE_RULES } from "./measures.js";

/** The stored columns of an entity: everything except the fields resolved per request. */
export type Stored<T, Computed extends keyof T> = Omit<T, Computed>;

/** Every row the seed writes, table by table, in insertion order. */
export interface SaarlandSeedRows {
  programmes: Stored<SaarlandProgramme, "startedOn">[];
  documents: Stored<SaarlandFrameworkDocument, "date">[];
  funding: Stored<SaarlandFundingStatement, "statementDate">[];
  programmeFields: SaarlandProgrammeFieldOfAction[];
  measures: SaarlandAgreedMeasure[];
  municipalities: SaarlandMunicipality[];
  partnerships: Stored<SaarlandSecurityPartnership, "signedOn" | "effectiveOn" | "municipality" | "fieldsOfAction" | "signatories" | "present">[];
  people: SaarlandPartnershipPerson[];
  partnershipFields: SaarlandPartnershipField[];
  partnershipMeasures: SaarlandPartnershipMeasureLink[];
  preventionBodies: Stored<SaarlandPreventionBody, "date">[];
  events: Stored<SaarlandEvent, "date">[];
  indicators: Stored<SaarlandIndicator, "referenceDate">[];
}

const pad2 = (n: number) => String(n).padStart(2, "0");

function toSignatory(raw: RawPerson, what: string): Signatory {
  return {
    name: raw.name,
    role: raw.role,
    organisation: raw.organisation,
    party: raw.party,
    basis: toVocabulary(PersonBasis, raw.basis, `${what} basis`),
  };
}

/** Signing date as stored: ISO prefix, precision, and month/day for DAY_MONTH dates. */
export function signingDate(raw: RawParticipation): { iso: string | null; precision: DatePrecision; month: number | null; day: number | null } {
  const what = `${raw.id} signed_date`;
  const precision = toVocabulary(DatePrecision, raw.signed_date_precision, `${what} precision`);
  if (raw.signed_date !== null) return { iso: isoAtPrecision(raw.signed_date, precision, what), precision, month: null, day: null };
  if (precision === DatePrecision.MONTH) {
    const known = SIGNED_MONTH_FROM_NOTE[raw.id];
    if (!known) throw new SeedDataError(`${what}: month precision without a date; add the note's month to SIGNED_MONTH_FROM_NOTE`);
    return { iso: `${known.year}-${pad2(known.month)}`, precision, month: null, day: null };
  }
  if (precision === DatePrecision.DAY_MONTH) {
    const known = SIGNED_DAY_MONTH_FROM_NOTE[raw.id];
    if (!known) throw new SeedDataError(`${what}: day_month precision; add the note's day and month to SIGNED_DAY_MONTH_FROM_NOTE`);
    return { iso: null, precision, month: known.month, day: known.day };
  }
  if (precision !== DatePrecision.UNKNOWN) throw new SeedDataError(`${what}: precision ${precision} without a date`);
  return { iso: null, precision, month: null, day: null };
}

function programmeRows(raw: RawProgramme, municipalityIds: Set<string>) {
  const what = raw.id;
  const startDate = raw.start_date ?? raw.start_period;
  const startPrecision = toVocabulary(DatePrecision, raw.start_date_precision, `${what} start precision`);
  const programme: Stored<SaarlandProgramme, "startedOn"> = {
    id: raw.id,
    state: raw.state,
    name: raw.name,
    shortName: raw.short_name,
    kind: toVocabulary(ProgrammeKind, raw.kind, `${what} kind`),
    kindDescription: raw.kind_description,
    responsibleMinistry: raw.responsible_ministry,
    coordinatingBody: raw.coordinating_body,
    coordinatingBodySources: toSources(raw.coordinating_body_sources, `${what} coordinating body`),
    startIso: isoAtPrecision(startDate, startPrecision, `${what} start`),
    startPrecision,
    startNote: raw.start_note,
    participationCountRecorded: raw.participation_count_recorded,
    fundingNote: raw.funding_note ?? null,
    fundingNoteSources: raw.funding_note ? toSources(raw.funding_note_sources, `${what} funding note`) : [],
    notes: raw.notes,
    offers: raw.offers ?? [],
    offersSources: raw.offers?.length ? toSources(raw.offers_sources, `${what} offers`) : [],
    sources: toSources(raw.sources, what),
  };
  const documents = raw.framework_documents.map((d, i): Stored<SaarlandFrameworkDocument, "date"> => {
    const precision = d.date ? precisionOfIso(d.date) : DatePrecision.UNKNOWN;
    return {
      id: `${raw.id}-DOC-${i + 1}`,
      programmeId: raw.id,
      position: i + 1,
      title: d.title,
      dateIso: isoAtPrecision(d.date, precision, `${what} document ${i + 1}`),
      datePrecision: precision,
      dateNote: d.date_note ?? null,
      parties: d.parties,
      persons: (d.persons ?? []).map((p) => toSignatory(p, `${what} document ${i + 1}`)),
      description: d.description ?? null,
      sources: toSources(d.sources, `${what} document ${i + 1}`),
    };
  });
  const funding = raw.funding_statements.map((f, i): Stored<SaarlandFundingStatement, "statementDate"> => {
    const precision = f.statement_date ? precisionOfIso(f.statement_date) : DatePrecision.UNKNOWN;
    return {
      id: `${raw.id}-FUND-${i + 1}`,
      programmeId: raw.id,
      position: i + 1,
      amountEur: f.amount_eur,
      qualifier: toQualifier(f.qualifier, `${what} funding ${i + 1}`),
      period: f.period,
      statementIso: isoAtPrecision(f.statement_date, precision, `${what} funding ${i + 1}`),
      statementPrecision: precision,
      description: f.description,
      sources: toSources(f.sources, `${what} funding ${i + 1}`),
    };
  });
  const fieldSources = toSources(raw.fields_of_action_sources, `${what} fields of action`);
  const programmeFields = raw.fields_of_action.map((wording, i): SaarlandProgrammeFieldOfAction => ({
    id: `${raw.id}-FOA-${i + 1}`,
    programmeId: raw.id,
    position: i + 1,
    wording,
    fields: fieldsOfActionFromText([wording]),
    sources: fieldSources,
  }));
  const measures = MEASURE_RULES.map((rule, i): SaarlandAgreedMeasure => {
    const list = rule.origin === MeasureOrigin.FIELDS_OF_ACTION ? raw.fields_of_action : raw.notes;
    const hits = list.filter((entry) => rule.match.test(entry));
    if (hits.length !== 1) throw new SeedDataError(`${what}: measure ${rule.measure} matches ${hits.length} entries of ${rule.origin}`);
    for (const id of rule.municipalityIds ?? []) {
      if (!municipalityIds.has(id)) throw new SeedDataError(`${what}: measure ${rule.measure} names unknown municipality ${id}`);
    }
    return {
      programmeId: raw.id,
      measure: rule.measure,
      position: i + 1,
      wording: hits[0]!,
      origin: rule.origin,
      fields: fieldsOfActionFromText(hits),
      municipalityIds: rule.municipalityIds ?? null,
      sources: rule.origin === MeasureOrigin.FIELDS_OF_ACTION ? fieldSources : programme.sources,
    };
  });
  return { programme, documents, funding, programmeFields, measures };
}

/**
 * Maps the state's cited records onto the rows of the Saarland tables. Pure: no database. It
 * throws a SeedDataError wherever the data would have to be guessed (an unknown code, a
 * month only in words without an entry in SIGNED_MONTH_FROM_NOTE, an AGS that is not the
 * state's, a record without a source).
 */
export function buildSaarlandSeedRows(dataset: Dataset): SaarlandSeedRows {
  const rows: SaarlandSeedRows = {
    programmes: [],
    documents: [],
    funding: [],
    programmeFields: [],
    measures: [],
    municipalities: [],
    partnerships: [],
    people: [],
    partnershipFields: [],
    partnershipMeasures: [],
    preventionBodies: [],
    events: [],
    indicators: [],
  };

  for (const m of dataset.municipalities) {
    if (m.ags !== null && !(new RegExp(`^${AGS_PREFIX[StateCode.SL]}\\d{6}$`).test(m.ags))) {
      throw new SeedDataError(`${m.id}: AGS "${m.ags}" is not an 8-digit Saarland key`);
    }
    rows.municipalities.push({
      id: m.id,
      name: m.name,
      sortName: sortableName(m.name),
      ags: m.ags,
      district: m.landkreis,
      districtNote: m.landkreis_note,
      type: m.type,
      agsNote: m.ags_note,
      // An AGS is served only with the source it was read from.
      agsSources: m.ags === null ? m.ags_sources.map(toSource) : toSources(m.ags_sources, `${m.id} AGS`),
      sources: toSources([...m.ags_sources, ...m.other_sources], m.id),
    });
    m.prevention_bodies.forEach((b, i) => {
      const what = `${m.id} prevention body ${i + 1}`;
      const precision = b.date ? precisionOfIso(b.date) : DatePrecision.UNKNOWN;
      rows.preventionBodies.push({
        id: `SL-PB-${m.id.replace(/^SL-M-/, "")}-${i + 1}`,
        municipalityId: m.id,
        position: i + 1,
        name: b.name,
        kind: b.kind,
        status: toVocabulary(PreventionBodyStatus, b.status, `${what} status`),
        dateIso: isoAtPrecision(b.date, precision, what),
        datePrecision: precision,
        note: b.note,
        // The data names no actor types for these bodies; none are claimed.
        actorTypes: [],
        sources: toSources(b.sources, what),
      });
    });
  }
  const municipalityIds = new Set(rows.municipalities.map((m) => m.id));

  for (const raw of dataset.programmes) {
    const built = programmeRows(raw, municipalityIds);
    rows.programmes.push(built.programme);
    rows.documents.push(...built.documents);
    rows.funding.push(...built.funding);
    rows.programmeFields.push(...built.programmeFields);
    rows.measures.push(...built.measures);
  }

  for (const raw of dataset.participations) {
    const what = raw.id;
    if (!municipalityIds.has(raw.municipality_id)) throw new SeedDataError(`${what}: municipality ${raw.municipality_id} is not in the register`);
    const signed = signingDate(raw);
    rows.partnerships.push({
      id: raw.id,
      state: raw.state,
      programmeId: raw.programme_id,
      municipalityId: raw.municipality_id,
      instrument: toVocabulary(Instrument, raw.instrument, `${what} instrument`),
      instrumentLabel: raw.instrument_label,
      agreementId: raw.agreement_id,
      groupName: raw.group?.name ?? null,
      groupKind: raw.group?.kind ?? null,
      signedIso: signed.iso,
      signedPrecision: signed.precision,
      signedNote: raw.signed_date_note,
      signedMonth: signed.month,
      signedDay: signed.day,
      effectiveIso: isoAtPrecision(raw.effective_date, DatePrecision.DAY, `${what} effective_date`),
      ordinal: raw.ordinal,
      ordinalBasis: raw.ordinal_basis === null ? null : toOrdinalBasis(raw.ordinal_basis, what),
      ordinalBasisText: raw.ordinal_basis,
      format: raw.format === null ? null : toVocabulary(SigningFormat, raw.format, `${what} format`),
      place: raw.place,
      partners: raw.parties,
      notes: raw.notes,
      // No source reports the end of a Saarland partnership.
      status: ParticipationStatus.ACTIVE,
      endedOn: null,
      sources: toSources(raw.sources, what),
    });
    const people = [
      ...raw.signatories.map((p) => ({ p, listing: PersonListing.SIGNATORY })),
      ...raw.present.map((p) => ({ p, listing: PersonListing.PRESENT })),
    ];
    people.forEach(({ p, listing }, i) => {
      rows.people.push({ partnershipId: raw.id, position: i + 1, listing, ...toSignatory(p, `${what} person ${i + 1}`) });
    });
    for (const field of fieldsOfActionFromText(raw.notes)) rows.partnershipFields.push({ partnershipId: raw.id, field });
    for (const m of rows.measures.filter((x) => x.programmeId === raw.programme_id)) {
      if (m.municipalityIds === null || m.municipalityIds.includes(raw.municipality_id)) {
        rows.partnershipMeasures.push({ partnershipId: raw.id, measure: m.measure, programmeId: m.programmeId });
      }
    }
  }

  for (const e of dataset.events) {
    const what = e.id;
    const precision = toVocabulary(DatePrecision, e.date_precision, `${what} date precision`);
    rows.events.push({
      id: e.id,
      state: e.state,
      programmeId: e.programme_id,
      dateIso: isoAtPrecision(e.date, precision, what),
      datePrecision: precision,
      additionalDates: e.additional_dates,
      title: e.title,
      eventType: e.event_type,
      format: e.format === null ? null : toVocabulary(SigningFormat, e.format, `${what} format`),
      place: e.place,
      status: toVocabulary(EventStatus, e.status, `${what} status`),
      participantsSummary: e.participants_summary,
      relatedIds: e.related_records,
      sources: toSources(e.sources, what),
    });
  }

  for (const i of dataset.indicators) {
    const precision = toVocabulary(DatePrecision, i.reference_date_precision, `${i.id} reference precision`);
    rows.indicators.push({
      id: i.id,
      state: i.state,
      programmeId: i.programme_id,
      indicator: i.indicator,
      label: i.label,
      value: i.value,
      unit: i.unit,
      qualifier: toQualifier(i.qualifier, `${i.id} qualifier`),
      referenceIso: isoAtPrecision(i.reference_date, precision, i.id),
      referencePrecision: precision,
      note: i.note,
      sources: toSources(i.sources, i.id),
    });
  }
  return rows;
}
