import {
  ParticipationStatus,
  StateCode,
  fieldsOfActionFromText,
  loadStateDataset,
  precisionOfIso,
  sortableName,
  toSource,
  type Dataset,
  type Logger,
  type RawPerson,
  type RawSource,
  type Signatory,
} from "@laenderhub/shared";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import {
  EventEntity,
  FrameworkDocumentEntity,
  FundingStatementEntity,
  IndicatorEntity,
  MembershipEntity,
  MembershipFieldEntity,
  MembershipPersonEntity,
  MunicipalityEntity,
  PersonListing,
  PreventionBodyEntity,
  ProgrammeEntity,
} from "../entities/index.js";
import { AsskommStage } from "../schema/stage.js";
import {
  mapEventStatus,
  mapFormat,
  mapFundingQualifier,
  mapOrdinalBasis,
  mapPersonBasis,
  mapPrecision,
  mapPreventionBodyStatus,
  mapProgrammeKind,
  mapQualifier,
  mapStage,
} from "./codes.js";
import { polizeidirektionOf } from "../write/derive.js";
import { SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE } from "./date-tables.js";

type Row<T> = Omit<T, "programme" | "municipality" | "membership" | "preAgreement">;

/** Every row the seed writes, table by table. */
export interface SachsenSeedRows {
  programmes: Row<ProgrammeEntity>[];
  frameworkDocuments: Row<FrameworkDocumentEntity>[];
  fundingStatements: Row<FundingStatementEntity>[];
  municipalities: Row<MunicipalityEntity>[];
  memberships: Row<MembershipEntity>[];
  people: Omit<Row<MembershipPersonEntity>, "id">[];
  fields: Row<MembershipFieldEntity>[];
  events: Row<EventEntity>[];
  indicators: Row<IndicatorEntity>[];
  preventionBodies: Row<PreventionBodyEntity>[];
}

const sources = (raw: readonly RawSource[]) => raw.map(toSource);

const person = (raw: RawPerson, recordId: string): Signatory => ({
  name: raw.name,
  role: raw.role,
  organisation: raw.organisation,
  party: raw.party,
  basis: mapPersonBasis(raw.basis, recordId),
});

const pad2 = (n: number) => String(n).padStart(2, "0");

/** The signing date as stored: ISO prefix, precision, and month/day for DAY_MONTH dates. */
function signingDate(p: Dataset["participations"][number]) {
  const precision = mapPrecision(p.signed_date_precision, p.id);
  const base = { signedPrecision: precision, signedNote: p.signed_date_note, signedMonth: null as number | null, signedDay: null as number | null };
  if (p.signed_date) return { ...base, signedOn: p.signed_date.slice(0, precision === "MONTH" ? 7 : precision === "YEAR" ? 4 : 10) };
  if (precision === "MONTH") {
    const known = SIGNED_MONTH_FROM_NOTE[p.id];
    if (!known) throw new Error(`seed: ${p.id} has a month precision but no entry in SIGNED_MONTH_FROM_NOTE`);
    return { ...base, signedOn: `${known.year}-${pad2(known.month)}` };
  }
  if (precision === "DAY_MONTH") {
    const known = SIGNED_DAY_MONTH_FROM_NOTE[p.id];
    if (!known) throw new Error(`seed: ${p.id} has a day_month precision but no entry in SIGNED_DAY_MONTH_FROM_NOTE`);
    return { ...base, signedOn: null, signedMonth: known.month, signedDay: known.day };
  }
  return { ...base, signedOn: null };
}

/**
 * Maps this state's cited records onto table rows. Pure: no database, so tests can check the
 * mapping against the data directly.
 */
export function buildSachsenSeed(dataset: Dataset = loadStateDataset(StateCode.SN)): SachsenSeedRows {
  const programmes = dataset.programmes.map((p) => ({
    id: p.id,
    state: p.state,
    name: p.name,
    shortName: p.short_name,
    kind: mapProgrammeKind(p.kind, p.id),
    kindDescription: p.kind_description,
    responsibleMinistry: p.responsible_ministry,
    coordinatingBody: p.coordinating_body,
    coordinatingBodySources: sources(p.coordinating_body_sources),
    startOn: p.start_date,
    startPrecision: mapPrecision(p.start_date_precision, p.id),
    startPeriod: p.start_period,
    startNote: p.start_note,
    fieldsOfAction: p.fields_of_action,
    fieldsOfActionSources: sources(p.fields_of_action_sources),
    offers: p.offers ?? [],
    offersSources: sources(p.offers_sources ?? []),
    notes: p.notes,
    participationCountRecorded: p.participation_count_recorded,
    sources: sources(p.sources),
  }));

  const frameworkDocuments = dataset.programmes.flatMap((p) =>
    p.framework_documents.map((d, i) => {
      const id = `SN-FD-${i + 1}`;
      return {
        id,
        programmeId: p.id,
        position: i + 1,
        title: d.title,
        dateOn: d.date,
        datePrecision: d.date ? precisionOfIso(d.date) : "UNKNOWN",
        dateNote: d.date_note ?? null,
        parties: d.parties,
        persons: (d.persons ?? []).map((x) => person(x, id)),
        description: d.description ?? null,
        sources: sources(d.sources),
      };
    }),
  );

  const fundingStatements = dataset.programmes.flatMap((p) =>
    p.funding_statements.map((f, i) => {
      const id = `SN-FS-${i + 1}`;
      return {
        id,
        programmeId: p.id,
        position: i + 1,
        amountEur: f.amount_eur,
        qualifier: mapFundingQualifier(f.qualifier, id),
        qualifierText: f.qualifier,
        period: f.period,
        statementOn: f.statement_date,
        statementPrecision: f.statement_date ? precisionOfIso(f.statement_date) : "UNKNOWN",
        description: f.description,
        sources: sources(f.sources),
      };
    }),
  );

  const municipalities = dataset.municipalities.map((m) => ({
    id: m.id,
    name: m.name,
    sortName: sortableName(m.name),
    ags: m.ags,
    landkreis: m.landkreis,
    landkreisNote: m.landkreis_note,
    type: m.type,
    agsNote: m.ags_note,
    agsSources: sources(m.ags_sources),
    otherSources: sources(m.other_sources),
  }));

  const memberships = dataset.participations.map((p) => {
    const stage = mapStage(p.instrument, p.id);
    return {
      id: p.id,
      programmeId: p.programme_id,
      municipalityId: p.municipality_id,
      stage,
      instrumentLabel: p.instrument_label,
      agreementId: p.agreement_id,
      groupName: p.group?.name ?? null,
      groupKind: p.group?.kind ?? null,
      ...signingDate(p),
      effectiveOn: p.effective_date,
      ordinal: p.ordinal,
      ordinalBasis: p.ordinal !== null && p.ordinal_basis ? mapOrdinalBasis(p.ordinal_basis, p.id) : null,
      ordinalBasisText: p.ordinal_basis,
      format: mapFormat(p.format, p.id),
      place: p.place,
      parties: p.parties,
      // "Polizei Sachsen" names no Polizeidirektion: it stays null, the party text is kept in parties.
      polizeidirektion: polizeidirektionOf(p.parties),
      notes: p.notes,
      // No source reports the end of a membership.
      status: ParticipationStatus.ACTIVE,
      endedOn: null,
      preAgreementId: null as string | null,
      sources: sources(p.sources),
    };
  });
  // A Kooperationsvereinbarung follows the same municipality's earlier Vorvereinbarung.
  for (const m of memberships) {
    if (m.stage !== AsskommStage.COOPERATION_AGREEMENT) continue;
    const pre = memberships.find(
      (x) => x.stage === AsskommStage.PRE_AGREEMENT && x.municipalityId === m.municipalityId && (!x.signedOn || !m.signedOn || x.signedOn < m.signedOn),
    );
    if (pre) m.preAgreementId = pre.id;
  }

  const people = dataset.participations.flatMap((p) => [
    ...p.signatories.map((x, i) => ({ membershipId: p.id, listedAs: PersonListing.SIGNATORY, position: i + 1, ...person(x, p.id) })),
    ...p.present.map((x, i) => ({ membershipId: p.id, listedAs: PersonListing.PRESENT, position: i + 1, ...person(x, p.id) })),
  ]);

  const fields = dataset.participations.flatMap((p) => fieldsOfActionFromText(p.notes).map((field) => ({ membershipId: p.id, field })));

  const events = dataset.events.map((e) => ({
    id: e.id,
    programmeId: e.programme_id,
    dateOn: e.date,
    datePrecision: mapPrecision(e.date_precision, e.id),
    additionalDates: e.additional_dates,
    title: e.title,
    eventType: e.event_type,
    format: mapFormat(e.format, e.id),
    place: e.place,
    status: mapEventStatus(e.status, e.id),
    participantsSummary: e.participants_summary,
    relatedIds: e.related_records,
    sources: sources(e.sources),
  }));

  const indicators = dataset.indicators.map((i) => ({
    id: i.id,
    programmeId: i.programme_id,
    indicator: i.indicator,
    label: i.label,
    value: i.value,
    unit: i.unit,
    qualifier: mapQualifier(i.qualifier, i.id),
    referenceOn: i.reference_date,
    referencePrecision: mapPrecision(i.reference_date_precision, i.id),
    note: i.note,
    sources: sources(i.sources),
  }));

  const preventionBodies = dataset.municipalities.flatMap((m) =>
    m.prevention_bodies.map((b, i) => {
      // The data gives bodies no id; one derived from the holder and position stays stable.
      const id = `SN-PB-${m.id.replace(/^SN-M-/, "")}-${i + 1}`;
      return {
        id,
        municipalityId: m.id,
        name: b.name,
        kind: b.kind,
        status: mapPreventionBodyStatus(b.status, id),
        dateOn: b.date,
        datePrecision: b.date ? precisionOfIso(b.date) : "UNKNOWN",
        note: b.note,
        // No source names the composition of a Saxon prevention body.
        actorTypes: [],
        sources: sources(b.sources),
      };
    }),
  );

  return { programmes, frameworkDocuments, fundingStatements, municipalities, memberships, people, fields, events, indicators, preventionBodies };
}

async function insertAll<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, rows: readonly object[]): Promise<void> {
  // Chunks keep every statement well below the databases' bound-parameter limits.
  for (let i = 0; i < rows.length; i += 50) await em.insert(entity, rows.slice(i, i + 50) as never);
}

/** What a seed run did. */
export interface SeedResult {
  seeded: boolean;
  counts: Record<string, number>;
}

/**
 * Loads Sachsen's cited records into an EMPTY database, all in one transaction. A database
 * that already holds any programme, municipality or membership is left alone, so edits
 * survive restarts.
 */
export async function seedSachsen(dataSource: DataSource, logger?: Logger): Promise<SeedResult> {
  const rows = buildSachsenSeed();
  return dataSource.transaction(async (em) => {
    for (const entity of [ProgrammeEntity, MunicipalityEntity, MembershipEntity]) {
      if ((await em.count(entity as EntityTarget<ObjectLiteral>)) > 0) {
        logger?.info("database already holds data; seed skipped");
        return { seeded: false, counts: {} };
      }
    }
    await insertAll(em, ProgrammeEntity, rows.programmes);
    await insertAll(em, FrameworkDocumentEntity, rows.frameworkDocuments);
    await insertAll(em, FundingStatementEntity, rows.fundingStatements);
    await insertAll(em, MunicipalityEntity, rows.municipalities);
    // Pre-agreements first: a cooperation agreement references its pre-agreement.
    await insertAll(em, MembershipEntity, rows.memberships.filter((m) => !m.preAgreementId));
    await insertAll(em, MembershipEntity, rows.memberships.filter((m) => m.preAgreementId));
    await insertAll(em, MembershipPersonEntity, rows.people);
    await insertAll(em, MembershipFieldEntity, rows.fields);
    await insertAll(em, EventEntity, rows.events);
    await insertAll(em, IndicatorEntity, rows.indicators);
    await insertAll(em, PreventionBodyEntity, rows.preventionBodies);
    const counts = Object.fromEntries(Object.entries(rows).map(([table, list]) => [table, (list as unknown[]).length]));
    logger?.info({ counts }, "seeded the cited Sachsen records");
    return { seeded: true, counts };
  });
}
