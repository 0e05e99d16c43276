import {
  ActorType,
  DatePrecision,
  EventStatus,
  FieldOfAction,
  IndicatorQualifier,
  OrdinalBasis,
  ParticipationStatus,
  PersonBasis,
  ProgrammeKind,
  SigningFormat,
  StateCode,
  fieldsOfActionFromText,
  precisionOfIso,
  toFuzzyDate,
  type Signatory,
  type Source,
} from "@laenderhub/shared";
import type {
  EventEntity,
  FrameworkDocumentEntity,
  FundingStatementEntity,
  IndicatorEntity,
  MembershipEntity,
  MembershipPersonEntity,
  MunicipalityEntity,
  PreventionBodyEntity,
  ProgrammeEntity,
} from "../entities/index.js";
import type { AsskommEvent } from "./event.type.js";
import type { SachsenGemeinde } from "./gemeinde.type.js";
import type { AsskommIndicator, AsskommIndicatorSeries } from "./indicator.type.js";
import type { AsskommJointAgreement, AsskommMembership } from "./membership.type.js";
import type { KommunalerPraeventionsrat } from "./prevention-council.type.js";
import type { AsskommFrameworkDocument, AsskommFundingStatement, AsskommProgramme } from "./programme.type.js";
import { AsskommStage, STAGE_INSTRUMENT } from "./stage.js";

/*
 * Entity rows → served GraphQL shapes. Loader-backed fields (people, fields of action, the
 * register entry, joint agreement, linked agreements) are left to the field resolvers.
 */

/** Merges source lists, keeping the first occurrence of each URL. */
export function mergeSources(lists: readonly (readonly Source[])[]): Source[] {
  const seen = new Set<string>();
  const merged: Source[] = [];
  for (const list of lists)
    for (const source of list)
      if (!seen.has(source.url)) {
        seen.add(source.url);
        merged.push(source);
      }
  return merged;
}

const dateOrUnknown = (iso: string | null, precision: string, note: string | null = null) =>
  toFuzzyDate(iso, (precision as DatePrecision) ?? DatePrecision.UNKNOWN, note);

/** The membership without its loader-backed fields. */
export function toMembership(e: MembershipEntity): Omit<AsskommMembership, "fieldsOfAction" | "signatories" | "present"> {
  const stage = e.stage as AsskommStage;
  return {
    id: e.id,
    state: StateCode.SN,
    programmeId: e.programmeId,
    municipality: { id: e.municipalityId },
    instrument: STAGE_INSTRUMENT[stage],
    instrumentLabel: e.instrumentLabel,
    agreementId: e.agreementId,
    signedOn: toFuzzyDate(
      e.signedOn,
      e.signedPrecision as DatePrecision,
      e.signedNote,
      e.signedMonth != null && e.signedDay != null ? { month: e.signedMonth, day: e.signedDay } : null,
    ),
    status: e.status as ParticipationStatus,
    endedOn: e.endedOn,
    partners: e.parties,
    sources: e.sources,
    stage,
    effectiveOn: e.effectiveOn ? toFuzzyDate(e.effectiveOn, precisionOfIso(e.effectiveOn)) : null,
    ordinal: e.ordinal ?? null,
    ordinalBasis: e.ordinal != null ? ((e.ordinalBasis as OrdinalBasis | null) ?? null) : null,
    ordinalBasisText: e.ordinal != null ? (e.ordinalBasisText ?? e.ordinalBasis ?? null) : null,
    polizeidirektion: e.polizeidirektion,
    policeParty: e.parties.find((p) => /^Polizei/.test(p)) ?? null,
    format: e.format as SigningFormat | null,
    place: e.place,
    notes: e.notes.map((text) => ({ text, sources: e.sources })),
    municipalityId: e.municipalityId,
    groupName: e.groupName,
    preAgreementId: e.preAgreementId,
  };
}

/** The served membership type as resolvers return it (loader-backed fields resolved later). */
export type MembershipRoot = ReturnType<typeof toMembership>;

/** People of a membership, split into signatories and those present without signing. */
export function toPeople(rows: readonly MembershipPersonEntity[], listing: "SIGNATORY" | "PRESENT"): Signatory[] {
  return rows
    .filter((r) => r.listedAs === listing)
    .sort((a, b) => a.position - b.position)
    .map((r) => ({ name: r.name, role: r.role, organisation: r.organisation, party: r.party, basis: r.basis as PersonBasis }));
}

/** Groups the members of one joint agreement (all rows share its agreement id). */
export function toJointAgreement(members: readonly MembershipEntity[]): AsskommJointAgreement {
  const first = members[0]!;
  const memberships = members.map(toMembership);
  return {
    id: first.agreementId,
    name: first.groupName ?? first.agreementId,
    kind: first.groupKind,
    signedOn: memberships[0]!.signedOn,
    place: first.place,
    partners: first.parties,
    polizeidirektion: first.polizeidirektion,
    memberships: memberships as AsskommMembership[],
    sources: mergeSources(members.map((m) => m.sources)),
  };
}

/** A register entry; its sources are the AGS sources followed by the others, as in cmp_municipality. */
export function toGemeinde(e: MunicipalityEntity): SachsenGemeinde {
  return {
    id: e.id,
    name: e.name,
    ags: e.ags,
    district: e.landkreis,
    districtNote: e.landkreisNote,
    type: e.type,
    agsNote: e.agsNote,
    agsSources: e.agsSources,
    // Same order as cmp_municipality: the sources confirming the AGS first.
    sources: [...e.agsSources, ...e.otherSources],
  };
}

/** The programme, each field of action in its own wording with the shared values derived from it. */
export function toProgramme(e: ProgrammeEntity): AsskommProgramme {
  const fieldsOfAction = e.fieldsOfAction.map((wording) => ({
    wording,
    fieldsOfAction: fieldsOfActionFromText([wording]),
    sources: e.fieldsOfActionSources,
  }));
  return {
    id: e.id,
    state: e.state as StateCode,
    name: e.name,
    shortName: e.shortName,
    kind: e.kind as ProgrammeKind,
    kindDescription: e.kindDescription,
    responsibleMinistry: e.responsibleMinistry,
    coordinatingBody: e.coordinatingBody,
    coordinatingBodySources: e.coordinatingBodySources,
    startOn: dateOrUnknown(e.startOn, e.startPrecision, e.startNote),
    startPeriod: e.startPeriod,
    fieldsOfAction,
    sharedFieldsOfAction: [...new Set<FieldOfAction>(fieldsOfAction.flatMap((f) => f.fieldsOfAction))].sort(),
    offers: e.offers.map((description) => ({ description, sources: e.offersSources })),
    notes: e.notes.map((text) => ({ text, sources: e.sources })),
    participationCountRecorded: e.participationCountRecorded,
    sources: e.sources,
  };
}

/** A framework document; an undated one is served with precision UNKNOWN. */
export function toFrameworkDocument(e: FrameworkDocumentEntity): AsskommFrameworkDocument {
  return {
    id: e.id,
    title: e.title,
    datedOn: dateOrUnknown(e.dateOn, e.datePrecision, e.dateNote),
    parties: e.parties,
    persons: e.persons,
    description: e.description,
    sources: e.sources,
  };
}

/** A funding statement with the date it was made. */
export function toFundingStatement(e: FundingStatementEntity): AsskommFundingStatement {
  return {
    id: e.id,
    amountEur: Number(e.amountEur),
    qualifier: e.qualifier as IndicatorQualifier,
    qualifierText: e.qualifierText,
    period: e.period,
    statementOn: dateOrUnknown(e.statementOn, e.statementPrecision),
    description: e.description,
    sources: e.sources,
  };
}

/** An event with its main and further dates. */
export function toEvent(e: EventEntity): AsskommEvent {
  return {
    id: e.id,
    programmeId: e.programmeId,
    occursOn: dateOrUnknown(e.dateOn, e.datePrecision),
    alsoOccursOn: e.additionalDates.map((iso) => toFuzzyDate(iso, precisionOfIso(iso))),
    title: e.title,
    eventType: e.eventType,
    format: e.format as SigningFormat | null,
    place: e.place,
    status: e.status as EventStatus,
    participantsSummary: e.participantsSummary,
    relatedIds: e.relatedIds,
    sources: e.sources,
  };
}

/** One indicator figure with the date it refers to. */
export function toIndicator(e: IndicatorEntity): AsskommIndicator {
  return {
    id: e.id,
    programmeId: e.programmeId,
    indicator: e.indicator,
    label: e.label,
    value: Number(e.value),
    unit: e.unit,
    qualifier: e.qualifier as IndicatorQualifier,
    referenceOn: dateOrUnknown(e.referenceOn, e.referencePrecision),
    note: e.note,
    sources: e.sources,
  };
}

/**
 * Groups figures into one series per indicator code, each oldest first with undated figures
 * last; ISO prefixes compare correctly as text.
 */
export function toIndicatorSeries(rows: readonly IndicatorEntity[]): AsskommIndicatorSeries[] {
  const byCode = new Map<string, IndicatorEntity[]>();
  for (const row of rows) byCode.set(row.indicator, [...(byCode.get(row.indicator) ?? []), row]);
  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([indicator, figures]) => {
      const ordered = [...figures].sort((a, b) => {
        if (a.referenceOn === b.referenceOn) return a.id < b.id ? -1 : 1;
        if (a.referenceOn === null) return 1;
        if (b.referenceOn === null) return -1;
        return a.referenceOn < b.referenceOn ? -1 : a.referenceOn > b.referenceOn ? 1 : a.id < b.id ? -1 : 1;
      });
      const served = ordered.map(toIndicator);
      const dated = served.filter((f) => f.referenceOn.iso !== null);
      return { indicator, figures: served, latest: dated.at(-1) ?? null, sources: mergeSources(served.map((f) => f.sources)) };
    });
}

/** A prevention body; `municipality` is the gazetteer reference, `gemeinde` is resolved from the register. */
export function toPreventionCouncil(e: PreventionBodyEntity): KommunalerPraeventionsrat {
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    status: e.status as KommunalerPraeventionsrat["status"],
    statusOn: dateOrUnknown(e.dateOn, e.datePrecision),
    note: e.note,
    actorTypes: e.actorTypes as ActorType[],
    municipality: { id: e.municipalityId },
    sources: e.sources,
    municipalityId: e.municipalityId,
  };
}
