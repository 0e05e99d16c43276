import { badInput, checkPageSize, connectionFromArray, connectionFromSlice, decodeOffsetCursor, DEFAULT_PAGE_SIZE, isValidIsoPrefix, STATE_NAMES, StateCode, whereIn, type Connection } from "@laenderhub/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from "type-graphql";
import type { SelectQueryBuilder } from "typeorm";
import type { SachsenAnhaltContext } from "../context.js";
import {
  SachsenAnhaltEvent,
  SachsenAnhaltIndicator,
  SachsenAnhaltJointDeclaration,
  SachsenAnhaltLandespraeventionsrat,
  SachsenAnhaltLocalPartnership,
  SachsenAnhaltMunicipality,
  SachsenAnhaltPreventionBody,
  SachsenAnhaltProgramme,
  SachsenAnhaltStrategicLine,
} from "../entities/index.js";
import { SachsenAnhaltLocalPartnershipFilter } from "../schema/local-partnership-filter.input.js";
import {
  EventConnection,
  EventFilterInput,
  IndicatorFilterInput,
  IndicatorSeriesConnection,
  MunicipalityConnection,
  MunicipalityFilterInput,
  PartnershipConnection,
  PreventionBodyConnection,
  PreventionBodyFilterInput,
  SachsenAnhaltIndicatorSeries,
  toIndicatorSeries,
} from "../schema/list-filters.js";
import { SachsenAnhalt } from "../schema/sachsen-anhalt.type.js";

/** The event type of the announced Regionalkonferenzen in the data. */
const REGIONAL_CONFERENCE_SERIES = "REGIONAL_CONFERENCE_SERIES";

function requireId(id: string, field: string): string {
  const trimmed = id.trim();
  if (trimmed === "") throw badInput(field, "an id must not be empty");
  return trimmed;
}

function requireIsoPrefix(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  if (!isValidIsoPrefix(value)) throw badInput(field, `"${value}" is not an ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return value;
}

/**
 * Applies the filter. Date bounds compare the known prefix of the signing date with the
 * bound, exactly as the comparative contract does, so this list and the comparative API
 * agree; a partnership whose year is unknown never matches a date bound.
 */
function applyFilter(qb: SelectQueryBuilder<SachsenAnhaltLocalPartnership>, filter: SachsenAnhaltLocalPartnershipFilter | null | undefined): void {
  if (!filter) return;
  const bounds = [
    ["from", ">=", requireIsoPrefix(filter.signedFrom, "filter.signedFrom")],
    ["to", "<=", requireIsoPrefix(filter.signedTo, "filter.signedTo")],
  ] as const;
  // An empty list matches nothing (as in the contract), an absent one everything.
  const inList = (condition: string, name: string, values: readonly string[] | null | undefined) => {
    if (values == null) return;
    if (values.length === 0) qb.andWhere("1 = 0");
    else qb.andWhere(condition, { [name]: values });
  };
  inList("p.instrument IN (:...instruments)", "instruments", filter.instruments);
  inList("p.municipality_id IN (:...municipalityIds)", "municipalityIds", filter.municipalityIds);
  inList("EXISTS (SELECT 1 FROM st_partnership_field f WHERE f.partnership_id = p.id AND f.field IN (:...fields))", "fields", filter.fieldsOfAction);
  for (const [name, op, bound] of bounds) {
    if (bound !== null) qb.andWhere(`p.signed_on IS NOT NULL AND substr(p.signed_on, 1, ${bound.length}) ${op} :${name}`, { [name]: bound });
  }
}

/**
 * `Query.sachsenAnhalt` and the namespace's fields: Sachsen-Anhalt's programme, its joint
 * declarations and strategic lines, local partnerships, prevention bodies, events,
 * indicators, the Landespräventionsrat and the municipality register.
 */
@Resolver(() => SachsenAnhalt)
export class SachsenAnhaltResolver {
  @Query(() => SachsenAnhalt, { nullable: true, description: "Sachsen-Anhalt's programme in its own terms" })
  sachsenAnhalt(): SachsenAnhalt {
    return { state: StateCode.ST, name: STATE_NAMES.ST };
  }

  @FieldResolver(() => SachsenAnhaltProgramme, { nullable: true, description: "The Gemeinsame Erklärung programme (null only in an unseeded database)" })
  async programme(@Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltProgramme | null> {
    const [programme] = await ctx.dataSource.getRepository(SachsenAnhaltProgramme).find({ order: { id: "ASC" }, take: 1 });
    return programme ?? null;
  }

  @FieldResolver(() => [SachsenAnhaltJointDeclaration], { description: "The Gemeinsame Erklärung of 2004 and its Fortschreibung of 2017, in order" })
  jointDeclarations(@Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltJointDeclaration[]> {
    return ctx.dataSource.getRepository(SachsenAnhaltJointDeclaration).find({ order: { position: "ASC", id: "ASC" } });
  }

  @FieldResolver(() => [SachsenAnhaltStrategicLine], { description: "The programme's strategic lines (fields of action)" })
  strategicLines(@Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltStrategicLine[]> {
    return ctx.dataSource.getRepository(SachsenAnhaltStrategicLine).find({ order: { position: "ASC", id: "ASC" } });
  }

  @FieldResolver(() => PartnershipConnection, { description: "Local Sicherheitspartnerschaften, ordered by signing date (unknown last), then id" })
  async partnerships(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => SachsenAnhaltLocalPartnershipFilter, { nullable: true }) filter: SachsenAnhaltLocalPartnershipFilter | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltLocalPartnership>> {
    checkPageSize(first);
    const list = "ST.partnerships";
    const offset = decodeOffsetCursor(list, after);
    const qb = ctx.dataSource.getRepository(SachsenAnhaltLocalPartnership).createQueryBuilder("p");
    applyFilter(qb, filter);
    const totalCount = await qb.getCount();
    const items =
      first === 0 || offset >= totalCount
        ? []
        : await qb
            .clone()
            .addSelect("CASE WHEN p.signed_on IS NULL THEN 1 ELSE 0 END", "unknown_date")
            .orderBy("unknown_date", "ASC")
            .addOrderBy("p.signed_on", "ASC")
            .addOrderBy("p.id", "ASC")
            .limit(first)
            .offset(offset)
            .getMany();
    return connectionFromSlice(list, items, offset, totalCount);
  }

  @FieldResolver(() => SachsenAnhaltLocalPartnership, { nullable: true, description: "A local partnership by its id (ST-P-01); null if there is none" })
  partnership(@Arg("id", () => ID) id: string, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLocalPartnership | null> {
    return ctx.loaders.partnershipById.load(requireId(id, "id"));
  }

  // The lists below are small (tens of rows): read whole, filtered and paged in memory.

  @FieldResolver(() => PreventionBodyConnection, { description: "The kommunale Präventionsgremien of Sachsen-Anhalt's municipalities" })
  async preventionBodies(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => PreventionBodyFilterInput, { nullable: true }) filter: PreventionBodyFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltPreventionBody>> {
    const rows = await ctx.dataSource.getRepository(SachsenAnhaltPreventionBody).find({ order: { id: "ASC" } });
    const kept = whereIn(whereIn(rows, filter?.municipalityIds, (b) => b.municipalityId), filter?.statuses, (b) => b.status);
    return connectionFromArray("ST.preventionBodies", kept, { first, after });
  }

  @FieldResolver(() => EventConnection, { description: "The Regionalkonferenzen (announced as a series; dates and places were not found)" })
  async regionalConferences(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltEvent>> {
    const events = await this.findEvents(ctx, { ...filter, eventTypes: [REGIONAL_CONFERENCE_SERIES] });
    return connectionFromArray("ST.regionalConferences", events, { first, after });
  }

  @FieldResolver(() => EventConnection, { description: "Events of the programme by date (unknown last)" })
  async events(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltEvent>> {
    return connectionFromArray("ST.events", await this.findEvents(ctx, filter), { first, after });
  }

  @FieldResolver(() => SachsenAnhaltEvent, { nullable: true, description: "An event by its id (ST-E-001); null if there is none" })
  event(@Arg("id", () => ID) id: string, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltEvent | null> {
    return ctx.loaders.eventById.load(requireId(id, "id"));
  }

  @FieldResolver(() => IndicatorSeriesConnection, { description: "Programme figures as time series, one per indicator code" })
  async indicators(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => IndicatorFilterInput, { nullable: true }) filter: IndicatorFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltIndicatorSeries>> {
    const figures = await ctx.dataSource
      .getRepository(SachsenAnhaltIndicator)
      .createQueryBuilder("i")
      .addSelect("CASE WHEN i.reference_on IS NULL THEN 1 ELSE 0 END", "unknown_date")
      .orderBy("i.indicator", "ASC")
      .addOrderBy("unknown_date", "ASC")
      .addOrderBy("i.reference_on", "ASC")
      .addOrderBy("i.id", "ASC")
      .getMany();
    return connectionFromArray("ST.indicators", toIndicatorSeries(whereIn(figures, filter?.indicators, (f) => f.indicator)), { first, after });
  }

  @FieldResolver(() => SachsenAnhaltLandespraeventionsrat, { nullable: true, description: "The Landespräventionsrat Sachsen-Anhalt" })
  async landespraeventionsrat(@Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLandespraeventionsrat | null> {
    const [lpr] = await ctx.dataSource.getRepository(SachsenAnhaltLandespraeventionsrat).find({ order: { id: "ASC" }, take: 1 });
    return lpr ?? null;
  }

  @FieldResolver(() => MunicipalityConnection, { description: "The municipalities Sachsen-Anhalt's records reference, by name" })
  async municipalities(
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("filter", () => MunicipalityFilterInput, { nullable: true }) filter: MunicipalityFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenAnhaltMunicipality>> {
    const rows = await ctx.dataSource.getRepository(SachsenAnhaltMunicipality).find({ order: { sortName: "ASC", id: "ASC" } });
    const kept = whereIn(whereIn(rows, filter?.ids, (m) => m.id), filter?.districts, (m) => m.landkreis);
    return connectionFromArray("ST.municipalities", kept, { first, after });
  }

  @FieldResolver(() => SachsenAnhaltMunicipality, { nullable: true, description: "A municipality by its gazetteer id (ST-M-15003000); null if the records do not reference it" })
  municipality(@Arg("id", () => ID) id: string, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltMunicipality | null> {
    return ctx.loaders.municipalityById.load(requireId(id, "id"));
  }

  private async findEvents(ctx: SachsenAnhaltContext, filter: EventFilterInput | null): Promise<SachsenAnhaltEvent[]> {
    const events = await ctx.dataSource
      .getRepository(SachsenAnhaltEvent)
      .createQueryBuilder("e")
      .addSelect("CASE WHEN e.date_on IS NULL THEN 1 ELSE 0 END", "unknown_date")
      .orderBy("unknown_date", "ASC")
      .addOrderBy("e.date_on", "ASC")
      .addOrderBy("e.id", "ASC")
      .getMany();
    return whereIn(whereIn(whereIn(events, filter?.ids, (e) => e.id), filter?.statuses, (e) => e.status), filter?.eventTypes, (e) => e.eventType);
  }
}
