import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from "type-graphql";
import { badInput, ErrorCode, STATE_NAMES, StateCode } from "@laenderhub/shared";
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
import { PartnershipFilter, PartnershipOrder, PartnershipPage } from "../schema/partnership.args.js";
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
    .map(([indicator, values]) => {
      const dated = values.filter((v) => v.referenceIso !== null);
      const seen = new Set<string>();
      return {
        indicator,
        label: values[values.length - 1]!.label,
        unit: values[values.length - 1]!.unit,
        values,
        latest: dated[dated.length - 1] ?? values[values.length - 1]!,
        sources: values.flatMap((v) => v.sources).filter((s) => !seen.has(s.url) && seen.add(s.url)),
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

  @FieldResolver(() => PartnershipPage, { description: "Partnerships, filtered and paged" })
  async partnerships(
    @Ctx() ctx: SaarlandContext,
    @Arg("filter", () => PartnershipFilter, { nullable: true }) filter: PartnershipFilter | null,
    @Arg("orderBy", () => PartnershipOrder, { defaultValue: PartnershipOrder.ORDINAL }) orderBy: PartnershipOrder,
    @Arg("descending", () => Boolean, { defaultValue: false }) descending: boolean,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<PartnershipPage> {
    const page = await queryPartnershipPage(ctx.dataSource, { filter: filter ?? null, orderBy, descending, first, offset });
    // Later lookups by id in the same request reuse the rows just read.
    for (const p of page.items) ctx.loaders.partnershipById.prime(p.id, p);
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

  @FieldResolver(() => [SaarlandEvent], { description: "Events of the programme, oldest first" })
  async events(@Ctx() ctx: SaarlandContext): Promise<SaarlandEvent[]> {
    const events = await ctx.dataSource.getRepository(SaarlandEvent).find();
    return events.sort(byIsoThenId((e) => e.dateIso));
  }

  @FieldResolver(() => [SaarlandIndicatorSeries], { description: "Programme figures as time series, one per indicator code" })
  async indicators(
    @Ctx() ctx: SaarlandContext,
    @Arg("indicator", () => String, { nullable: true, description: "Only this indicator code (partnerships_total)" }) indicator: string | null,
  ): Promise<SaarlandIndicatorSeries[]> {
    const figures = await ctx.dataSource.getRepository(SaarlandIndicator).find(indicator == null ? {} : { where: { indicator } });
    return toIndicatorSeries(figures);
  }

  @FieldResolver(() => [SaarlandPreventionBody], { description: "Prevention councils and similar bodies of Saarland's municipalities" })
  preventionBodies(
    @Ctx() ctx: SaarlandContext,
    @Arg("municipalityId", () => ID, { nullable: true }) municipalityId: string | null,
  ): Promise<SaarlandPreventionBody[]> {
    return ctx.dataSource.getRepository(SaarlandPreventionBody).find({
      ...(municipalityId == null ? {} : { where: { municipalityId } }),
      order: { municipalityId: "ASC", position: "ASC" },
    });
  }

  @FieldResolver(() => [SaarlandMunicipality], { description: "Saarland's register of the municipalities its records reference" })
  municipalities(@Ctx() ctx: SaarlandContext): Promise<SaarlandMunicipality[]> {
    return ctx.dataSource.getRepository(SaarlandMunicipality).find({ order: { sortName: "ASC", id: "ASC" } });
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
