import type { DataSource, SelectQueryBuilder } from "typeorm";
import { z } from "zod";
import { badInput } from "../errors.js";
import { isValidIsoPrefix, toFuzzyDate } from "../schema/dates.js";
import type { Signatory, Source } from "../schema/value-types.js";
import { DatePrecision, PersonBasis } from "../vocabulary.js";
import { TALLY_TABLE, tallyIsCurrent, type TallySlice } from "./tally.js";
import type {
  ComparativeCursor,
  ComparativeFilter,
  ComparativeParticipationPage,
  ComparativeParticipationRow,
  ComparativeSummaryRow,
} from "./types.js";

/** Orders the contract knows; each maps to a text sort key that orders the same everywhere. */
export const COMPARATIVE_ORDERS = ["SIGNED_ON", "STATE", "MUNICIPALITY_NAME"] as const;
export type ComparativeOrder = (typeof COMPARATIVE_ORDERS)[number];
export const SORT_DIRECTIONS = ["ASC", "DESC"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];
export const COMPARATIVE_DIMENSIONS = [
  "STATE", "PROGRAMME", "YEAR", "QUARTER", "INSTRUMENT", "FIELD_OF_ACTION", "STATUS", "MUNICIPALITY", "SIGNED_ON", "ENDED_ON",
] as const;
export type ComparativeDimension = (typeof COMPARATIVE_DIMENSIONS)[number];

export const MAX_PAGE_SIZE = 500;

/** Unknown dates sort last in either direction: '~' is above every digit, '' below. */
function sortKeyExpression(order: ComparativeOrder, direction: SortDirection): string {
  const signed = direction === "ASC" ? "COALESCE(p.signed_on, '~')" : "COALESCE(p.signed_on, '')";
  switch (order) {
    case "SIGNED_ON":
      return signed;
    case "STATE":
      return `p.state || '|' || ${signed}`;
    case "MUNICIPALITY_NAME":
      return "p.municipality_sort_name";
  }
}

/**
 * Byte-order collation, so that the database, the cursor comparison and compare's k-way
 * merge (plain JavaScript string comparison) agree. SQLite's default (BINARY) already is.
 */
function collate(dataSource: DataSource, expression: string): string {
  return dataSource.options.type === "postgres" ? `(${expression}) COLLATE "C"` : expression;
}

function checkList(field: string, values: string[] | null | undefined, allowed?: readonly string[]): void {
  if (!values || !allowed) return;
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length) throw badInput(`filter.${field}`, `unknown value(s) ${bad.join(", ")}; expected one of ${allowed.join(", ")}`);
}

/** Applies a ComparativeFilter to a query over `cmp_participation p`. Empty lists match nothing. */
export function applyComparativeFilter<T extends object>(qb: SelectQueryBuilder<T>, filter: ComparativeFilter | null | undefined): SelectQueryBuilder<T> {
  if (!filter) return qb;
  const inList = (column: string, name: string, values: string[] | null | undefined) => {
    if (values == null) return;
    if (values.length === 0) qb.andWhere("1 = 0");
    else qb.andWhere(`${column} IN (:...${name})`, { [name]: values });
  };
  inList("p.id", "ids", filter.ids);
  inList("p.programme_id", "programmeIds", filter.programmeIds);
  inList("p.programme_kind", "programmeKinds", filter.programmeKinds);
  inList("p.instrument", "instruments", filter.instruments);
  inList("p.status", "statuses", filter.statuses);
  inList("p.municipality_id", "municipalityIds", filter.municipalityIds);
  for (const [name, op] of [["signedFrom", ">="], ["signedTo", "<="]] as const) {
    const bound = filter[name];
    if (bound == null) continue;
    if (!isValidIsoPrefix(bound)) throw badInput(`filter.${name}`, `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${bound}"`);
    // Compared on the known prefix: a date known only to the year is inside [2021-01, 2021-12]
    // bounds of the same year, and a participation with no known year never matches a bound.
    qb.andWhere(`p.signed_on IS NOT NULL AND substr(p.signed_on, 1, ${bound.length}) ${op} :${name}`, { [name]: bound });
  }
  if (filter.fieldsOfAction != null) {
    if (filter.fieldsOfAction.length === 0) qb.andWhere("1 = 0");
    else
      qb.andWhere(
        "EXISTS (SELECT 1 FROM cmp_participation_field f WHERE f.participation_id = p.id AND f.field IN (:...fieldsOfAction))",
        { fieldsOfAction: filter.fieldsOfAction },
      );
  }
  return qb;
}

/** Validates the enum-like values of a filter against the shared vocabulary. */
export function validateComparativeFilter(filter: ComparativeFilter | null | undefined, vocabulary: {
  programmeKinds: readonly string[]; instruments: readonly string[]; statuses: readonly string[]; fieldsOfAction: readonly string[];
}): void {
  if (!filter) return;
  checkList("programmeKinds", filter.programmeKinds, vocabulary.programmeKinds);
  checkList("instruments", filter.instruments, vocabulary.instruments);
  checkList("statuses", filter.statuses, vocabulary.statuses);
  checkList("fieldsOfAction", filter.fieldsOfAction, vocabulary.fieldsOfAction);
}

const jsonArray = <T>(text: unknown): T[] => {
  if (Array.isArray(text)) return text as T[];
  if (typeof text !== "string" || text === "") return [];
  return JSON.parse(text) as T[];
};

const sourceSchema = z.object({
  url: z.string(),
  publisher: z.string().nullish(),
  title: z.string().nullish(),
  publishedOn: z.string().nullish(),
});

/** Parses a JSON sources column into Source objects (missing optional members become null). */
export function parseSources(text: unknown): Source[] {
  return jsonArray<unknown>(text).map((raw) => {
    const s = sourceSchema.parse(raw);
    return { url: s.url, publisher: s.publisher ?? null, title: s.title ?? null, publishedOn: s.publishedOn ?? null };
  });
}

export const parseStrings = (text: unknown): string[] => jsonArray<string>(text);

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

interface ParticipationViewRow {
  id: string; typename: string; state: string; programme_id: string; programme_kind: string;
  municipality_id: string; municipality_name: string; instrument: string; instrument_label: string | null;
  signed_on: string | null; signed_precision: string; signed_note: string | null;
  signed_month: number | null; signed_day: number | null; status: string; ended_on: string | null;
  agreement_id: string; partners: string; sources: string; sort_key: string;
}

interface PersonViewRow {
  participation_id: string; name: string; role: string | null; organisation: string | null; party: string | null; basis: string;
}

const SIGNING_BASES = new Set<string>([PersonBasis.SIGNED, PersonBasis.CONCLUDED_BY, PersonBasis.IN_OFFICE, PersonBasis.ANNOUNCED_SIGNER]);

/**
 * One page of participations in the requested order after the cursor, with their fields of
 * action and people. Four statements whatever the page size: count, page, fields, people.
 */
export async function queryParticipationPage(
  dataSource: DataSource,
  args: { filter?: ComparativeFilter | null; orderBy: ComparativeOrder; direction: SortDirection; first: number; after?: ComparativeCursor | null },
): Promise<ComparativeParticipationPage> {
  const key = collate(dataSource, sortKeyExpression(args.orderBy, args.direction));
  const id = collate(dataSource, "p.id");
  const base = () => applyComparativeFilter(dataSource.createQueryBuilder().from("cmp_participation", "p"), args.filter);

  const countRow = (await tallyAnswers(dataSource, args.filter, []))
    ? await tallyQuery(dataSource, "ALL", args.filter).select("COALESCE(SUM(t.participations), 0)", "n").getRawOne<{ n: number | string }>()
    : await base().select("COUNT(*)", "n").getRawOne<{ n: number | string }>();
  const page = base().select("p.*").addSelect(sortKeyExpression(args.orderBy, args.direction), "sort_key");
  if (args.after) {
    const op = args.direction === "ASC" ? ">" : "<";
    // A row value, not `key > k OR (key = k AND id > i)`: both databases read it as one range
    // of the (sort key, id) index, where the OR became two lookups and a sort of their union.
    page.andWhere(`(${key}, ${id}) ${op} (:afterKey, :afterId)`, {
      afterKey: args.after.sortKey,
      afterId: args.after.id,
    });
  }
  const rows = await page.orderBy(key, args.direction).addOrderBy(id, args.direction).limit(args.first).getRawMany<ParticipationViewRow>();

  const ids = rows.map((r) => r.id);
  const fields = new Map<string, string[]>();
  const people = new Map<string, PersonViewRow[]>();
  if (ids.length) {
    const fieldRows = await dataSource
      .createQueryBuilder()
      .select(["f.participation_id AS participation_id", "f.field AS field"])
      .from("cmp_participation_field", "f")
      .where("f.participation_id IN (:...ids)", { ids })
      .orderBy("f.field")
      .getRawMany<{ participation_id: string; field: string }>();
    for (const r of fieldRows) fields.set(r.participation_id, [...(fields.get(r.participation_id) ?? []), r.field]);
    const personRows = await dataSource
      .createQueryBuilder()
      .select("x.*")
      .from("cmp_person", "x")
      .where("x.participation_id IN (:...ids)", { ids })
      .getRawMany<PersonViewRow>();
    for (const r of personRows) people.set(r.participation_id, [...(people.get(r.participation_id) ?? []), r]);
  }

  const toSignatory = (r: PersonViewRow): Signatory => ({
    name: r.name, role: r.role, organisation: r.organisation, party: r.party, basis: r.basis as PersonBasis,
  });
  return {
    totalCount: Number(countRow?.n ?? 0),
    rows: rows.map((r): ComparativeParticipationRow => {
      const persons = people.get(r.id) ?? [];
      return {
        id: r.id,
        typename: r.typename,
        state: r.state,
        programmeId: r.programme_id,
        programmeKind: r.programme_kind,
        municipalityId: r.municipality_id,
        municipalityName: r.municipality_name,
        instrument: r.instrument,
        instrumentLabel: r.instrument_label ?? null,
        agreementId: r.agreement_id,
        signedOn: toFuzzyDate(
          r.signed_on,
          r.signed_precision as DatePrecision,
          r.signed_note,
          r.signed_month != null && r.signed_day != null ? { month: Number(r.signed_month), day: Number(r.signed_day) } : null,
        ),
        status: r.status,
        endedOn: r.ended_on,
        partners: parseStrings(r.partners),
        fieldsOfAction: fields.get(r.id) ?? [],
        signatories: persons.filter((p) => SIGNING_BASES.has(p.basis)).map(toSignatory),
        present: persons.filter((p) => !SIGNING_BASES.has(p.basis)).map(toSignatory),
        sources: parseSources(r.sources),
        sortKey: r.sort_key,
      };
    }),
  };
}

const DIMENSION_SQL: Record<ComparativeDimension, { expression: string; alias: keyof ComparativeSummaryRow }> = {
  STATE: { expression: "p.state", alias: "state" },
  PROGRAMME: { expression: "p.programme_id", alias: "programmeId" },
  YEAR: { expression: "CASE WHEN p.signed_on IS NULL THEN NULL ELSE CAST(substr(p.signed_on, 1, 4) AS INTEGER) END", alias: "year" },
  QUARTER: {
    expression:
      "CASE WHEN length(p.signed_on) >= 7 THEN substr(p.signed_on, 1, 4) || '-Q' || CAST((CAST(substr(p.signed_on, 6, 2) AS INTEGER) + 2) / 3 AS TEXT) ELSE NULL END",
    alias: "quarter",
  },
  INSTRUMENT: { expression: "p.instrument", alias: "instrument" },
  FIELD_OF_ACTION: { expression: "f.field", alias: "fieldOfAction" },
  STATUS: { expression: "p.status", alias: "status" },
  MUNICIPALITY: { expression: "p.municipality_id", alias: "municipalityId" },
  // The raw ISO prefixes: compare needs them to decide which municipality provably took part on
  // a given day (coverage as of a date), which neither YEAR nor QUARTER can tell.
  SIGNED_ON: { expression: "p.signed_on", alias: "signedOn" },
  ENDED_ON: { expression: "p.ended_on", alias: "endedOn" },
};

/**
 * Aggregates participations with one SQL `GROUP BY` over the dimensions asked: one statement,
 * whatever the number of rows. Grouping by FIELD_OF_ACTION counts a participation once per
 * field it has (and once under null if it has none).
 */
export async function querySummary(
  dataSource: DataSource,
  args: { filter?: ComparativeFilter | null; groupBy: ComparativeDimension[] },
): Promise<ComparativeSummaryRow[]> {
  const dims = [...new Set(args.groupBy)];
  if (await tallyAnswers(dataSource, args.filter, dims)) return summaryFromTally(dataSource, args.filter, dims);
  const qb = applyComparativeFilter(dataSource.createQueryBuilder().from("cmp_participation", "p"), args.filter);
  if (dims.includes("FIELD_OF_ACTION")) qb.leftJoin("cmp_participation_field", "f", "f.participation_id = p.id");
  qb.select("COUNT(DISTINCT p.id)", "participations")
    .addSelect("COUNT(DISTINCT p.municipality_id)", "municipalities")
    .addSelect("COUNT(DISTINCT CASE WHEN p.signed_on IS NULL THEN p.id END)", "undated")
    .addSelect("MIN(p.signed_on)", "first_signed_on")
    .addSelect("MAX(p.signed_on)", "latest_signed_on");
  dims.forEach((d, i) => qb.addSelect(DIMENSION_SQL[d].expression, `d${i}`));
  // Positional GROUP BY / ORDER BY: portable between SQLite and PostgreSQL for expressions.
  const positions = dims.map((_, i) => String(6 + i));
  if (positions.length) {
    qb.groupBy(positions.join(", "));
    qb.orderBy(positions.join(", "));
  }
  return toSummaryRows(await qb.getRawMany<Record<string, unknown>>(), dims);
}

function toSummaryRows(raw: Record<string, unknown>[], dims: ComparativeDimension[]): ComparativeSummaryRow[] {
  return raw.map((r) => {
    const row: ComparativeSummaryRow = {
      state: null, programmeId: null, year: null, quarter: null, instrument: null, fieldOfAction: null,
      status: null, municipalityId: null, signedOn: null, endedOn: null,
      participations: Number(r.participations),
      municipalities: Number(r.municipalities),
      undatedParticipations: Number(r.undated),
      firstSignedOn: (r.first_signed_on as string | null) ?? null,
      latestSignedOn: (r.latest_signed_on as string | null) ?? null,
    };
    dims.forEach((d, i) => {
      const value = r[`d${i}`];
      (row as unknown as Record<string, unknown>)[DIMENSION_SQL[d].alias] = d === "YEAR" ? num(value) : ((value as string | null) ?? null);
    });
    return row;
  });
}

/** The tally slice that holds a set of dimensions; STATE and MUNICIPALITY are in every slice. */
function sliceFor(dims: readonly ComparativeDimension[]): TallySlice | null {
  const slices = new Set<TallySlice>();
  for (const d of dims) {
    if (d === "STATE" || d === "MUNICIPALITY") continue;
    // Raw dates have as many values as records: no tally could be smaller than the rows.
    if (d === "SIGNED_ON" || d === "ENDED_ON") return null;
    slices.add(d === "YEAR" || d === "QUARTER" ? "PERIOD" : d);
  }
  if (slices.size > 1) return null;
  return slices.size === 1 ? [...slices][0]! : "ALL";
}

/**
 * Whether the tally can give this answer: it groups by municipality and by one slice, so a
 * filter on anything but municipalities, or dimensions from two slices, go to the views.
 */
async function tallyAnswers(dataSource: DataSource, filter: ComparativeFilter | null | undefined, dims: readonly ComparativeDimension[]): Promise<boolean> {
  if (sliceFor(dims) === null) return false;
  if (filter) {
    const { municipalityIds, ...rest } = filter;
    if (Object.values(rest).some((v) => v != null)) return false;
    if (municipalityIds != null && municipalityIds.length === 0) return false;
  }
  return tallyIsCurrent(dataSource);
}

function tallyQuery(dataSource: DataSource, slice: TallySlice, filter: ComparativeFilter | null | undefined) {
  const qb = dataSource.createQueryBuilder().from(TALLY_TABLE, "t").where("t.slice = :slice", { slice });
  if (filter?.municipalityIds) qb.andWhere("t.municipality_id IN (:...municipalityIds)", { municipalityIds: filter.municipalityIds });
  return qb;
}

/** The tally's value column read as each dimension, with the same types as DIMENSION_SQL. */
const TALLY_DIMENSION_SQL: Record<Exclude<ComparativeDimension, "SIGNED_ON" | "ENDED_ON">, string> = {
  STATE: "t.state",
  PROGRAMME: "t.value",
  YEAR: "CASE WHEN t.value = '' THEN NULL ELSE CAST(substr(t.value, 1, 4) AS INTEGER) END",
  QUARTER: "CASE WHEN length(t.value) > 4 THEN t.value ELSE NULL END",
  INSTRUMENT: "t.value",
  FIELD_OF_ACTION: "CASE WHEN t.value = '' THEN NULL ELSE t.value END",
  STATUS: "t.value",
  MUNICIPALITY: "t.municipality_id",
};

/**
 * The summary from the tally: counts add up over its rows (each participation is in one value
 * of a slice and one municipality; a field-of-action row counts it once per field, as the
 * views' LEFT JOIN does), and a municipality is counted where it has a row.
 */
async function summaryFromTally(dataSource: DataSource, filter: ComparativeFilter | null | undefined, dims: ComparativeDimension[]): Promise<ComparativeSummaryRow[]> {
  const qb = tallyQuery(dataSource, sliceFor(dims)!, filter)
    .select("COALESCE(SUM(t.participations), 0)", "participations")
    .addSelect("COUNT(DISTINCT t.municipality_id)", "municipalities")
    .addSelect("COALESCE(SUM(t.undated), 0)", "undated")
    .addSelect("MIN(t.first_signed_on)", "first_signed_on")
    .addSelect("MAX(t.latest_signed_on)", "latest_signed_on");
  dims.forEach((d, i) => qb.addSelect(TALLY_DIMENSION_SQL[d as keyof typeof TALLY_DIMENSION_SQL], `d${i}`));
  const positions = dims.map((_, i) => String(6 + i));
  if (positions.length) {
    qb.groupBy(positions.join(", "));
    qb.orderBy(positions.join(", "));
  }
  return toSummaryRows(await qb.getRawMany<Record<string, unknown>>(), dims);
}
