import {
  fieldError,
  IndicatorQualifier,
  isValidIsoPrefix,
  normalizeSource,
  ProgrammeKind,
  validateEnum,
  validateIsoDate,
  validateText,
  type FieldError,
  type Source,
} from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import { z } from "zod";
import { SachsenAnhaltProgramme } from "../entities/index.js";
import type { SachsenAnhaltFundingStatementRecord } from "../schema/funding-statement.type.js";
import { at, findIn, given, list, optionalText, precisionOf, sourceList, sourcesCell, textCell, textListCell, validateId, validateRecordSources, validateTexts, type Draft } from "./common.js";

/**
 * The programme row in the shape of import rows and audit snapshots. Its joint declarations,
 * strategic lines, prevention bodies and the Landespräventionsrat are seed data and not part
 * of it. The start's precision follows from `startOn`.
 */
export interface ProgrammeRecord {
  id: string;
  name: string;
  shortName: string;
  kind: string;
  kindDescription: string;
  responsibleMinistry: string;
  coordinatingBody: string;
  coordinatingBodySources: Source[];
  startOn: string | null;
  startPeriod: string | null;
  startNote: string | null;
  fundingStatements: SachsenAnhaltFundingStatementRecord[];
  fundingNote: string | null;
  fundingNoteSources: Source[];
  fieldsOfActionSources: Source[];
  participationCountRecorded: number;
  notes: string[];
  offers: string[];
  offersSources: Source[];
  sources: Source[];
}

export type ProgrammePatch = Partial<Draft<ProgrammeRecord>>;

const fundingStatementCell = z.strictObject({
  amountEur: z.number(),
  qualifier: z.string(),
  period: z.string().nullish(),
  statementIso: z.string().nullish(),
  description: z.string().nullish(),
  sources: sourcesCell,
});

/** One row of a programme import file. */
export const programmeRowSchema = z
  .strictObject({
    id: z.string(),
    name: textCell,
    shortName: textCell,
    kind: textCell,
    kindDescription: textCell,
    responsibleMinistry: textCell,
    coordinatingBody: textCell,
    coordinatingBodySources: sourcesCell,
    startOn: textCell,
    startPeriod: textCell,
    startNote: textCell,
    fundingStatements: z.array(fundingStatementCell).nullish(),
    fundingNote: textCell,
    fundingNoteSources: sourcesCell,
    fieldsOfActionSources: sourcesCell,
    participationCountRecorded: z.number().int().nullish(),
    notes: textListCell,
    offers: textListCell,
    offersSources: sourcesCell,
    sources: sourcesCell,
  })
  .transform(
    (row) =>
      given({
        id: row.id,
        name: optionalText(row.name),
        shortName: optionalText(row.shortName),
        kind: optionalText(row.kind),
        kindDescription: optionalText(row.kindDescription),
        responsibleMinistry: optionalText(row.responsibleMinistry),
        coordinatingBody: optionalText(row.coordinatingBody),
        coordinatingBodySources: sourceList(row.coordinatingBodySources),
        startOn: optionalText(row.startOn),
        startPeriod: optionalText(row.startPeriod),
        startNote: optionalText(row.startNote),
        fundingStatements:
          row.fundingStatements === undefined
            ? undefined
            : (row.fundingStatements ?? []).map((s) => ({
                amountEur: s.amountEur,
                qualifier: s.qualifier as IndicatorQualifier,
                period: optionalText(s.period) ?? null,
                statementIso: optionalText(s.statementIso) ?? null,
                description: optionalText(s.description) ?? null,
                sources: (s.sources ?? []).map(normalizeSource),
              })),
        fundingNote: optionalText(row.fundingNote),
        fundingNoteSources: sourceList(row.fundingNoteSources),
        fieldsOfActionSources: sourceList(row.fieldsOfActionSources),
        participationCountRecorded: row.participationCountRecorded,
        notes: list(row.notes),
        offers: list(row.offers),
        offersSources: sourceList(row.offersSources),
        sources: sourceList(row.sources),
      }) as ProgrammePatch & { id: string },
  );

export type ProgrammeRow = z.output<typeof programmeRowSchema>;

export function completeProgramme(patch: ProgrammePatch, existing: ProgrammeRecord | null): Draft<ProgrammeRecord> {
  const base: Draft<ProgrammeRecord> = existing ?? {
    id: null,
    name: null,
    shortName: null,
    kind: null,
    kindDescription: null,
    responsibleMinistry: null,
    coordinatingBody: null,
    coordinatingBodySources: [],
    startOn: null,
    startPeriod: null,
    startNote: null,
    fundingStatements: [],
    fundingNote: null,
    fundingNoteSources: [],
    fieldsOfActionSources: [],
    participationCountRecorded: 0,
    notes: [],
    offers: [],
    offersSources: [],
    sources: [],
  };
  return { ...base, ...patch, id: existing?.id ?? patch.id ?? null };
}

/**
 * Checks a whole programme: id, texts, kind, a real start date, the count, and a source for
 * every statement (coordinating body, fields of action, funding note, offers, each funding
 * statement, the programme itself).
 */
export function validateProgrammeRecord(record: Draft<ProgrammeRecord>, prefix: string): FieldError[] {
  const f = (name: string) => at(prefix, name);
  const errors: Array<FieldError | null> = [validateId(record.id, "ST-PRG-", "ST-PRG-SIPA", f("id"))];
  for (const name of ["name", "shortName", "kindDescription", "responsibleMinistry", "coordinatingBody"] as const) errors.push(validateText(record[name], f(name)));
  errors.push(validateEnum(record.kind, ProgrammeKind, f("kind")));
  errors.push(validateIsoDate(record.startOn, f("startOn")));
  const count = record.participationCountRecorded;
  if (count === null || !Number.isInteger(count) || count < 0) errors.push(fieldError(f("participationCountRecorded"), "a count that is not negative is required"));
  (record.fundingStatements ?? []).forEach((s, i) => {
    const g = `${f("fundingStatements")}[${i}]`;
    if (!Number.isFinite(s.amountEur) || s.amountEur < 0) errors.push(fieldError(`${g}.amountEur`, "an amount in euro that is not negative is required"));
    errors.push(validateEnum(s.qualifier, IndicatorQualifier, `${g}.qualifier`));
    errors.push(validateIsoDate(s.statementIso, `${g}.statementIso`, { notInFuture: true }));
    errors.push(...validateRecordSources(s.sources, `${g}.sources`));
  });
  return [
    ...errors,
    ...validateTexts(record.notes, f("notes")),
    ...validateTexts(record.offers, f("offers")),
    ...validateRecordSources(record.coordinatingBodySources, f("coordinatingBodySources")),
    ...validateRecordSources(record.fieldsOfActionSources, f("fieldsOfActionSources")),
    ...validateRecordSources(record.fundingNoteSources, f("fundingNoteSources"), record.fundingNote !== null),
    ...validateRecordSources(record.offersSources, f("offersSources"), (record.offers ?? []).length > 0),
    ...validateRecordSources(record.sources, f("sources")),
  ].filter((e): e is FieldError => e !== null);
}

function toRecord(p: SachsenAnhaltProgramme): ProgrammeRecord {
  return {
    id: p.id,
    name: p.name,
    shortName: p.shortName,
    kind: p.kind,
    kindDescription: p.kindDescription,
    responsibleMinistry: p.responsibleMinistry,
    coordinatingBody: p.coordinatingBody,
    coordinatingBodySources: p.coordinatingBodySources,
    startOn: p.startIso,
    startPeriod: p.startPeriod,
    startNote: p.startNote,
    fundingStatements: p.fundingStatements,
    fundingNote: p.fundingNote,
    fundingNoteSources: p.fundingNoteSources,
    fieldsOfActionSources: p.fieldsOfActionSources,
    participationCountRecorded: p.participationCountRecorded,
    notes: p.notes,
    offers: p.offers,
    offersSources: p.offersSources,
    sources: p.sources,
  };
}

/** Loads programmes in their write-path shape, all of them (by id) when `ids` is omitted. */
export async function loadProgrammeRecords(manager: EntityManager, ids?: readonly string[]): Promise<Map<string, ProgrammeRecord>> {
  const rows = ids === undefined ? await manager.getRepository(SachsenAnhaltProgramme).find({ order: { id: "ASC" } }) : await findIn(manager, SachsenAnhaltProgramme, "id", ids);
  return new Map(rows.map((p) => [p.id, toRecord(p)]));
}

/** Writes a programme row with the precision of its start date. */
export async function storeProgramme(manager: EntityManager, r: ProgrammeRecord, existed: boolean): Promise<void> {
  const { id, startOn, ...rest } = r;
  const columns = {
    ...rest,
    kind: r.kind as ProgrammeKind,
    startIso: startOn,
    startPrecision: precisionOf(startOn !== null && isValidIsoPrefix(startOn) ? startOn : null),
  };
  if (existed) await manager.update(SachsenAnhaltProgramme, { id }, columns);
  else await manager.insert(SachsenAnhaltProgramme, { id, ...columns });
}
