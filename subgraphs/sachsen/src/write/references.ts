import { ErrorCode, fieldError, type FieldError } from "@laenderhub/shared";
import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { MembershipEntity, MunicipalityEntity, ProgrammeEntity } from "../entities/index.js";
import { AsskommStage } from "../schema/stage.js";
import type { EventRecord, GemeindeRecord, IndicatorRecord, MembershipRecord } from "./records.js";

/*
 * Checks against the database, read-only and batched: a whole import file costs a handful of
 * statements, and a mutation runs the same code with one record. Each error carries the index
 * of the record it belongs to, so an import can name the line and a mutation the input field.
 */

/** A field error of the record at `index` of the checked list. */
export interface IndexedFieldError {
  index: number;
  error: FieldError;
}

const at = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);
const CHUNK = 500;

async function existingIds<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, ids: Iterable<string | null>, column = "id"): Promise<Set<string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === "string" && id !== ""))];
  const found = new Set<string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await manager.getRepository(entity).find({ select: { [column]: true } as never, where: { [column]: In(wanted.slice(i, i + CHUNK)) } as never });
    for (const row of rows) found.add(String((row as Record<string, unknown>)[column]));
  }
  return found;
}

async function membershipsByIds(manager: EntityManager, ids: Iterable<string>, column: "id" | "preAgreementId" = "id"): Promise<MembershipEntity[]> {
  const wanted = [...new Set(ids)];
  const rows: MembershipEntity[] = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    rows.push(
      ...(await manager.getRepository(MembershipEntity).find({
        select: { id: true, stage: true, municipalityId: true, preAgreementId: true },
        where: { [column]: In(wanted.slice(i, i + CHUNK)) },
      })),
    );
  }
  return rows;
}

export interface MembershipReferenceOptions {
  /** Field prefix (`input` in a mutation, "" in an import file). */
  prefix?: string;
  /** Municipalities registered in the same write, which the database does not hold yet. */
  newMunicipalityIds?: ReadonlySet<string>;
}

/**
 * Checks what memberships reference: the programme and the municipality exist; a
 * Vorvereinbarung exists (in the database or earlier in the same list), is one, and is the
 * same municipality's; and a Vorvereinbarung that a Kooperationsvereinbarung follows keeps
 * its stage and municipality.
 */
export async function checkMembershipReferences(manager: EntityManager, records: readonly MembershipRecord[], options: MembershipReferenceOptions = {}): Promise<IndexedFieldError[]> {
  const prefix = options.prefix ?? "";
  const errors: IndexedFieldError[] = [];
  const add = (index: number, name: string, message: string) => errors.push({ index, error: fieldError(at(prefix, name), message) });

  const programmes = await existingIds(manager, ProgrammeEntity, records.map((r) => r.programmeId));
  const municipalities = await existingIds(
    manager,
    MunicipalityEntity,
    records.map((r) => r.municipalityId).filter((id) => !options.newMunicipalityIds?.has(id)),
  );
  const positions = new Map(records.map((r, i) => [r.id, i]));
  const preIds = records.map((r) => r.preAgreementId).filter((id): id is string => id !== null);
  const storedPre = new Map((await membershipsByIds(manager, preIds)).map((m) => [m.id, m]));

  records.forEach((r, i) => {
    if (!programmes.has(r.programmeId)) add(i, "programmeId", `programme ${r.programmeId} does not exist`);
    if (!options.newMunicipalityIds?.has(r.municipalityId) && !municipalities.has(r.municipalityId)) {
      add(i, "municipalityId", `municipality ${r.municipalityId} does not exist; register it first (newMunicipality, or an import of municipalities)`);
    }
    if (r.preAgreementId === null) return;
    const inList = positions.get(r.preAgreementId);
    if (inList !== undefined && inList > i) {
      add(i, "preAgreementId", `${r.preAgreementId} comes later in the file; put the Vorvereinbarung first`);
      return;
    }
    const pre = inList !== undefined ? records[inList]! : storedPre.get(r.preAgreementId);
    if (!pre) add(i, "preAgreementId", `membership ${r.preAgreementId} does not exist`);
    else if (pre.stage !== AsskommStage.PRE_AGREEMENT) add(i, "preAgreementId", `${r.preAgreementId} is not a Vorvereinbarung (its stage is ${pre.stage})`);
    else if (pre.municipalityId !== r.municipalityId) add(i, "preAgreementId", `${r.preAgreementId} is the Vorvereinbarung of ${pre.municipalityId}, not of ${r.municipalityId}`);
  });

  // A stored Kooperationsvereinbarung that follows one of these records must keep pointing at a
  // Vorvereinbarung of its own municipality, unless the same list changes it as well.
  const followers = await membershipsByIds(manager, records.map((r) => r.id), "preAgreementId");
  for (const follower of followers) {
    const listed = positions.get(follower.id);
    const current = listed !== undefined ? records[listed]! : follower;
    if (current.preAgreementId === null) continue;
    const index = positions.get(current.preAgreementId);
    if (index === undefined) continue;
    const pre = records[index]!;
    if (pre.stage !== AsskommStage.PRE_AGREEMENT) {
      add(index, "stage", `${follower.id} follows this Vorvereinbarung, so its stage stays PRE_AGREEMENT`);
    } else if (pre.municipalityId !== current.municipalityId) {
      add(index, "municipalityId", `${follower.id} follows this Vorvereinbarung, so it stays with ${current.municipalityId}`);
    }
  }
  return errors;
}

/** Checks that events' programme and related memberships exist. */
export async function checkEventReferences(manager: EntityManager, records: readonly EventRecord[], prefix = ""): Promise<IndexedFieldError[]> {
  const programmes = await existingIds(manager, ProgrammeEntity, records.map((r) => r.programmeId));
  const memberships = await existingIds(manager, MembershipEntity, records.flatMap((r) => r.relatedIds));
  return records.flatMap((r, index) => [
    ...(programmes.has(r.programmeId) ? [] : [{ index, error: fieldError(at(prefix, "programmeId"), `programme ${r.programmeId} does not exist`) }]),
    ...r.relatedIds.flatMap((id, j) =>
      memberships.has(id) ? [] : [{ index, error: fieldError(`${at(prefix, "relatedIds")}[${j}]`, `membership ${id} does not exist`) }],
    ),
  ]);
}

/** Checks that figures' programme exists. */
export async function checkIndicatorReferences(manager: EntityManager, records: readonly IndicatorRecord[], prefix = ""): Promise<IndexedFieldError[]> {
  const programmes = await existingIds(manager, ProgrammeEntity, records.map((r) => r.programmeId));
  return records.flatMap((r, index) => (programmes.has(r.programmeId) ? [] : [{ index, error: fieldError(at(prefix, "programmeId"), `programme ${r.programmeId} does not exist`) }]));
}

/**
 * Checks that no two municipalities share an AGS: neither within the list nor with another
 * municipality already registered (the AGS is unique in the register).
 */
export async function checkGemeindeReferences(manager: EntityManager, records: readonly GemeindeRecord[], prefix = ""): Promise<IndexedFieldError[]> {
  const withAgs = records.filter((r) => r.ags !== null);
  const holders = new Map<string, string>();
  const agsList = withAgs.map((r) => r.ags!);
  for (let i = 0; i < agsList.length; i += CHUNK) {
    const rows = await manager.getRepository(MunicipalityEntity).find({ select: { id: true, ags: true }, where: { ags: In(agsList.slice(i, i + CHUNK)) } });
    for (const row of rows) holders.set(row.ags!, row.id);
  }
  const firstInList = new Map<string, string>();
  const errors: IndexedFieldError[] = [];
  records.forEach((r, index) => {
    if (r.ags === null) return;
    const stored = holders.get(r.ags);
    const earlier = firstInList.get(r.ags);
    const ags = at(prefix, "ags");
    if (earlier !== undefined) errors.push({ index, error: fieldError(ags, `AGS ${r.ags} is given to ${earlier} as well`, ErrorCode.CONFLICT) });
    else if (stored !== undefined && stored !== r.id) errors.push({ index, error: fieldError(ags, `AGS ${r.ags} belongs to ${stored} already`, ErrorCode.CONFLICT) });
    firstInList.set(r.ags, r.id);
  });
  return errors;
}
