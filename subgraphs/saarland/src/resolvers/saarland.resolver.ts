import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from "type-graphql";
import { badInput, connectionFromArray, DEFAULT_PAGE_SIZE, ErrorCode, OrderDirection, STATE_NAMES, StateCode, whereIn, type Connection } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import {
  SaarlandEvent,
  SaarlandIndicator,
  SaarlandMunicipality,
  SaarlandPreventionBody,
  SaarlandProgramme,
  SaarlandSecurityPartnership,
} from "../entities/index.js";
import { SaarlandIndicatorSeries } from "../schema/indicator-series.type.js";
import {
  EventConnection,
  EventFilterInput,
  IndicatorFilterInput,
  IndicatorSeriesConnection,
  MunicipalityConnection,
  MunicipalityFilterInput,
  PreventionBodyConnection,
  PreventionBodyFilterInput,
} from "../schema/list-filters.js";
import { PartnershipConnection, PartnershipFilter, PartnershipOrder } from "../schema/partnership.args.js";
import { Saarland } from "../schema/saarland.type.js";
import { queryPartnershipPage } from "./partnerships.query.js";

/** Dated first, oldest first; undated last; the id breaks ties. */
function byIsoThenId<T extends { id: string }>(iso: (x: T) => string | null): (a: T, b: T) => number {
  return (a, b) => {
    const x = iso(a), y = iso(b);
    if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Groups figures by indicator code into time series, oldest first. */
export function toIndicatorSeries(figures: SaarlandIndicator[]): SaarlandIndicatorSeries[] {
  const byCode = new Map<string, SaarlandIndicator[]>();
  for (const f of [...figures].sort(byIsoThenId((i) => i.referenceIso))) {
    byCode.set(f.indicator, [...(byCode.get(f.indicator) ?? []), f]);
  }
  return [...byCode.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([indicator, figures]) => {
      const dated = figures.filter((v) => v.referenceIso !== null);
      const seen = new Set<string>();
      return {
        indicator,
        label: figures[figures.length - 1]!.label,
        unit: figures[figures.length - 1]!.unit,
        figures,
        latest: dated[dated.length - 1] ?? figures[figures.length - 1]!,
        sources: figures.flatMap((v) => v.sources).filter((s) => !seen.has(s.url) && seen.add(s.url)),
      };
    });
}

/** The entry field `saarland` and everything reachable through the namespace. */
@Resolver(() => Saarland)
export class SaarlandResolver {
  @Query(() => Saarland, { nullable: true, description: "Saarland: its programme, partnerships, events, indicators and register, in its own terms" })
  saarland(): Saarland {
    return { state: StateCode.SL, name: STATE_NAMES.SL };
  }

  @FieldResolver(() => SaarlandProgramme, { nullable: true, description: "The programme (Sicherheitspartnerschaften)" })
  async programme(@Ctx() ctx: SaarlandContext): Promise<SaarlandProgramme | null> {
    return ctx.dataSource.getRepository(SaarlandProgramme).findOne({ where: { state: StateCode.SL }, order: { id: "ASC" } });
  }

  @FieldResolver(() => PartnershipConnection, { description: "Partnerships, filtered, ordered and paged" })
  async partnerships(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => PartnershipFilter, { nullable: true }) filter: PartnershipFilter | null,
    @Arg("orderBy", () => PartnershipOrder, { defaultValue: PartnershipOrder.ORDINAL }) orderBy: PartnershipOrder,
    @Arg("direction", () => OrderDirection, { defaultValue: OrderDirection.ASC }) direction: OrderDirection,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SaarlandSecurityPartnership>> {
    const page = await queryPartnershipPage(ctx.dataSource, { filter: filter ?? null, orderBy, direction, first, after });
    // Later lookups by id in the same request reuse the rows just read.
    for (const e of page.edges) ctx.loaders.partnershipById.prime(e.node.id, e.node);
    return page;
  }

  @FieldResolver(() => SaarlandSecurityPartnership, { nullable: true, description: "A partnership by its id (SL-P-10); null if there is none" })
  partnership(@Ctx() ctx: SaarlandContext, @Arg("id", () => ID) id: string): Promise<SaarlandSecurityPartnership | null> {
    return ctx.loaders.partnershipById.load(id);
  }

  @FieldResolver(() => SaarlandSecurityPartnership, {
    nullable: true,
    description: "The partnership with the ministry's running number n (10 is Bexbach); null if none is known",
  })
  async partnershipByOrdinal(@Ctx() ctx: SaarlandContext, @Arg("n", () => Int) n: number): Promise<SaarlandSecurityPartnership | null> {
    if (n < 1) throw badInput("n", `n must be a positive running number, got ${n}`);
    return ctx.dataSource.getRepository(SaarlandSecurityPartnership).findOne({ where: { ordinal: n }, order: { id: "ASC" } });
  }

  // The lists below are small (tens of rows): read whole, filtered and paged in memory.

  @FieldResolver(() => EventConnection, { description: "Events of the programme, oldest first" })
  async events(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SaarlandEvent>> {
    const events = await ctx.dataSource.getRepository(SaarlandEvent).find();
    const kept = whereIn(whereIn(events, filter?.ids, (e) => e.id), filter?.statuses, (e) => e.status);
    return connectionFromArray("SL.events", kept.sort(byIsoThenId((e) => e.dateIso)), { first, after });
  }

  @FieldResolver(() => IndicatorSeriesConnection, { description: "Programme figures as time series, one per indicator code" })
  async indicators(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => IndicatorFilterInput, { nullable: true }) filter: IndicatorFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SaarlandIndicatorSeries>> {
    const figures = await ctx.dataSource.getRepository(SaarlandIndicator).find();
    return connectionFromArray("SL.indicators", toIndicatorSeries(whereIn(figures, filter?.indicators, (f) => f.indicator)), { first, after });
  }

  @FieldResolver(() => PreventionBodyConnection, { description: "Prevention councils and similar bodies of Saarland's municipalities" })
  async preventionBodies(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => PreventionBodyFilterInput, { nullable: true }) filter: PreventionBodyFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SaarlandPreventionBody>> {
    const bodies = await ctx.dataSource.getRepository(SaarlandPreventionBody).find({ order: { municipalityId: "ASC", position: "ASC" } });
    const kept = whereIn(whereIn(bodies, filter?.municipalityIds, (b) => b.municipalityId), filter?.statuses, (b) => b.status);
    return connectionFromArray("SL.preventionBodies", kept, { first, after });
  }

  @FieldResolver(() => MunicipalityConnection, { description: "Saarland's register of the municipalities its records reference, by name" })
  async municipalities(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => MunicipalityFilterInput, { nullable: true }) filter: MunicipalityFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SaarlandMunicipality>> {
    const all = await ctx.dataSource.getRepository(SaarlandMunicipality).find({ order: { sortName: "ASC", id: "ASC" } });
    const kept = whereIn(whereIn(all, filter?.ids, (m) => m.id), filter?.districts, (m) => m.district);
    return connectionFromArray("SL.municipalities", kept, { first, after });
  }

  @FieldResolver(() => SaarlandMunicipality, { nullable: true, description: "A register entry by id (SL-M-10045111) or AGS; null if there is none" })
  async municipality(
    @Ctx() ctx: SaarlandContext,
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("ags", () => String, { nullable: true }) ags: string | null,
  ): Promise<SaarlandMunicipality | null> {
    if ((id == null) === (ags == null)) throw badInput(id == null ? "id" : "ags", "give exactly one of id and ags");
    if (id != null) return ctx.loaders.municipalityById.load(id);
    if (!/^\d{8}$/.test(ags!)) throw badInput("ags", `an AGS has 8 digits, got "${ags}"`, ErrorCode.INVALID_AGS);
    return ctx.dataSource.getRepository(SaarlandMunicipality).findOne({ where: { ags: ags! } });
  }
}
