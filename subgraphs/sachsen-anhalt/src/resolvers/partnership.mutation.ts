import {
  ErrorCode,
  fieldError,
  FieldErrors,
  HistoryAction,
  notFound,
  ParticipationStatus,
  requireEditor,
  sameSnapshot,
  StateCode,
  validateDateOrder,
  validateIsoDate,
  validationError,
  withWriteTransaction,
  type Principal,
} from "@laenderhub/shared";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality } from "../entities/index.js";
import type { MunicipalityInput } from "@laenderhub/shared";
import { SachsenAnhaltPartnershipInput, SachsenAnhaltPartnershipUpdateInput } from "../schema/partnership.input.js";
import {
  checkAgsConflicts,
  checkPartnershipReferences,
  completePartnership,
  exists,
  idTaken,
  loadPartnershipRecords,
  newMunicipalityRecord,
  nextPartnershipId,
  normalizePartnershipPatch,
  RecordType,
  storeMunicipality,
  storePartnership,
  validateMunicipalityRecord,
  validatePartnershipRecord,
  type Draft,
  type MunicipalityRecord,
  type PartnershipPatch,
  type PartnershipRecord,
} from "../write/index.js";
import { addNew, afterWrite, audit, NOTE } from "./write-support.js";

/**
 * The municipality of a create or update: an id from the register or a new one registered
 * inline (never both). Checks the new one and that its id and AGS are free.
 */
async function municipalityOf(
  manager: EntityManager,
  input: { municipalityId?: string | null; newMunicipality?: MunicipalityInput | null },
  errors: FieldErrors,
): Promise<Draft<MunicipalityRecord> | null> {
  if (input.municipalityId && input.newMunicipality) {
    errors.add(fieldError("input.newMunicipality", "give either municipalityId or newMunicipality, not both"));
    return null;
  }
  if (!input.newMunicipality) return null;
  const municipality = newMunicipalityRecord({ ...input.newMunicipality, landkreis: input.newMunicipality.district, landkreisNote: input.newMunicipality.districtNote });
  const own = validateMunicipalityRecord(municipality, "input.newMunicipality", { agsRequired: true, typeRequired: true });
  errors.add(own);
  if (own.length === 0 && municipality.id) {
    if (await exists(manager, SachsenAnhaltMunicipality, municipality.id)) {
      errors.add(fieldError("input.newMunicipality.ags", `${municipality.id} is already registered; refer to it with municipalityId`, ErrorCode.CONFLICT));
    } else {
      errors.add(await checkAgsConflicts(manager, [municipality], () => "input.newMunicipality.ags"));
    }
  }
  return municipality;
}

/** Registers an inline municipality with its own audit entry, in the partnership's transaction. */
async function registerMunicipality(manager: EntityManager, editor: Principal, note: string | null | undefined, municipality: MunicipalityRecord): Promise<void> {
  await storeMunicipality(manager, municipality, false);
  await audit(manager, { recordType: RecordType.MUNICIPALITY, recordId: municipality.id, action: HistoryAction.CREATE, editor, before: null, after: municipality, note });
}

function fresh(ctx: SachsenAnhaltContext, id: string): Promise<SachsenAnhaltLocalPartnership> {
  afterWrite(ctx);
  return ctx.dataSource.getRepository(SachsenAnhaltLocalPartnership).findOneByOrFail({ id });
}

/**
 * Writes of Sachsen-Anhalt's local partnerships: create, update, end. Each checks the caller
 * first (an editor of ST), then every field before the transaction, and writes the record
 * and its audit entry in one transaction.
 */
@Resolver()
export class SachsenAnhaltPartnershipMutationResolver {
  @Mutation(() => SachsenAnhaltLocalPartnership, {
    description: "Creates a local partnership (editors of ST). The municipality is given by id or registered inline; the id is assigned when left out.",
  })
  async createSachsenAnhaltPartnership(
    @Arg("input", () => SachsenAnhaltPartnershipInput) input: SachsenAnhaltPartnershipInput,
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<SachsenAnhaltLocalPartnership> {
    const editor = requireEditor(ctx, StateCode.ST);
    const { newMunicipality, ...fields } = input;
    const errors = new FieldErrors();
    const manager = ctx.dataSource.manager;
    const municipality = await municipalityOf(manager, input, errors);
    const patch: PartnershipPatch = { ...normalizePartnershipPatch(fields), ...(municipality ? { municipalityId: municipality.id } : {}) };
    if (patch.status === ParticipationStatus.ENDED) {
      errors.add(fieldError("input.status", "a new partnership is ACTIVE or ANNOUNCED; end it with endSachsenAnhaltPartnership"));
      delete patch.status;
    }
    const draft = completePartnership(patch, null);
    // A new municipality that is not valid has been reported under newMunicipality already.
    addNew(errors, validatePartnershipRecord(draft, "input", { idRequired: false }).filter((e) => !(newMunicipality && e.field === "input.municipalityId")));
    addNew(errors, await checkPartnershipReferences(manager, [draft], (_i, name) => `input.${name}`, { skipMunicipalities: new Set(municipality?.id ? [municipality.id] : []) }));
    if (draft.id && (await exists(manager, SachsenAnhaltLocalPartnership, draft.id))) addNew(errors, [idTaken("input.id", draft.id)]);
    errors.throwIfAny();

    const id = await withWriteTransaction(ctx.dataSource, async (tx) => {
      if (municipality) await registerMunicipality(tx, editor, note, municipality as MunicipalityRecord);
      const record = completePartnership({ ...patch, id: draft.id ?? (await nextPartnershipId(tx)) }, null) as PartnershipRecord;
      await storePartnership(tx, record, false);
      await audit(tx, { recordType: RecordType.PARTNERSHIP, recordId: record.id, action: HistoryAction.CREATE, editor, before: null, after: record, note });
      return record.id;
    });
    return fresh(ctx, id);
  }

  @Mutation(() => SachsenAnhaltLocalPartnership, {
    description: "Changes a local partnership (editors of ST): only the fields given change. An update that changes nothing records nothing.",
  })
  async updateSachsenAnhaltPartnership(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => SachsenAnhaltPartnershipUpdateInput) input: SachsenAnhaltPartnershipUpdateInput,
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<SachsenAnhaltLocalPartnership> {
    const editor = requireEditor(ctx, StateCode.ST);
    const manager = ctx.dataSource.manager;
    const existing = (await loadPartnershipRecords(manager, [id])).get(id);
    if (!existing) throw notFound("Partnership", id);
    const { newMunicipality, ...fields } = input;
    const errors = new FieldErrors();
    const municipality = await municipalityOf(manager, input, errors);
    const patch: PartnershipPatch = { ...normalizePartnershipPatch(fields), ...(municipality ? { municipalityId: municipality.id } : {}) };
    if (patch.status !== undefined && (patch.status === ParticipationStatus.ENDED || existing.status === ParticipationStatus.ENDED)) {
      errors.add(
        fieldError(
          "input.status",
          existing.status === ParticipationStatus.ENDED ? `${id} ended on ${existing.endedOn}; an ended partnership stays ENDED` : "a partnership is ended with endSachsenAnhaltPartnership",
        ),
      );
      delete patch.status;
    }
    const check = (current: PartnershipRecord) =>
      validatePartnershipRecord(completePartnership(patch, current), "input", { idRequired: true, orderField: "signedOn" }).filter(
        (e) => !(newMunicipality && e.field === "input.municipalityId"),
      );
    addNew(errors, check(existing));
    // Only references the input changes need checking: the stored ones exist (records are never deleted).
    const changed = { programmeId: patch.programmeId ?? null, municipalityId: patch.municipalityId ?? null };
    addNew(errors, await checkPartnershipReferences(manager, [changed], (_i, name) => `input.${name}`, { skipMunicipalities: new Set(municipality?.id ? [municipality.id] : []) }));
    errors.throwIfAny();

    await withWriteTransaction(ctx.dataSource, async (tx) => {
      // The record as it is now, inside the transaction: a change made meanwhile is kept, not overwritten.
      const current = (await loadPartnershipRecords(tx, [id])).get(id)!;
      const again = check(current);
      if (again.length > 0) throw validationError(again);
      const record = completePartnership(patch, current) as PartnershipRecord;
      if (sameSnapshot(current, record)) return;
      if (municipality) await registerMunicipality(tx, editor, note, municipality as MunicipalityRecord);
      await storePartnership(tx, record, true);
      await audit(tx, { recordType: RecordType.PARTNERSHIP, recordId: id, action: HistoryAction.UPDATE, editor, before: current, after: record, note });
    });
    return fresh(ctx, id);
  }

  @Mutation(() => SachsenAnhaltLocalPartnership, {
    description: "Ends a local partnership (editors of ST): status ENDED and the day it ended (not before the signing, not in the future). The record stays queryable; records are never deleted.",
  })
  async endSachsenAnhaltPartnership(
    @Arg("id", () => ID) id: string,
    @Arg("endedOn", () => String, { description: "The day it ended, YYYY-MM-DD" }) endedOn: string,
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<SachsenAnhaltLocalPartnership> {
    const editor = requireEditor(ctx, StateCode.ST);
    const existing = (await loadPartnershipRecords(ctx.dataSource.manager, [id])).get(id);
    if (!existing) throw notFound("Partnership", id);
    const errors = new FieldErrors();
    const dateError = validateIsoDate(endedOn, "endedOn", { required: true, dayOnly: true, notInFuture: true });
    errors.add(dateError);
    if (!dateError) errors.add(validateDateOrder(existing.signedOn, endedOn, "endedOn", "the signing date"));
    errors.throwIfAny();

    await withWriteTransaction(ctx.dataSource, async (tx) => {
      const current = (await loadPartnershipRecords(tx, [id])).get(id)!;
      const record: PartnershipRecord = { ...current, status: ParticipationStatus.ENDED, endedOn };
      if (sameSnapshot(current, record)) return;
      await storePartnership(tx, record, true);
      await audit(tx, { recordType: RecordType.PARTNERSHIP, recordId: id, action: HistoryAction.END, editor, before: current, after: record, note });
    });
    return fresh(ctx, id);
  }
}
