import { In, type EntityManager } from "typeorm";
import { z } from "zod";
import {
  ActorType,
  ErrorCode,
  fieldError,
  PreventionBodyStatus,
  sortableName,
  StateCode,
  validateAgs,
  validateIsoDate,
  validateSources,
  validateText,
  type ColumnSpec,
  type FieldError,
  type Source,
} from "@laenderhub/shared";
import { SaarlandMunicipality, SaarlandPreventionBody } from "../entities/index.js";
import { checkOwnId } from "./ids.js";
import { chunks, expected, optionalText, precisionOf, requiredText, sourceList, sourceSchema } from "./common.js";
import type { IndexedFieldError } from "./partnership.row.js";

/** A prevention council or similar body, as a municipality row lists it. */
export interface PreventionBodyRow {
  id: string;
  name: string;
  /** The kind as an upper-case code (PREVENTION_COUNCIL, KPR, …). */
  kind: string;
  status: PreventionBodyStatus;
  /** Founding or status date: YYYY, YYYY-MM or YYYY-MM-DD. */
  dateOn: string | null;
  note: string | null;
  actorTypes: ActorType[];
  sources: Source[];
}

/** One entry of Saarland's municipality register as a file row, inline registration and audit snapshot. */
export interface MunicipalityRow {
  /** SL-M-<AGS>, or SL-M-<NAME> where no source confirms the AGS. */
  id: string;
  name: string;
  /** 8 digits starting with 10; null only where no source confirms it (never guessed). */
  ags: string | null;
  district: string | null;
  districtNote: string | null;
  type: string | null;
  agsNote: string | null;
  /** The sources the AGS was read from. */
  agsSources: Source[];
  /** Every source of the entry. */
  sources: Source[];
  preventionBodies: PreventionBodyRow[];
}

export const MUNICIPALITY_COLUMNS: readonly ColumnSpec[] = [
  { name: "id" },
  { name: "name" },
  { name: "ags" },
  { name: "district" },
  { name: "districtNote" },
  { name: "type" },
  { name: "agsNote" },
  { name: "agsSources", kind: "json" },
  { name: "sources", kind: "json" },
  { name: "preventionBodies", kind: "json" },
];

// Bodies sit in a JSON cell whose whole list is given, so a left-out key is simply absent there.
const nestedText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === "" ? null : v));

const preventionBodySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    status: z.enum(PreventionBodyStatus),
    dateOn: nestedText,
    note: nestedText,
    actorTypes: z
      .array(z.enum(ActorType))
      .nullish()
      .transform((v) => v ?? []),
    sources: z
      .array(sourceSchema)
      .nullish()
      .transform((v) => v ?? []),
  })
  .transform((b): PreventionBodyRow => ({ id: b.id, name: b.name, kind: b.kind, status: b.status, dateOn: b.dateOn, note: b.note, actorTypes: b.actorTypes, sources: b.sources }));

export const municipalityRowSchema: z.ZodType<MunicipalityRow> = z.strictObject({
  id: requiredText,
  name: requiredText,
  ags: optionalText,
  district: optionalText,
  districtNote: optionalText,
  type: optionalText,
  agsNote: optionalText,
  agsSources: sourceList,
  sources: sourceList,
  preventionBodies: z
    .array(preventionBodySchema, expected("a JSON list of prevention bodies"))
    .nullable()
    .transform((v) => v ?? []),
});

/**
 * The domain checks of one register entry: an AGS of 8 digits within Saarland (prefix 10) that
 * the id carries (SL-M-<AGS>) and a source it was read from; at least one source for the entry
 * and each prevention body; real dates (a planned body may be dated ahead).
 */
export function validateMunicipalityRow(row: MunicipalityRow, prefix = "", now?: Date): FieldError[] {
  const f = (name: string) => `${prefix}${name}`;
  const at = now ? { now } : {};
  const errors: Array<FieldError | null> = [checkOwnId(row.id, "municipality", f("id")), validateText(row.name, f("name")), validateAgs(row.ags, StateCode.SL, f("ags"))];
  const out: FieldError[] = errors.filter((e): e is FieldError => e !== null);
  if (row.ags !== null && !out.some((e) => e.field === f("ags")) && row.id !== `SL-M-${row.ags}`) {
    out.push(fieldError(f("id"), `the register id of AGS ${row.ags} is SL-M-${row.ags}, not ${row.id}`));
  }
  if (row.ags !== null) out.push(...validateSources(row.agsSources, f("agsSources"), at));
  else out.push(...validateSources(row.agsSources, f("agsSources"), { ...at, required: false }));
  out.push(...validateSources(row.sources, f("sources"), at));
  const seen = new Set<string>();
  row.preventionBodies.forEach((b, i) => {
    const g = (name: string) => f(`preventionBodies[${i}].${name}`);
    const checks = [
      checkOwnId(b.id, "preventionBody", g("id")),
      seen.has(b.id) ? fieldError(g("id"), `${b.id} appears twice`, ErrorCode.CONFLICT) : null,
      validateText(b.name, g("name")),
      /^[A-Z][A-Z0-9_]*$/.test(b.kind) ? null : fieldError(g("kind"), `${JSON.stringify(b.kind)} is not a kind code (upper case, e.g. PREVENTION_COUNCIL)`),
      validateIsoDate(b.dateOn, g("dateOn"), { notInFuture: b.status !== PreventionBodyStatus.PLANNED, ...at }),
    ];
    seen.add(b.id);
    out.push(...checks.filter((e): e is FieldError => e !== null), ...validateSources(b.sources, g("sources"), at));
  });
  return out;
}

/** Checks that no prevention body id of the rows belongs to another municipality already. Read-only. */
export async function municipalityReferenceErrors(manager: EntityManager, rows: readonly MunicipalityRow[], prefix = ""): Promise<IndexedFieldError[]> {
  const owner = new Map<string, string>();
  for (const ids of chunks([...new Set(rows.flatMap((r) => r.preventionBodies.map((b) => b.id)))])) {
    for (const b of await manager.getRepository(SaarlandPreventionBody).find({ select: { id: true, municipalityId: true }, where: { id: In(ids) } })) owner.set(b.id, b.municipalityId);
  }
  return rows.flatMap((row, index) =>
    row.preventionBodies.flatMap((b, i) => {
      const other = owner.get(b.id);
      return other !== undefined && other !== row.id
        ? [{ index, error: fieldError(`${prefix}preventionBodies[${i}].id`, `${b.id} already belongs to ${other}`, ErrorCode.CONFLICT) }]
        : [];
    }),
  );
}

function toBodyRow(b: SaarlandPreventionBody): PreventionBodyRow {
  return { id: b.id, name: b.name, kind: b.kind, status: b.status, dateOn: b.dateIso, note: b.note, actorTypes: b.actorTypes, sources: b.sources };
}

/** The row of a register entry with its prevention bodies (in position order). */
export function toMunicipalityRow(m: SaarlandMunicipality, bodies: readonly SaarlandPreventionBody[]): MunicipalityRow {
  return {
    id: m.id,
    name: m.name,
    ags: m.ags,
    district: m.district,
    districtNote: m.districtNote,
    type: m.type,
    agsNote: m.agsNote,
    agsSources: m.agsSources,
    sources: m.sources,
    preventionBodies: [...bodies].sort((a, b) => a.position - b.position).map(toBodyRow),
  };
}

/** The rows of register entries by id (all of them when `ids` is omitted): two statements per 500 ids. */
export async function loadMunicipalityRows(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, MunicipalityRow>> {
  const entries: SaarlandMunicipality[] = [];
  const bodies: SaarlandPreventionBody[] = [];
  const batches = ids === undefined ? [undefined] : chunks([...new Set(ids)]);
  for (const batch of batches) {
    if (batch !== undefined && batch.length === 0) continue;
    entries.push(...(await manager.getRepository(SaarlandMunicipality).find({ where: batch ? { id: In(batch) } : {}, order: { id: "ASC" } })));
    bodies.push(...(await manager.getRepository(SaarlandPreventionBody).find({ where: batch ? { municipalityId: In(batch) } : {}, order: { municipalityId: "ASC", position: "ASC" } })));
  }
  const bodiesOf = new Map<string, SaarlandPreventionBody[]>();
  for (const b of bodies) bodiesOf.set(b.municipalityId, [...(bodiesOf.get(b.municipalityId) ?? []), b]);
  return new Map(entries.map((m) => [m.id, toMunicipalityRow(m, bodiesOf.get(m.id) ?? [])]));
}

/** Stores a register entry (insert or update) with its sort name and its prevention bodies in row order. */
export async function writeMunicipality(manager: EntityManager, row: MunicipalityRow, options: { exists: boolean }): Promise<MunicipalityRow> {
  const record = {
    name: row.name,
    sortName: sortableName(row.name),
    ags: row.ags,
    district: row.district,
    districtNote: row.districtNote,
    type: row.type,
    agsNote: row.agsNote,
    agsSources: row.agsSources,
    sources: row.sources,
  };
  if (options.exists) await manager.update(SaarlandMunicipality, { id: row.id }, record);
  else await manager.insert(SaarlandMunicipality, { id: row.id, ...record });
  // The bodies are part of the entry: the row's list replaces the stored one, in its order.
  await manager.delete(SaarlandPreventionBody, { municipalityId: row.id });
  if (row.preventionBodies.length > 0) {
    await manager.insert(
      SaarlandPreventionBody,
      row.preventionBodies.map((b, i) => ({
        id: b.id,
        municipalityId: row.id,
        position: i + 1,
        name: b.name,
        kind: b.kind,
        status: b.status,
        dateIso: b.dateOn,
        datePrecision: precisionOf(b.dateOn),
        note: b.note,
        actorTypes: b.actorTypes,
        sources: b.sources,
      })),
    );
  }
  return row;
}
