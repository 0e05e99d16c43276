import {
  EventStatus,
  IndicatorQualifier,
  OrdinalBasis,
  ParticipationStatus,
  PersonBasis,
  ProgrammeKind,
  SigningFormat,
  StateCode,
  fieldError,
  validateAgs,
  validateDateOrder,
  validateEnum,
  validateIsoDate,
  validateSources,
  validateText,
  type FieldError,
  type Signatory,
  type SourceLike,
} from "@laenderhub/shared";
import { AsskommStage } from "../schema/stage.js";
import type { EventRecord, GemeindeRecord, IndicatorRecord, MembershipRecord, ProgrammeRecord } from "./records.js";

/*
 * The domain checks of Sachsen's records. Pure: no database, so the mutations (before their
 * transaction) and the bulk import (for every row, before anything is written) run exactly
 * the same checks. Field names are the input paths: `input.signedOn` in a mutation,
 * `signedOn` in an import file (prefix "").
 */

type Maybe<T> = T | null | undefined;

/** "Today" for the not-in-the-future checks; tests may fix it. */
export interface CheckOptions {
  now?: Date;
}

const at = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);
const compact = (errors: ReadonlyArray<FieldError | null | readonly FieldError[]>): FieldError[] =>
  errors.flatMap((e) => (e === null ? [] : Array.isArray(e) ? e : [e as FieldError]));
const nowOf = (options: CheckOptions) => (options.now ? { now: options.now } : {});

/** The id shapes of Sachsen's records: the state prefix, the record kind, then a key. */
export const ID_PATTERNS = {
  membership: { prefix: "SN-P-", pattern: /^SN-P-[A-Za-z0-9][A-Za-z0-9-]{0,40}$/ },
  event: { prefix: "SN-E-", pattern: /^SN-E-[A-Za-z0-9][A-Za-z0-9-]{0,40}$/ },
  indicator: { prefix: "SN-I-", pattern: /^SN-I-[A-Za-z0-9][A-Za-z0-9-]{0,40}$/ },
  programme: { prefix: "SN-PRG-", pattern: /^SN-PRG-[A-Z0-9][A-Z0-9-]{0,40}$/ },
} as const;

/** Checks a caller-given id: the state and kind prefix, then letters, digits and dashes. */
export function checkRecordId(id: Maybe<string>, kind: keyof typeof ID_PATTERNS, field: string): FieldError | null {
  const { prefix, pattern } = ID_PATTERNS[kind];
  if (id === null || id === undefined || id === "") return fieldError(field, "an id is required");
  return pattern.test(id) ? null : fieldError(field, `${JSON.stringify(id)} is not a ${kind} id of Sachsen: ids look like ${prefix}031 (${prefix} then letters, digits or dashes)`);
}

const MUNICIPALITY_ID = /^SN-M-[A-Z0-9][A-Z0-9-]{0,60}$/;
const AGREEMENT_ID = /^SN-[A-Za-z0-9][A-Za-z0-9-]{0,80}$/;

function checkTextList(list: readonly string[], field: string, maxLength = 500): FieldError[] {
  return compact(list.map((text, i) => validateText(text, `${field}[${i}]`, { maxLength })));
}

/**
 * Checks people tied to an agreement. People present without signing must say so (basis
 * PRESENT) and signatories must not: the contract never counts a PRESENT person as signing.
 */
export function checkPeople(people: readonly Signatory[], field: string, listing: "SIGNATORY" | "PRESENT"): FieldError[] {
  return compact(
    people.flatMap((p, i) => {
      const base = `${field}[${i}]`;
      const basis = validateEnum(p.basis, PersonBasis, `${base}.basis`);
      return [
        validateText(p.name, `${base}.name`, { maxLength: 200 }),
        validateText(p.role, `${base}.role`, { required: false, maxLength: 300 }),
        validateText(p.organisation, `${base}.organisation`, { required: false, maxLength: 300 }),
        validateText(p.party, `${base}.party`, { required: false, maxLength: 100 }),
        basis ??
          (listing === "PRESENT" && p.basis !== PersonBasis.PRESENT
            ? fieldError(`${base}.basis`, "people listed as present have the basis PRESENT; list signatories under signatories")
            : listing === "SIGNATORY" && p.basis === PersonBasis.PRESENT
              ? fieldError(`${base}.basis`, "a person who was only present is not a signatory; list them under present")
              : null),
      ];
    }),
  );
}

/** Checks the sources of a record (at least one; http(s) URLs; real, past publication dates). */
export function checkSources(sources: Maybe<readonly SourceLike[]>, field: string, options: CheckOptions & { required?: boolean } = {}): FieldError[] {
  return validateSources(sources, field, { ...nowOf(options), ...(options.required === false ? { required: false } : {}) });
}

/**
 * Checks a whole membership: shapes of ids, enums, dates real and with the right precision
 * (signing never in the future), the end date against status and signing, people, sources.
 */
export function checkMembership(r: MembershipRecord, prefix = "", options: CheckOptions = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null | FieldError[]> = [
    validateText(r.programmeId, f("programmeId")),
    MUNICIPALITY_ID.test(r.municipalityId ?? "") ? null : fieldError(f("municipalityId"), `${JSON.stringify(r.municipalityId)} is not a municipality id of Sachsen (SN-M-<AGS>)`),
    validateEnum(r.stage, AsskommStage, f("stage")),
    validateText(r.instrumentLabel, f("instrumentLabel"), { required: false, maxLength: 200 }),
    AGREEMENT_ID.test(r.agreementId ?? "") ? null : fieldError(f("agreementId"), `${JSON.stringify(r.agreementId)} is not an agreement id of Sachsen (SN-…)`),
    validateText(r.groupName, f("groupName"), { required: false, maxLength: 200 }),
    validateText(r.groupKind, f("groupKind"), { required: false, maxLength: 200 }),
    r.groupKind !== null && r.groupName === null ? fieldError(f("groupKind"), "a group kind needs the group's name (groupName)") : null,
    validateIsoDate(r.signedOn, f("signedOn"), { notInFuture: true, ...nowOf(options) }),
    ...checkMonthDay(r, prefix),
    validateText(r.signedNote, f("signedNote"), { required: false, maxLength: 1000 }),
    validateIsoDate(r.effectiveOn, f("effectiveOn")),
    r.ordinal !== null && (!Number.isInteger(r.ordinal) || r.ordinal < 1) ? fieldError(f("ordinal"), "an ordinal is a whole number from 1") : null,
    validateEnum(r.ordinalBasis, OrdinalBasis, f("ordinalBasis"), { required: false }),
    r.ordinal !== null && r.ordinalBasis === null ? fieldError(f("ordinalBasis"), "say whether a source states the ordinal or it is implied (STATED or IMPLIED)") : null,
    r.ordinal === null && (r.ordinalBasis !== null || r.ordinalBasisText !== null) ? fieldError(f("ordinal"), "an ordinal basis needs the ordinal") : null,
    validateText(r.ordinalBasisText, f("ordinalBasisText"), { required: false, maxLength: 300 }),
    validateEnum(r.format, SigningFormat, f("format"), { required: false }),
    validateText(r.place, f("place"), { required: false, maxLength: 200 }),
    checkTextList(r.partners, f("partners"), 300),
    checkTextList(r.notes, f("notes")),
    validateEnum(r.status, ParticipationStatus, f("status")),
    ...checkEnd(r, f("endedOn"), options),
    ...checkPreAgreement(r, f("preAgreementId")),
    checkPeople(r.signatories, f("signatories"), "SIGNATORY"),
    checkPeople(r.present, f("present"), "PRESENT"),
    checkSources(r.sources, f("sources"), options),
  ];
  return compact(errors);
}

function checkMonthDay(r: MembershipRecord, prefix: string): Array<FieldError | null> {
  const month = r.signedMonth;
  const day = r.signedDay;
  if (month === null && day === null) return [];
  const f = (name: string) => at(prefix, name);
  if (r.signedOn !== null) return [fieldError(f("signedMonth"), "signedMonth and signedDay are only for dates whose year is unknown; put the full date in signedOn")];
  if (month === null || day === null) return [fieldError(f(month === null ? "signedMonth" : "signedDay"), "give both signedMonth and signedDay, or neither")];
  // 2000 is a leap year, so 29 February is accepted for an unknown year.
  const real = Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2000, month, 0)).getUTCDate();
  return real ? [] : [fieldError(f("signedDay"), `${day}.${month}. is not a real day of the year`)];
}

function checkEnd(r: MembershipRecord, field: string, options: CheckOptions): Array<FieldError | null> {
  if (r.status === ParticipationStatus.ENDED && !r.endedOn) return [fieldError(field, "an ENDED membership needs its end date")];
  if (r.status !== ParticipationStatus.ENDED && r.endedOn) return [fieldError(field, `only an ENDED membership has an end date (status is ${r.status})`)];
  return checkEndDate(r, r.endedOn, field, options);
}

/** Checks an end date: a real past day, not before the signing or the effective date. */
export function checkEndDate(r: Pick<MembershipRecord, "signedOn" | "effectiveOn">, endedOn: Maybe<string>, field: string, options: CheckOptions = {}): Array<FieldError | null> {
  const date = validateIsoDate(endedOn, field, { dayOnly: true, notInFuture: true, ...nowOf(options) });
  if (date) return [date];
  return [validateDateOrder(r.signedOn, endedOn, field, "the signing date"), validateDateOrder(r.effectiveOn, endedOn, field, "the effective date")];
}

function checkPreAgreement(r: MembershipRecord, field: string): Array<FieldError | null> {
  if (r.preAgreementId === null) return [];
  if (r.preAgreementId === r.id) return [fieldError(field, "a membership cannot be its own Vorvereinbarung")];
  if (r.stage !== AsskommStage.COOPERATION_AGREEMENT) return [fieldError(field, "only a Kooperationsvereinbarung (stage COOPERATION_AGREEMENT) follows a Vorvereinbarung")];
  return [checkRecordId(r.preAgreementId, "membership", field)];
}

/**
 * Checks an entry of the municipal register: the AGS (8 digits, prefix 14) with a source
 * confirming it, and the id that follows from it (`SN-M-<AGS>`; `SN-M-<NAME>` only while no
 * source confirms the AGS).
 */
export function checkGemeinde(r: GemeindeRecord, prefix = "", options: CheckOptions = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const ags = validateAgs(r.ags, StateCode.SN, f("ags"));
  const id =
    r.ags !== null
      ? r.id === `SN-M-${r.ags}` || ags
        ? null
        : fieldError(f("id"), `the id of the municipality with AGS ${r.ags} is SN-M-${r.ags}`)
      : MUNICIPALITY_ID.test(r.id)
        ? null
        : fieldError(f("id"), `${JSON.stringify(r.id)} is not a municipality id of Sachsen (SN-M-<AGS>, or SN-M-<NAME> while the AGS is unknown)`);
  return compact([
    id,
    ags,
    validateText(r.name, f("name"), { maxLength: 200 }),
    validateText(r.landkreis, f("landkreis"), { required: false, maxLength: 200 }),
    validateText(r.landkreisNote, f("landkreisNote"), { required: false, maxLength: 500 }),
    validateText(r.type, f("type"), { required: false, maxLength: 100 }),
    validateText(r.agsNote, f("agsNote"), { required: false, maxLength: 500 }),
    r.ags !== null && r.agsSources.length === 0 ? fieldError(f("agsSources"), "an AGS needs a source that confirms it (it is never guessed)") : null,
    checkSources(r.agsSources, f("agsSources"), { ...options, required: false }),
    checkSources(r.otherSources, f("otherSources"), { ...options, required: false }),
    r.agsSources.length + r.otherSources.length === 0 ? fieldError(f("otherSources"), "at least one source is required") : null,
  ]);
}

/** Checks an event: a real date (not in the future once HELD), a type code, enums, sources. */
export function checkEvent(r: EventRecord, prefix = "", options: CheckOptions = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const held = r.status === EventStatus.HELD;
  return compact([
    validateText(r.programmeId, f("programmeId")),
    validateIsoDate(r.date, f("date"), { notInFuture: held, ...nowOf(options) }),
    r.additionalDates.map((d, i) => validateIsoDate(d, `${f("additionalDates")}[${i}]`, { required: true, notInFuture: held, ...nowOf(options) })).filter((e) => e !== null),
    validateText(r.title, f("title"), { maxLength: 300 }),
    /^[A-Z][A-Z0-9_]{0,63}$/.test(r.eventType ?? "") ? null : fieldError(f("eventType"), `${JSON.stringify(r.eventType)} is not an event type code such as CONFERENCE or PREVENTION_COUNCIL_FOUNDING`),
    validateEnum(r.format, SigningFormat, f("format"), { required: false }),
    validateText(r.place, f("place"), { required: false, maxLength: 200 }),
    validateEnum(r.status, EventStatus, f("status")),
    validateText(r.participantsSummary, f("participantsSummary"), { required: false, maxLength: 2000 }),
    r.relatedIds.map((id, i) => checkRecordId(id, "membership", `${f("relatedIds")}[${i}]`)).filter((e) => e !== null),
    checkSources(r.sources, f("sources"), options),
  ]);
}

/** Checks a figure: a lower-case code, a finite non-negative value, a past reference date. */
export function checkIndicator(r: IndicatorRecord, prefix = "", options: CheckOptions = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  return compact([
    validateText(r.programmeId, f("programmeId")),
    /^[a-z][a-z0-9_]{0,63}$/.test(r.indicator ?? "") ? null : fieldError(f("indicator"), `${JSON.stringify(r.indicator)} is not an indicator code such as member_municipalities`),
    validateText(r.label, f("label"), { maxLength: 300 }),
    // Every ASSKomm figure is a count or an amount of money.
    typeof r.value === "number" && Number.isFinite(r.value) && r.value >= 0 ? null : fieldError(f("value"), "a figure is a finite number, not negative"),
    validateText(r.unit, f("unit"), { maxLength: 50 }),
    validateEnum(r.qualifier, IndicatorQualifier, f("qualifier")),
    validateIsoDate(r.referenceOn, f("referenceOn"), { notInFuture: true, ...nowOf(options) }),
    validateText(r.note, f("note"), { required: false, maxLength: 1000 }),
    checkSources(r.sources, f("sources"), options),
  ]);
}

/** Checks the programme row. */
export function checkProgramme(r: ProgrammeRecord, prefix = "", options: CheckOptions = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const optional = (value: string | null, name: string, maxLength = 1000) => validateText(value, f(name), { required: false, maxLength });
  return compact([
    checkRecordId(r.id, "programme", f("id")),
    r.state === StateCode.SN ? null : fieldError(f("state"), `the Sachsen subgraph keeps only programmes of SN, not ${JSON.stringify(r.state)}`),
    validateText(r.name, f("name"), { maxLength: 300 }),
    validateText(r.shortName, f("shortName"), { maxLength: 50 }),
    validateEnum(r.kind, ProgrammeKind, f("kind")),
    optional(r.kindDescription, "kindDescription"),
    optional(r.responsibleMinistry, "responsibleMinistry", 300),
    optional(r.coordinatingBody, "coordinatingBody", 300),
    checkSources(r.coordinatingBodySources, f("coordinatingBodySources"), { ...options, required: false }),
    validateIsoDate(r.startOn, f("startOn")),
    optional(r.startPeriod, "startPeriod", 100),
    optional(r.startNote, "startNote"),
    checkTextList(r.fieldsOfAction, f("fieldsOfAction")),
    checkSources(r.fieldsOfActionSources, f("fieldsOfActionSources"), { ...options, required: false }),
    checkTextList(r.offers, f("offers")),
    checkSources(r.offersSources, f("offersSources"), { ...options, required: false }),
    checkTextList(r.notes, f("notes")),
    r.participationCountRecorded !== null && (!Number.isInteger(r.participationCountRecorded) || r.participationCountRecorded < 0)
      ? fieldError(f("participationCountRecorded"), "a count is a whole number from 0")
      : null,
    checkSources(r.sources, f("sources"), options),
  ]);
}
