import { Arg, Ctx, Directive, ID, Int, Query, Resolver } from "type-graphql";
import { badInput } from "../errors.js";
import { isValidIsoPrefix, toFuzzyDate } from "../schema/dates.js";
import type { BaseContext } from "../server/subgraph.js";
import { DatePrecision, FieldOfAction, Instrument, ParticipationStatus, ProgrammeKind } from "../vocabulary.js";
import {
  COMPARATIVE_DIMENSIONS,
  COMPARATIVE_ORDERS,
  MAX_PAGE_SIZE,
  SORT_DIRECTIONS,
  parseSources,
  parseStrings,
  queryParticipationPage,
  querySummary,
  validateComparativeFilter,
  type ComparativeDimension,
  type ComparativeOrder,
  type SortDirection,
} from "./sql.js";
import {
  ComparativeCursor,
  ComparativeEventFilter,
  ComparativeEventRow,
  ComparativeFilter,
  ComparativeIndicatorRow,
  ComparativeMunicipalityRow,
  ComparativeParticipationPage,
  ComparativePersonRow,
  ComparativePreventionBodyRow,
  ComparativeProgrammeRow,
  ComparativeSummaryRow,
} from "./types.js";

const VOCABULARY = {
  programmeKinds: Object.values(ProgrammeKind),
  instruments: Object.values(Instrument),
  statuses: Object.values(ParticipationStatus),
  fieldsOfAction: Object.values(FieldOfAction),
};

function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw badInput(field, `${field} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

function inList(column: string, values: string[] | null | undefined, params: unknown[], placeholder: (i: number) => string): string | null {
  if (values == null) return null;
  if (values.length === 0) return "1 = 0";
  const marks = values.map((v) => {
    params.push(v);
    return placeholder(params.length);
  });
  return `${column} IN (${marks.join(", ")})`;
}

/**
 * The comparative contract (CONTRACT.md), implemented once over the `cmp_*` views that each
 * state subgraph creates in a migration. Add this class to a state subgraph's resolvers.
 * Every root field is `@shareable` (all states define it) and `@inaccessible` (compare calls it
 * directly; the public API never shows it).
 */
@Resolver()
export class ComparativeContractResolver {
  @Query(() => ComparativeParticipationPage, { description: "Contract: a page of participations in a total order" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeParticipations(
    @Ctx() ctx: BaseContext,
    @Arg("filter", () => ComparativeFilter, { nullable: true }) filter: ComparativeFilter | null,
    @Arg("orderBy", () => String, { defaultValue: "SIGNED_ON" }) orderBy: string,
    @Arg("direction", () => String, { defaultValue: "ASC" }) direction: string,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("after", () => ComparativeCursor, { nullable: true }) after: ComparativeCursor | null,
  ): Promise<ComparativeParticipationPage> {
    validateComparativeFilter(filter, VOCABULARY);
    if (first < 0 || first > MAX_PAGE_SIZE) throw badInput("first", `first must be between 0 and ${MAX_PAGE_SIZE}`);
    return queryParticipationPage(ctx.dataSource, {
      filter,
      orderBy: oneOf<ComparativeOrder>("orderBy", orderBy, COMPARATIVE_ORDERS),
      direction: oneOf<SortDirection>("direction", direction, SORT_DIRECTIONS),
      first,
      after,
    });
  }

  @Query(() => [ComparativeSummaryRow], { description: "Contract: participations aggregated with SQL GROUP BY" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeSummary(
    @Ctx() ctx: BaseContext,
    @Arg("filter", () => ComparativeFilter, { nullable: true }) filter: ComparativeFilter | null,
    @Arg("groupBy", () => [String]) groupBy: string[],
  ): Promise<ComparativeSummaryRow[]> {
    validateComparativeFilter(filter, VOCABULARY);
    const dims = groupBy.map((d) => oneOf<ComparativeDimension>("groupBy", d, COMPARATIVE_DIMENSIONS));
    return querySummary(ctx.dataSource, { filter, groupBy: dims });
  }

  @Query(() => [ComparativePersonRow], { description: "Contract: people tied to participations" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativePeople(
    @Ctx() ctx: BaseContext,
    @Arg("search", () => String, { nullable: true }) search: string | null,
    @Arg("first", () => Int, { defaultValue: 1000 }) first: number,
  ): Promise<ComparativePersonRow[]> {
    if (first < 0 || first > 10_000) throw badInput("first", "first must be between 0 and 10000");
    const qb = ctx.dataSource
      .createQueryBuilder()
      .select(["x.name AS name", "x.role AS role", "x.organisation AS organisation", "x.party AS party", "x.basis AS basis"])
      .addSelect(["p.id AS participation_id", "p.typename AS typename", "p.state AS state", "p.agreement_id AS agreement_id"])
      .addSelect(["p.municipality_id AS municipality_id", "p.municipality_name AS municipality_name", "p.signed_on AS signed_on"])
      .from("cmp_person", "x")
      .innerJoin("cmp_participation", "p", "p.id = x.participation_id");
    if (search) qb.where("lower(x.name) LIKE :search", { search: `%${search.toLowerCase()}%` });
    const rows = await qb.orderBy("x.name").addOrderBy("p.id").limit(first).getRawMany<Record<string, string | null>>();
    return rows.map((r) => ({
      name: r.name!, role: r.role ?? null, organisation: r.organisation ?? null, party: r.party ?? null, basis: r.basis!,
      participationId: r.participation_id!, typename: r.typename!, state: r.state!, agreementId: r.agreement_id!,
      municipalityId: r.municipality_id!, municipalityName: r.municipality_name!, signedOn: r.signed_on ?? null,
    }));
  }

  @Query(() => [ComparativeProgrammeRow], { description: "Contract: the state's programmes" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeProgrammes(@Ctx() ctx: BaseContext): Promise<ComparativeProgrammeRow[]> {
    const rows = await ctx.dataSource.query(`SELECT * FROM cmp_programme ORDER BY id`);
    return (rows as Record<string, string | null>[]).map((r) => ({
      id: r.id!, state: r.state!, name: r.name!, shortName: r.short_name!, kind: r.kind!,
      responsibleMinistry: r.responsible_ministry ?? null, coordinatingBody: r.coordinating_body ?? null,
      startOn: toFuzzyDate(r.start_on ?? null, (r.start_precision ?? DatePrecision.UNKNOWN) as DatePrecision, r.start_note ?? null),
      sources: parseSources(r.sources),
    }));
  }

  @Query(() => [ComparativeEventRow], { description: "Contract: the state's programme events" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeEvents(
    @Ctx() ctx: BaseContext,
    @Arg("filter", () => ComparativeEventFilter, { nullable: true }) filter: ComparativeEventFilter | null,
  ): Promise<ComparativeEventRow[]> {
    const qb = ctx.dataSource.createQueryBuilder().select("e.*").from("cmp_event", "e");
    for (const [name, op] of [["from", ">="], ["to", "<="]] as const) {
      const bound = filter?.[name];
      if (bound == null) continue;
      if (!isValidIsoPrefix(bound)) throw badInput(`filter.${name}`, `${name} must be YYYY, YYYY-MM or YYYY-MM-DD, got "${bound}"`);
      qb.andWhere(`e.date_on IS NOT NULL AND substr(e.date_on, 1, ${bound.length}) ${op} :${name}`, { [name]: bound });
    }
    for (const [column, values, name] of [["e.event_type", filter?.types, "types"], ["e.status", filter?.statuses, "statuses"], ["e.programme_id", filter?.programmeIds, "programmeIds"]] as const) {
      if (values == null) continue;
      if (values.length === 0) qb.andWhere("1 = 0");
      else qb.andWhere(`${column} IN (:...${name})`, { [name]: values });
    }
    const rows = await qb.orderBy("e.date_on").addOrderBy("e.id").getRawMany<Record<string, string | null>>();
    return rows.map((r) => ({
      id: r.id!, state: r.state!, programmeId: r.programme_id!,
      date: toFuzzyDate(r.date_on ?? null, (r.date_precision ?? DatePrecision.UNKNOWN) as DatePrecision),
      title: r.title!, eventType: r.event_type!, format: r.format ?? null, place: r.place ?? null, status: r.status!,
      participantsSummary: r.participants_summary ?? null, relatedIds: parseStrings(r.related_ids), sources: parseSources(r.sources),
    }));
  }

  @Query(() => [ComparativeIndicatorRow], { description: "Contract: the state's published programme figures" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeIndicators(
    @Ctx() ctx: BaseContext,
    @Arg("programmeId", () => String, { nullable: true }) programmeId: string | null,
    @Arg("indicator", () => String, { nullable: true }) indicator: string | null,
  ): Promise<ComparativeIndicatorRow[]> {
    const qb = ctx.dataSource.createQueryBuilder().select("i.*").from("cmp_indicator", "i");
    if (programmeId) qb.andWhere("i.programme_id = :programmeId", { programmeId });
    if (indicator) qb.andWhere("i.indicator = :indicator", { indicator });
    const rows = await qb.orderBy("i.indicator").addOrderBy("i.reference_on").addOrderBy("i.id").getRawMany<Record<string, string | number | null>>();
    return rows.map((r) => ({
      id: String(r.id), state: String(r.state), programmeId: String(r.programme_id), indicator: String(r.indicator),
      label: String(r.label), value: Number(r.value), unit: String(r.unit), qualifier: String(r.qualifier ?? "EXACT"),
      referenceOn: toFuzzyDate((r.reference_on as string | null) ?? null, (r.reference_precision ?? DatePrecision.UNKNOWN) as DatePrecision),
      note: (r.note as string | null) ?? null, sources: parseSources(r.sources),
    }));
  }

  @Query(() => [ComparativeMunicipalityRow], { description: "Contract: municipalities the state's records reference" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativeMunicipalities(
    @Ctx() ctx: BaseContext,
    @Arg("ids", () => [ID], { nullable: true }) ids: string[] | null,
  ): Promise<ComparativeMunicipalityRow[]> {
    const params: unknown[] = [];
    const where = inList("id", ids, params, placeholderFor(ctx));
    const rows = (await ctx.dataSource.query(`SELECT * FROM cmp_municipality${where ? ` WHERE ${where}` : ""} ORDER BY id`, params)) as Record<string, string | null>[];
    return rows.map((r) => ({
      id: r.id!, name: r.name!, ags: r.ags ?? null, districtName: r.district_name ?? null, type: r.type ?? null, sources: parseSources(r.sources),
    }));
  }

  @Query(() => [ComparativePreventionBodyRow], { description: "Contract: prevention bodies of the state's municipalities" })
  @Directive("@shareable")
  @Directive("@inaccessible")
  async _comparativePreventionBodies(
    @Ctx() ctx: BaseContext,
    @Arg("municipalityIds", () => [ID], { nullable: true }) municipalityIds: string[] | null,
  ): Promise<ComparativePreventionBodyRow[]> {
    const params: unknown[] = [];
    const where = inList("municipality_id", municipalityIds, params, placeholderFor(ctx));
    const rows = (await ctx.dataSource.query(`SELECT * FROM cmp_prevention_body${where ? ` WHERE ${where}` : ""} ORDER BY municipality_id, id`, params)) as Record<string, string | null>[];
    return rows.map((r) => ({
      id: r.id!, municipalityId: r.municipality_id!, name: r.name!, kind: r.kind!, status: r.status!,
      date: toFuzzyDate(r.date_on ?? null, r.date_on ? (r.date_on.length === 10 ? DatePrecision.DAY : r.date_on.length === 7 ? DatePrecision.MONTH : DatePrecision.YEAR) : DatePrecision.UNKNOWN),
      note: r.note ?? null, actorTypes: parseStrings(r.actor_types), sources: parseSources(r.sources),
    }));
  }
}

function placeholderFor(ctx: BaseContext): (i: number) => string {
  return ctx.dataSource.options.type === "postgres" ? (i) => `$${i}` : () => "?";
}
