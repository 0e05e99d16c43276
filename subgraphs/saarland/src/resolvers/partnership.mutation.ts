import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import {
  actorFromPrincipal,
  attachSources,
  ChangeSource,
  ErrorCode,
  fieldError,
  FieldErrors,
  HistoryAction,
  Instrument,
  LaenderhubError,
  notFound,
  ParticipationStatus,
  recordChange,
  requireEditor,
  sameSnapshot,
  SourceInput,
  validateAgs,
  validateDateOrder,
  validateIsoDate,
  validateSources,
  validateText,
  withWriteTransaction,
  type Principal,
  type MunicipalityInput,
} from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandMunicipality, SaarlandSecurityPartnership } from "../entities/index.js";
import { PartnershipInput, PartnershipUpdateInput } from "../schema/partnership.input.js";
import { assignNextId } from "../write/ids.js";
import { writeMunicipality, type MunicipalityRow } from "../write/municipality.row.js";
import {
  loadPartnershipRows,
  partnershipReferenceErrors,
  validatePartnershipRow,
  withDerivedPartnershipFields,
  writePartnership,
  type PartnershipRow,
} from "../write/partnership.row.js";
import {
  addReferenceErrors,
  DEFAULT_PROGRAMME_ID,
  forgetCachedRows,
  optional,
  RECORD_TYPES,
  requireOwnId,
  requireUnchangedSince,
  STATE,
  toPeople,
  toSources,
} from "./write-support.js";

// Stands in for an id the subgraph assigns inside the transaction; it passes the id check.
const ID_TO_ASSIGN = "SL-P-NEW";

function rowFromCreateInput(input: PartnershipInput, municipalityId: string): PartnershipRow {
  const id = input.id ?? ID_TO_ASSIGN;
  return {
    id,
    programmeId: input.programmeId ?? DEFAULT_PROGRAMME_ID,
    municipalityId,
    instrument: input.instrument ?? Instrument.LETTER_OF_INTENT,
    instrumentLabel: optional(input.instrumentLabel),
    agreementId: input.agreementId ?? id,
    groupName: optional(input.groupName),
    groupKind: optional(input.groupKind),
    signedOn: optional(input.signedOn),
    signedMonth: input.signedMonth ?? null,
    signedDay: input.signedDay ?? null,
    signedNote: optional(input.signedNote),
    effectiveOn: optional(input.effectiveOn),
    ordinal: input.ordinal ?? null,
    ordinalBasis: input.ordinalBasis ?? null,
    ordinalBasisText: optional(input.ordinalBasisText),
    format: input.format ?? null,
    place: optional(input.place),
    status: input.status ?? ParticipationStatus.ACTIVE,
    endedOn: null,
    partners: input.partners ?? [],
    notes: input.notes ?? [],
    fieldsOfAction: [],
    signatories: toPeople(input.signatories),
    present: toPeople(input.present),
    sources: toSources(input.sources),
  };
}

function municipalityFromInput(m: MunicipalityInput): MunicipalityRow {
  const sources = toSources(m.sources);
  return {
    id: `SL-M-${m.ags}`,
    name: m.name,
    ags: m.ags,
    district: optional(m.district),
    districtNote: optional(m.districtNote),
    type: optional(m.type),
    agsNote: optional(m.agsNote),
    // The sources given with a new entry are where its AGS was read.
    agsSources: sources,
    sources,
    preventionBodies: [],
  };
}

/**
 * Applies a partial update to a partnership row: omitted fields stay, null clears an optional
 * field (a list becomes empty); clearing a required field is an error.
 */
function mergeUpdate(before: PartnershipRow, input: PartnershipUpdateInput, errors: FieldErrors): PartnershipRow {
  const row: PartnershipRow = { ...before };
  const cannotClear = (field: string) => errors.add(fieldError(`input.${field}`, `${field} cannot be cleared`));
  if (input.municipalityId !== undefined) {
    if (input.municipalityId === null) cannotClear("municipalityId");
    else row.municipalityId = input.municipalityId;
  }
  if (input.instrument !== undefined) {
    if (input.instrument === null) cannotClear("instrument");
    else row.instrument = input.instrument;
  }
  if (input.agreementId !== undefined) {
    if (input.agreementId === null) cannotClear("agreementId");
    else row.agreementId = input.agreementId;
  }
  if (input.status !== undefined) {
    if (input.status === null) cannotClear("status");
    else if (input.status === ParticipationStatus.ENDED) {
      if (before.status !== ParticipationStatus.ENDED) errors.add(fieldError("input.status", "a partnership is ended with endSaarlandPartnership, which records the end date"));
    } else {
      row.status = input.status;
      // Reopening an ended partnership (a correction) drops its end date; the history keeps it.
      row.endedOn = null;
    }
  }
  if (input.instrumentLabel !== undefined) row.instrumentLabel = optional(input.instrumentLabel);
  if (input.groupName !== undefined) row.groupName = optional(input.groupName);
  if (input.groupKind !== undefined) row.groupKind = optional(input.groupKind);
  if (input.signedOn !== undefined) {
    row.signedOn = optional(input.signedOn);
    // A full or partial date with its year supersedes a day and month known without one.
    if (row.signedOn !== null && input.signedMonth === undefined && input.signedDay === undefined) {
      row.signedMonth = null;
      row.signedDay = null;
    }
  }
  if (input.signedMonth !== undefined) row.signedMonth = input.signedMonth;
  if (input.signedDay !== undefined) row.signedDay = input.signedDay;
  if (input.signedNote !== undefined) row.signedNote = optional(input.signedNote);
  if (input.effectiveOn !== undefined) row.effectiveOn = optional(input.effectiveOn);
  if (input.ordinal !== undefined) row.ordinal = input.ordinal;
  if (input.ordinalBasis !== undefined) row.ordinalBasis = input.ordinalBasis;
  if (input.ordinalBasisText !== undefined) row.ordinalBasisText = optional(input.ordinalBasisText);
  if (input.format !== undefined) row.format = input.format;
  if (input.place !== undefined) row.place = optional(input.place);
  if (input.partners !== undefined) row.partners = input.partners ?? [];
  if (input.notes !== undefined) row.notes = input.notes ?? [];
  if (input.signatories !== undefined) row.signatories = toPeople(input.signatories);
  if (input.present !== undefined) row.present = toPeople(input.present);
  if (input.sources !== undefined) row.sources = toSources(input.sources);
  return withDerivedPartnershipFields(row);
}

/** Loads a partnership's row for a write, or throws NOT_FOUND. */
async function existingRow(ctx: SaarlandContext, id: string): Promise<PartnershipRow> {
  requireOwnId(id, "partnership");
  const row = (await loadPartnershipRows(ctx.dataSource.manager, [id])).get(id);
  if (!row) throw notFound(RECORD_TYPES.partnership, id);
  return row;
}

/**
 * Writes a changed partnership with its audit entry in one transaction, after checking that
 * nobody changed it since it was validated; returns the stored record.
 */
async function storeChange(
  ctx: SaarlandContext,
  change: { before: PartnershipRow; after: PartnershipRow; action: HistoryAction; note: string | null },
  editor: Principal,
): Promise<SaarlandSecurityPartnership> {
  const id = change.before.id;
  const saved = await withWriteTransaction(ctx.dataSource, async (manager) => {
    requireUnchangedSince((await loadPartnershipRows(manager, [id])).get(id), change.before, id);
    const after = await writePartnership(manager, change.after, { exists: true });
    await recordChange(manager, {
      recordType: RECORD_TYPES.partnership,
      recordId: id,
      state: STATE,
      action: change.action,
      actor: actorFromPrincipal(editor),
      source: ChangeSource.API,
      before: change.before,
      after,
      note: change.note,
    });
    return manager.findOneByOrFail(SaarlandSecurityPartnership, { id });
  });
  forgetCachedRows(ctx);
  return saved;
}

/** Create, update and end Saarland's Sicherheitspartnerschaften; each needs an editor token of SL. */
@Resolver()
export class SaarlandPartnershipMutations {
  @Mutation(() => SaarlandSecurityPartnership, {
    description: "Records a new Sicherheitspartnerschaft (SL editors only). The partner is a register entry (municipalityId) or registered here (newMunicipality).",
  })
  async createSaarlandPartnership(
    @Arg("input", () => PartnershipInput) input: PartnershipInput,
    @Arg("note", () => String, { nullable: true, description: "Why the record is added; kept in its history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SaarlandSecurityPartnership> {
    const editor = requireEditor(ctx, STATE);
    const now = new Date();
    const manager = ctx.dataSource.manager;
    const errors = new FieldErrors();

    let newMunicipality: MunicipalityRow | null = null;
    if ((input.municipalityId == null) === (input.newMunicipality == null)) {
      errors.add(fieldError("input.municipalityId", "give either municipalityId (an entry of the register) or newMunicipality (to register a new one)"));
    } else if (input.newMunicipality) {
      newMunicipality = municipalityFromInput(input.newMunicipality);
      errors.add(
        validateAgs(input.newMunicipality.ags, STATE, "input.newMunicipality.ags"),
        validateText(input.newMunicipality.name, "input.newMunicipality.name"),
        validateSources(input.newMunicipality.sources, "input.newMunicipality.sources", { now }),
      );
    }
    const row = rowFromCreateInput(input, newMunicipality?.id ?? input.municipalityId ?? "");
    const inline = (field: string) => newMunicipality !== null && field === "input.municipalityId";
    const ended = row.status === ParticipationStatus.ENDED;
    if (ended) errors.add(fieldError("input.status", "a new partnership is ANNOUNCED or ACTIVE; end it with endSaarlandPartnership"));
    // An ENDED status is refused above; the end date it would need is not a second problem.
    errors.add(validatePartnershipRow(row, "input.", now).filter((e) => !inline(e.field) && !(ended && e.field === "input.endedOn")));

    // References, read-only and before the transaction: nothing is written for invalid input.
    addReferenceErrors(errors, await partnershipReferenceErrors(manager, [row], "input."), (e) => inline(e.field));
    if (input.id != null && (await manager.existsBy(SaarlandSecurityPartnership, { id: input.id }))) {
      errors.add(fieldError("input.id", `${input.id} exists already`, ErrorCode.CONFLICT));
    }
    if (newMunicipality && !errors.list.some((e) => e.field === "input.newMunicipality.ags")) {
      const registered = await manager.findOneBy(SaarlandMunicipality, { id: newMunicipality.id });
      if (registered) {
        errors.add(fieldError("input.newMunicipality.ags", `AGS ${newMunicipality.ags} is registered already (${registered.name}); pass municipalityId: "${registered.id}"`, ErrorCode.CONFLICT));
      }
    }
    errors.throwIfAny();

    const saved = await withWriteTransaction(ctx.dataSource, async (tx) => {
      const actor = actorFromPrincipal(editor);
      if (newMunicipality) {
        await writeMunicipality(tx, newMunicipality, { exists: false });
        await recordChange(tx, { recordType: RECORD_TYPES.municipality, recordId: newMunicipality.id, state: STATE, action: HistoryAction.CREATE, actor, source: ChangeSource.API, before: null, after: newMunicipality, note });
      }
      const id = input.id ?? (await assignNextId(tx, SaarlandSecurityPartnership, "partnership"));
      const after = await writePartnership(tx, { ...row, id, agreementId: input.agreementId ?? id }, { exists: false });
      await recordChange(tx, { recordType: RECORD_TYPES.partnership, recordId: id, state: STATE, action: HistoryAction.CREATE, actor, source: ChangeSource.API, before: null, after, note });
      return tx.findOneByOrFail(SaarlandSecurityPartnership, { id });
    });
    forgetCachedRows(ctx);
    return saved;
  }

  @Mutation(() => SaarlandSecurityPartnership, {
    description: "Changes the fields given, leaves the others (SL editors only). An update that changes nothing records nothing.",
  })
  async updateSaarlandPartnership(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => PartnershipUpdateInput) input: PartnershipUpdateInput,
    @Arg("note", () => String, { nullable: true, description: "Why the record changes; kept in its history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SaarlandSecurityPartnership> {
    const editor = requireEditor(ctx, STATE);
    const before = await existingRow(ctx, id);
    const errors = new FieldErrors();
    const after = mergeUpdate(before, input, errors);
    errors.add(validatePartnershipRow(after, "input."));
    addReferenceErrors(errors, await partnershipReferenceErrors(ctx.dataSource.manager, [after], "input."));
    errors.throwIfAny();
    if (sameSnapshot(before, after)) {
      return ctx.dataSource.manager.findOneByOrFail(SaarlandSecurityPartnership, { id });
    }
    return storeChange(ctx, { before, after, action: HistoryAction.UPDATE, note }, editor);
  }

  @Mutation(() => SaarlandSecurityPartnership, {
    description: "Ends a partnership (SL editors only): status ENDED with the day it ended. The record is kept and stays queryable; records are never deleted.",
  })
  async endSaarlandPartnership(
    @Arg("id", () => ID) id: string,
    @Arg("endedOn", () => String, { description: "YYYY-MM-DD: not before the signing date, not in the future" }) endedOn: string,
    @Arg("sources", () => [SourceInput], { nullable: true, description: "Sources that report the end; added to the record's sources" }) sources: SourceInput[] | null,
    @Arg("note", () => String, { nullable: true, description: "Why the partnership ended; kept in its history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SaarlandSecurityPartnership> {
    const editor = requireEditor(ctx, STATE);
    const before = await existingRow(ctx, id);
    if (before.status === ParticipationStatus.ENDED) {
      throw new LaenderhubError(ErrorCode.CONFLICT, `${id} ended already on ${before.endedOn}`, { field: "id" });
    }
    const errors = new FieldErrors();
    const date = validateIsoDate(endedOn, "endedOn", { required: true, dayOnly: true, notInFuture: true });
    errors.add(date, date ? null : validateDateOrder(before.signedOn, endedOn, "endedOn", "the signing date"));
    if (sources) errors.add(validateSources(sources, "sources", { required: false }));
    errors.throwIfAny();
    const after: PartnershipRow = { ...before, status: ParticipationStatus.ENDED, endedOn, sources: attachSources(before.sources, sources ?? []).sources };
    return storeChange(ctx, { before, after, action: HistoryAction.END, note }, editor);
  }
}
