import {
  ChangeSource,
  ErrorCode,
  HistoryAction,
  ParticipationStatus,
  StateCode,
  actorFromPrincipal,
  fieldError,
  notFound,
  recordChange,
  requireEditor,
  sameSnapshot,
  validateAgs,
  validateText,
  withWriteTransaction,
  type FieldError,
  type Principal,
} from "@laenderhub/shared";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SachsenContext } from "../context.js";
import { MembershipEntity, MunicipalityEntity } from "../entities/index.js";
import { toMembership, type MembershipRoot } from "../schema/mappers.js";
import { AsskommMembershipInput, AsskommMembershipPatch, type AsskommMembershipFields } from "../schema/membership.input.js";
import type { MunicipalityInput } from "@laenderhub/shared";
import { AsskommMembership } from "../schema/membership.type.js";
import { checkEndDate, checkMembership, checkRecordId, checkSources } from "../write/checks.js";
import {
  ASSKOMM_PROGRAMME_ID,
  RECORD_TYPES,
  gemeindeMapping,
  loadMembershipRecord,
  membershipSnapshot,
  nextFreeId,
  storeMembership,
  storeRecord,
  type GemeindeRecord,
  type MembershipRecord,
} from "../write/records.js";
import { checkGemeindeReferences, checkMembershipReferences, type IndexedFieldError } from "../write/references.js";
import { changedMeanwhile, lockForUpdate, optionalText, personOf, refreshLoaders, requiredText, sourcesOf, textList, throwIfInvalid, withAssignedId } from "../write/support.js";

// Stands in for the id of a new membership until the transaction assigns the next free one.
const PENDING_ID = "SN-P-NEW";

/** A municipality registered inline, as a register record, with the checks of its input. */
function inlineGemeinde(input: MunicipalityInput, field: string): { record: GemeindeRecord; errors: FieldError[] } {
  const ags = requiredText(input.ags);
  const record: GemeindeRecord = {
    id: `SN-M-${ags}`,
    name: requiredText(input.name),
    ags,
    landkreis: optionalText(input.district),
    landkreisNote: optionalText(input.districtNote),
    type: optionalText(input.type),
    agsNote: optionalText(input.agsNote),
    agsSources: sourcesOf(input.sources),
    otherSources: [],
  };
  const errors = [
    validateAgs(ags, StateCode.SN, `${field}.ags`),
    validateText(record.name, `${field}.name`, { maxLength: 200 }),
    validateText(record.type, `${field}.type`, { maxLength: 100 }),
    validateText(record.landkreis, `${field}.district`, { required: false, maxLength: 200 }),
    ...checkSources(input.sources, `${field}.sources`),
  ].filter((e): e is FieldError => e !== null);
  return { record, errors };
}

/** The database checks of an inline municipality: neither its id nor its AGS may be taken. */
async function checkInlineGemeinde(manager: EntityManager, record: GemeindeRecord, field: string): Promise<IndexedFieldError[]> {
  const taken = await manager.getRepository(MunicipalityEntity).exists({ where: { id: record.id } });
  if (taken) {
    return [{ index: 0, error: fieldError(`${field}.ags`, `${record.id} is registered already; give municipalityId: "${record.id}" instead`, ErrorCode.CONFLICT) }];
  }
  return checkGemeindeReferences(manager, [record], field);
}

/** What an input sets, in record shape: absent keys are not given, null clears (or is refused). */
type GivenFields = { [K in keyof MembershipRecord]?: MembershipRecord[K] | null };

/** The fields a create input or a patch sets, normalised to their stored shape. */
function givenFields(input: AsskommMembershipFields): GivenFields {
  const given: GivenFields = {};
  const set = <K extends keyof MembershipRecord, V>(key: K, value: V | null | undefined, convert: (v: V) => MembershipRecord[K]) => {
    if (value !== undefined) given[key] = value === null ? null : convert(value);
  };
  const same = <V>(v: V) => v;
  set("programmeId", input.programmeId, requiredText);
  set("municipalityId", input.municipalityId, requiredText);
  set("instrumentLabel", input.instrumentLabel, optionalText);
  set("agreementId", input.agreementId, requiredText);
  set("groupName", input.groupName, optionalText);
  set("groupKind", input.groupKind, optionalText);
  set("signedOn", input.signedOn, optionalText);
  set("signedMonth", input.signedMonth, same);
  set("signedDay", input.signedDay, same);
  set("signedNote", input.signedNote, optionalText);
  set("effectiveOn", input.effectiveOn, optionalText);
  set("ordinal", input.ordinal, same);
  set("ordinalBasis", input.ordinalBasis, same);
  set("ordinalBasisText", input.ordinalBasisText, optionalText);
  set("format", input.format, same);
  set("place", input.place, optionalText);
  set("partners", input.partners, textList);
  set("notes", input.notes, textList);
  set("preAgreementId", input.preAgreementId, optionalText);
  set("signatories", input.signatories, (v) => v.map(personOf));
  set("present", input.present, (v) => v.map(personOf));
  return given;
}

/** Fields that a membership always has: null may not clear them. */
const REQUIRED_FIELDS = ["programmeId", "municipalityId", "agreementId", "partners", "notes", "signatories", "present", "stage", "sources"] as const;

function nullsOfRequired(given: Record<string, unknown>, prefix: string): FieldError[] {
  return REQUIRED_FIELDS.filter((k) => k in given && given[k] === null).map((k) => fieldError(`${prefix}.${k}`, `${k} cannot be cleared; give a value`));
}

function municipalityChoice(input: AsskommMembershipFields, required: boolean): FieldError | null {
  const hasId = input.municipalityId !== undefined && input.municipalityId !== null;
  const hasNew = input.newMunicipality !== undefined && input.newMunicipality !== null;
  if (hasId && hasNew) return fieldError("input.municipalityId", "give either municipalityId or newMunicipality, not both");
  if (required && !hasId && !hasNew) return fieldError("input.municipalityId", "a membership needs a municipality: municipalityId, or newMunicipality to register one");
  return null;
}

function statusChoice(status: ParticipationStatus | null | undefined): FieldError | null {
  return status === ParticipationStatus.ENDED ? fieldError("input.status", "a membership is ended with endAsskommMembership (which records the end date)") : null;
}

async function writeGemeinde(manager: EntityManager, gemeinde: GemeindeRecord | null, editor: Principal, note: string | null): Promise<void> {
  if (!gemeinde) return;
  await storeRecord(manager, gemeindeMapping, gemeinde, null);
  await recordChange(manager, {
    recordType: RECORD_TYPES.gemeinde,
    recordId: gemeinde.id,
    state: StateCode.SN,
    action: HistoryAction.CREATE,
    actor: actorFromPrincipal(editor),
    source: ChangeSource.API,
    before: null,
    after: gemeindeMapping.snapshot(gemeinde),
    note,
  });
}

async function served(manager: EntityManager, id: string): Promise<MembershipRoot> {
  return toMembership(await manager.findOneByOrFail(MembershipEntity, { id }));
}

/** Creating, changing and ending ASSKomm memberships: Sachsen's editors only. */
@Resolver()
export class AsskommMembershipMutationResolver {
  @Mutation(() => AsskommMembership, {
    description: "Records a new ASSKomm membership (editors of SN only). A new municipality can be registered with it; the id is assigned when not given.",
  })
  async createAsskommMembership(
    @Arg("input", () => AsskommMembershipInput) input: AsskommMembershipInput,
    @Arg("note", () => String, { nullable: true, description: "Why the change is made; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<MembershipRoot> {
    const editor = requireEditor(ctx, StateCode.SN);
    const manager = ctx.dataSource.manager;
    const inline = input.newMunicipality ? inlineGemeinde(input.newMunicipality, "input.newMunicipality") : null;
    const given = givenFields(input);
    const draft: MembershipRecord = {
      id: input.id != null ? requiredText(input.id) : PENDING_ID,
      programmeId: given.programmeId ?? ASSKOMM_PROGRAMME_ID,
      municipalityId: inline?.record.id ?? given.municipalityId ?? "",
      stage: input.stage,
      instrumentLabel: given.instrumentLabel ?? null,
      agreementId: given.agreementId ?? (input.id != null ? requiredText(input.id) : PENDING_ID),
      groupName: given.groupName ?? null,
      groupKind: given.groupKind ?? null,
      signedOn: given.signedOn ?? null,
      signedMonth: given.signedMonth ?? null,
      signedDay: given.signedDay ?? null,
      signedNote: given.signedNote ?? null,
      effectiveOn: given.effectiveOn ?? null,
      ordinal: given.ordinal ?? null,
      ordinalBasis: given.ordinalBasis ?? null,
      ordinalBasisText: given.ordinalBasisText ?? null,
      format: given.format ?? null,
      place: given.place ?? null,
      partners: given.partners ?? [],
      notes: given.notes ?? [],
      // An ENDED status is refused below; the draft stays valid so that it is reported once.
      status: input.status && input.status !== ParticipationStatus.ENDED ? input.status : ParticipationStatus.ACTIVE,
      endedOn: null,
      preAgreementId: given.preAgreementId ?? null,
      signatories: given.signatories ?? [],
      present: given.present ?? [],
      sources: sourcesOf(input.sources),
    };
    const choice = municipalityChoice(input, true);
    const shape = [
      ...(input.id != null ? [checkRecordId(draft.id, "membership", "input.id")].filter((e): e is FieldError => e !== null) : []),
      ...[choice, statusChoice(input.status)].filter((e): e is FieldError => e !== null),
      ...(inline?.errors ?? []),
      // The municipality is reported once: by the choice between id and inline registration, or by the inline input.
      ...checkMembership(draft, "input").filter((e) => !((inline || choice) && e.field === "input.municipalityId")),
    ];
    const database = await checkMembershipReferences(manager, [draft], { prefix: "input", ...(inline ? { newMunicipalityIds: new Set([inline.record.id]) } : {}) });
    if (inline && !inline.errors.length) database.push(...(await checkInlineGemeinde(manager, inline.record, "input.newMunicipality")));
    if (input.id != null && (await manager.getRepository(MembershipEntity).exists({ where: { id: draft.id } }))) {
      database.push({ index: 0, error: fieldError("input.id", `membership ${draft.id} exists already`, ErrorCode.CONFLICT) });
    }
    throwIfInvalid(shape, database);

    const result = await withAssignedId(ctx.dataSource, input.id != null, async (tx) => {
      await writeGemeinde(tx, inline?.record ?? null, editor, note);
      const id = input.id != null ? draft.id : await nextFreeId(tx, MembershipEntity, "SN-P-");
      const record: MembershipRecord = { ...draft, id, agreementId: given.agreementId ?? id };
      await storeMembership(tx, record, null);
      await recordChange(tx, {
        recordType: RECORD_TYPES.membership,
        recordId: id,
        state: StateCode.SN,
        action: HistoryAction.CREATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: null,
        after: membershipSnapshot(record),
        note,
      });
      return served(tx, id);
    });
    refreshLoaders(ctx);
    return result;
  }

  @Mutation(() => AsskommMembership, {
    description: "Changes a membership (editors of SN only): only the fields given change. A change that changes nothing records nothing.",
  })
  async updateAsskommMembership(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => AsskommMembershipPatch) input: AsskommMembershipPatch,
    @Arg("note", () => String, { nullable: true, description: "Why the change is made; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<MembershipRoot> {
    const editor = requireEditor(ctx, StateCode.SN);
    const manager = ctx.dataSource.manager;
    const existing = await loadMembershipRecord(manager, id);
    if (!existing) throw notFound("AsskommMembership", id);

    const inline = input.newMunicipality ? inlineGemeinde(input.newMunicipality, "input.newMunicipality") : null;
    const given: Record<string, unknown> = { ...givenFields(input) };
    if (input.stage !== undefined) given.stage = input.stage;
    if (input.sources !== undefined) given.sources = input.sources === null ? null : sourcesOf(input.sources);
    if (inline) delete given.municipalityId;
    const nulls = nullsOfRequired(given, "input");
    const next: MembershipRecord = { ...existing };
    for (const [key, value] of Object.entries(given)) if (value !== null || !REQUIRED_FIELDS.includes(key as never)) (next as unknown as Record<string, unknown>)[key] = value;
    if (inline) next.municipalityId = inline.record.id;
    if (input.status !== undefined && input.status !== null && input.status !== ParticipationStatus.ENDED) {
      // Reopening an ended membership (a mistaken end) takes its end date away with it.
      next.status = input.status;
      next.endedOn = null;
    }
    const shape = [
      ...nulls,
      ...[municipalityChoice(input, false), statusChoice(input.status)].filter((e): e is FieldError => e !== null),
      ...(inline?.errors ?? []),
      ...checkMembership(next, "input"),
    ];
    const database = await checkMembershipReferences(manager, [next], { prefix: "input", ...(inline ? { newMunicipalityIds: new Set([inline.record.id]) } : {}) });
    if (inline && !inline.errors.length) database.push(...(await checkInlineGemeinde(manager, inline.record, "input.newMunicipality")));
    throwIfInvalid(shape, database);
    if (!inline && sameSnapshot(membershipSnapshot(existing), membershipSnapshot(next))) return served(manager, id);

    const result = await withWriteTransaction(ctx.dataSource, async (tx) => {
      await lockForUpdate(tx, MembershipEntity, id);
      const current = await loadMembershipRecord(tx, id);
      if (!current || !sameSnapshot(current, existing)) throw changedMeanwhile("AsskommMembership", id);
      await writeGemeinde(tx, inline?.record ?? null, editor, note);
      await storeMembership(tx, next, current);
      await recordChange(tx, {
        recordType: RECORD_TYPES.membership,
        recordId: id,
        state: StateCode.SN,
        action: HistoryAction.UPDATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: membershipSnapshot(current),
        after: membershipSnapshot(next),
        note,
      });
      return served(tx, id);
    });
    refreshLoaders(ctx);
    return result;
  }

  @Mutation(() => AsskommMembership, {
    description: "Ends a membership (editors of SN only): status ENDED with the day it ended. The record stays queryable; nothing is deleted.",
  })
  async endAsskommMembership(
    @Arg("id", () => ID) id: string,
    @Arg("endedOn", () => String, { description: "The day the membership ended (YYYY-MM-DD): not before it was signed, not in the future" }) endedOn: string,
    @Arg("note", () => String, { nullable: true, description: "Why it ended; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<MembershipRoot> {
    const editor = requireEditor(ctx, StateCode.SN);
    const manager = ctx.dataSource.manager;
    const existing = await loadMembershipRecord(manager, id);
    if (!existing) throw notFound("AsskommMembership", id);
    throwIfInvalid(checkEndDate(existing, endedOn.trim(), "endedOn").filter((e): e is FieldError => e !== null));
    const next: MembershipRecord = { ...existing, status: ParticipationStatus.ENDED, endedOn: endedOn.trim() };
    if (sameSnapshot(existing, next)) return served(manager, id);

    const result = await withWriteTransaction(ctx.dataSource, async (tx) => {
      await lockForUpdate(tx, MembershipEntity, id);
      const current = await loadMembershipRecord(tx, id);
      if (!current || !sameSnapshot(current, existing)) throw changedMeanwhile("AsskommMembership", id);
      await storeMembership(tx, next, current);
      await recordChange(tx, {
        recordType: RECORD_TYPES.membership,
        recordId: id,
        state: StateCode.SN,
        action: HistoryAction.END,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: membershipSnapshot(current),
        after: membershipSnapshot(next),
        note,
      });
      return served(tx, id);
    });
    refreshLoaders(ctx);
    return result;
  }
}
