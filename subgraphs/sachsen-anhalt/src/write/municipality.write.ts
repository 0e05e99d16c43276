import { ErrorCode, fieldError, sortableName, StateCode, validateAgs, validateText, type FieldError, type Source, type SourceLike } from "@laenderhub/shared";
import { In, type EntityManager } from "typeorm";
import { z } from "zod";
import { SachsenAnhaltMunicipality } from "../entities/index.js";
import { at, findIn, given, optionalText, sourceList, sourcesCell, textCell, validateId, validateRecordSources, type Draft } from "./common.js";

/** Ids of municipalities: `ST-M-<AGS>` (or `ST-M-<NAME>` where the id was fixed without the AGS). */
export const MUNICIPALITY_ID_PREFIX = "ST-M-";

/** A municipality of the state's register, in the shape of import rows and audit snapshots. */
export interface MunicipalityRecord {
  id: string;
  name: string;
  ags: string | null;
  landkreis: string | null;
  landkreisNote: string | null;
  type: string | null;
  agsNote: string | null;
  /** The sources the AGS was read from; required where there is an AGS (it is never guessed). */
  agsSources: Source[];
  /** Every source on the municipality (AGS sources first). */
  sources: Source[];
}

export type MunicipalityPatch = Partial<Draft<MunicipalityRecord>>;

/** The loose input shape of a municipality patch. */
export interface MunicipalityPatchInput {
  id?: string | null;
  name?: string | null;
  ags?: string | null;
  landkreis?: string | null;
  landkreisNote?: string | null;
  type?: string | null;
  agsNote?: string | null;
  agsSources?: readonly SourceLike[] | null;
  sources?: readonly SourceLike[] | null;
}

/** The fields a mutation gives to register a municipality together with a partnership. */
export interface NewMunicipalityInput {
  ags: string;
  name: string;
  type?: string | null;
  landkreis?: string | null;
  landkreisNote?: string | null;
  agsNote?: string | null;
  sources: readonly SourceLike[];
}

export function normalizeMunicipalityPatch(input: MunicipalityPatchInput): MunicipalityPatch {
  return given({
    id: input.id,
    name: optionalText(input.name),
    ags: optionalText(input.ags),
    landkreis: optionalText(input.landkreis),
    landkreisNote: optionalText(input.landkreisNote),
    type: optionalText(input.type),
    agsNote: optionalText(input.agsNote),
    agsSources: sourceList(input.agsSources),
    sources: sourceList(input.sources),
  });
}

/** The municipality a mutation registers inline: id `ST-M-<AGS>`, its sources back the AGS. */
export function newMunicipalityRecord(input: NewMunicipalityInput): Draft<MunicipalityRecord> {
  const patch = normalizeMunicipalityPatch({ ...input, agsSources: input.sources });
  return completeMunicipality({ ...patch, id: patch.ags ? `${MUNICIPALITY_ID_PREFIX}${patch.ags}` : null }, null);
}

export function completeMunicipality(patch: MunicipalityPatch, existing: MunicipalityRecord | null): Draft<MunicipalityRecord> {
  const base: Draft<MunicipalityRecord> = existing ?? {
    id: null,
    name: null,
    ags: null,
    landkreis: null,
    landkreisNote: null,
    type: null,
    agsNote: null,
    agsSources: [],
    sources: [],
  };
  return { ...base, ...patch, id: existing?.id ?? patch.id ?? null };
}

/**
 * Checks a whole municipality: its id, a name, an AGS of 8 digits that starts with 15 and
 * agrees with an AGS-based id, at least one source for the AGS (never guessed) and at least
 * one source overall. `typeRequired`: a mutation registering one must name its type.
 */
export function validateMunicipalityRecord(record: Draft<MunicipalityRecord>, prefix: string, options: { agsRequired?: boolean; typeRequired?: boolean } = {}): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null> = [];
  const agsError = validateAgs(record.ags, StateCode.ST, f("ags"));
  errors.push(agsError);
  if (options.agsRequired && !record.ags) errors.push(fieldError(f("ags"), "an AGS is required to register a municipality (its id is ST-M-<AGS>)"));
  // The id follows from the AGS for a new municipality: report the AGS, not a derived id.
  if (!options.agsRequired || record.ags) errors.push(agsError ? null : validateId(record.id, MUNICIPALITY_ID_PREFIX, "ST-M-15003000", f("id")));
  const idKey = record.id?.slice(MUNICIPALITY_ID_PREFIX.length) ?? "";
  if (!agsError && record.ags && /^\d{8}$/.test(idKey) && idKey !== record.ags) {
    errors.push(fieldError(f("ags"), `the id ${record.id} names another AGS than ${record.ags}`));
  }
  errors.push(validateText(record.name, f("name")));
  if (options.typeRequired) errors.push(validateText(record.type, f("type")));
  // Inline, the one `sources` list backs the AGS too.
  errors.push(...validateRecordSources(record.agsSources, f(options.agsRequired ? "sources" : "agsSources"), record.ags !== null));
  if (!options.agsRequired) errors.push(...validateRecordSources(record.sources, f("sources")));
  return errors.filter((e): e is FieldError => e !== null);
}

/**
 * Checks that no other municipality holds the AGS of these (the register keeps one id per
 * AGS): a CONFLICT naming the id that holds it. One statement.
 */
export async function checkAgsConflicts(manager: EntityManager, records: readonly Draft<MunicipalityRecord>[], fieldOf: (index: number) => string): Promise<FieldError[]> {
  const wanted = records.map((r) => r.ags).filter((a): a is string => !!a);
  if (wanted.length === 0) return [];
  const holders = await manager.getRepository(SachsenAnhaltMunicipality).find({ select: { id: true, ags: true }, where: { ags: In([...new Set(wanted)]) } });
  const holderOf = new Map(holders.map((m) => [m.ags!, m.id]));
  return records.flatMap((r, i) => {
    const holder = r.ags ? holderOf.get(r.ags) : undefined;
    return holder && holder !== r.id
      ? [fieldError(fieldOf(i), `AGS ${r.ags} is already registered as ${holder}; refer to that municipality instead`, ErrorCode.CONFLICT)]
      : [];
  });
}

function toRecord(m: SachsenAnhaltMunicipality): MunicipalityRecord {
  return {
    id: m.id,
    name: m.name,
    ags: m.ags,
    landkreis: m.landkreis,
    landkreisNote: m.landkreisNote,
    type: m.type,
    agsNote: m.agsNote,
    agsSources: m.agsSources,
    sources: m.sources,
  };
}

/** Loads municipalities in their write-path shape, all of them (by id) when `ids` is omitted. */
export async function loadMunicipalityRecords(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, MunicipalityRecord>> {
  const rows = ids === undefined ? await manager.getRepository(SachsenAnhaltMunicipality).find({ order: { id: "ASC" } }) : await findIn(manager, SachsenAnhaltMunicipality, "id", ids);
  return new Map(rows.map((m) => [m.id, toRecord(m)]));
}

/** Writes a municipality with its sort name, which the contract views order by. */
export async function storeMunicipality(manager: EntityManager, record: MunicipalityRecord, existed: boolean): Promise<void> {
  const { id, ...rest } = record;
  const columns = { ...rest, sortName: sortableName(record.name) };
  if (existed) await manager.update(SachsenAnhaltMunicipality, { id }, columns);
  else await manager.insert(SachsenAnhaltMunicipality, { id, ...columns });
}

/** One row of a municipality import file. */
export const municipalityRowSchema = z
  .strictObject({
    id: z.string(),
    name: textCell,
    ags: textCell,
    landkreis: textCell,
    landkreisNote: textCell,
    type: textCell,
    agsNote: textCell,
    agsSources: sourcesCell,
    sources: sourcesCell,
  })
  .transform((row) => normalizeMunicipalityPatch(row) as MunicipalityPatch & { id: string });

export type MunicipalityRow = z.output<typeof municipalityRowSchema>;
