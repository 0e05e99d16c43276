import { STATE_NAMES, StateCode, badInput, checkPageSize, connectionFromArray, connectionFromSlice, decodeOffsetCursor, DEFAULT_PAGE_SIZE, whereIn, type Connection } from "@laenderhub/shared";
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver } from "type-graphql";
import { IsNull, Not } from "typeorm";
import type { SachsenContext } from "../context.js";
import {
  EventEntity,
  FundingStatementEntity,
  IndicatorEntity,
  MembershipEntity,
  MunicipalityEntity,
  PreventionBodyEntity,
  ProgrammeEntity,
} from "../entities/index.js";
import { AsskommEvent } from "../schema/event.type.js";
import { SachsenGemeinde } from "../schema/gemeinde.type.js";
import { AsskommIndicatorSeries } from "../schema/indicator.type.js";
import {
  toEvent,
  toFundingStatement,
  toGemeinde,
  toIndicatorSeries,
  toJointAgreement,
  toMembership,
  toPreventionCouncil,
  toProgramme,
  type MembershipRoot,
} from "../schema/mappers.js";
import {
  EventConnection,
  EventFilterInput,
  FundingStatementConnection,
  FundingStatementFilterInput,
  IndicatorFilterInput,
  IndicatorSeriesConnection,
  JointAgreementConnection,
  JointAgreementFilterInput,
  MembershipFilterInput,
  MunicipalityConnection,
  MunicipalityFilterInput,
  PreventionBodyConnection,
  PreventionBodyFilterInput,
} from "../schema/list-filters.js";
import { AsskommJointAgreement, AsskommMembership, AsskommMembershipConnection } from "../schema/membership.type.js";
import { KommunalerPraeventionsrat } from "../schema/prevention-council.type.js";
import { AsskommFundingStatement, AsskommProgramme } from "../schema/programme.type.js";
import { Sachsen } from "../schema/sachsen.type.js";
import { checkAgs, checkId, checkIndicatorCode, normalisePolizeidirektion } from "./args.js";

// Memberships in time order: signed (or, for model municipalities, effective) date, unknown last.
const MEMBERSHIP_DATE = "COALESCE(m.signed_on, m.effective_on)";

/** The `sachsen` entry field and the namespace's lists and lookups. */
@Resolver(() => Sachsen)
export class SachsenResolver {
  @Query(() => Sachsen, { nullable: true, description: "Everything of Sachsen (ASSKomm and its municipalities' prevention councils) in the state's own terms" })
  sachsen(): Sachsen {
    return { state: StateCode.SN, name: STATE_NAMES.SN };
  }

  @FieldResolver(() => AsskommProgramme, { nullable: true, description: "The Allianz Sichere Sächsische Kommunen" })
  async programme(@Ctx() ctx: SachsenContext): Promise<AsskommProgramme | null> {
    const [row] = await ctx.dataSource.getRepository(ProgrammeEntity).find({ order: { id: "ASC" }, take: 1 });
    return row ? toProgramme(row) : null;
  }

  @FieldResolver(() => AsskommMembershipConnection, { description: "Memberships in time order (signed or effective date; unknown dates last)" })
  async memberships(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => MembershipFilterInput, { nullable: true }) filter: MembershipFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<MembershipRoot>> {
    checkPageSize(first);
    const list = "SN.memberships";
    const offset = decodeOffsetCursor(list, after);
    const qb = ctx.dataSource.getRepository(MembershipEntity).createQueryBuilder("m");
    if (filter?.ids) {
      if (filter.ids.length === 0) qb.andWhere("1 = 0");
      else qb.andWhere("m.id IN (:...ids)", { ids: filter.ids });
    }
    if (filter?.stages) {
      if (filter.stages.length === 0) qb.andWhere("1 = 0");
      else qb.andWhere("m.stage IN (:...stages)", { stages: filter.stages });
    }
    if (filter?.polizeidirektion != null) qb.andWhere("m.polizeidirektion = :pd", { pd: normalisePolizeidirektion(filter.polizeidirektion) });
    const totalCount = await qb.getCount();
    if (first === 0 || offset >= totalCount) return connectionFromSlice(list, [], offset, totalCount);
    const rows = await qb
      .orderBy(`CASE WHEN ${MEMBERSHIP_DATE} IS NULL THEN 1 ELSE 0 END`, "ASC")
      .addOrderBy(MEMBERSHIP_DATE, "ASC")
      .addOrderBy("m.id", "ASC")
      .limit(first)
      .offset(offset)
      .getMany();
    return connectionFromSlice(list, rows.map(toMembership), offset, totalCount);
  }

  @FieldResolver(() => AsskommMembership, { nullable: true, description: "A membership by its id; null if there is none" })
  async membership(@Ctx() ctx: SachsenContext, @Arg("id", () => ID) id: string): Promise<MembershipRoot | null> {
    const row = await ctx.loaders.membershipById.load(checkId("id", id));
    return row ? toMembership(row) : null;
  }

  // The lists below are small (tens of rows): read whole, filtered and paged in memory.

  @FieldResolver(() => JointAgreementConnection, { description: "Agreements signed for several municipalities at once" })
  async jointAgreements(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => JointAgreementFilterInput, { nullable: true }) filter: JointAgreementFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<AsskommJointAgreement>> {
    const rows = await ctx.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { groupName: Not(IsNull()) }, order: { agreementId: "ASC", id: "ASC" } });
    const groups = new Map<string, MembershipEntity[]>();
    for (const row of whereIn(rows, filter?.ids, (r) => r.agreementId)) groups.set(row.agreementId, [...(groups.get(row.agreementId) ?? []), row]);
    return connectionFromArray("SN.jointAgreements", [...groups.values()].map(toJointAgreement), { first, after });
  }

  @FieldResolver(() => AsskommJointAgreement, { nullable: true, description: "A joint agreement by its agreement id; null if there is none" })
  async jointAgreement(@Ctx() ctx: SachsenContext, @Arg("id", () => ID) id: string): Promise<AsskommJointAgreement | null> {
    const members = await ctx.loaders.membershipsByAgreement.load(checkId("id", id));
    return members.length && members[0]!.groupName ? toJointAgreement(members) : null;
  }

  @FieldResolver(() => PreventionBodyConnection, { description: "Kommunale Präventionsräte and similar bodies of Saxon municipalities" })
  async preventionBodies(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => PreventionBodyFilterInput, { nullable: true }) filter: PreventionBodyFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<KommunalerPraeventionsrat>> {
    const rows = await ctx.dataSource.getRepository(PreventionBodyEntity).find({ order: { municipalityId: "ASC", id: "ASC" } });
    const kept = whereIn(whereIn(rows, filter?.municipalityIds, (r) => r.municipalityId), filter?.statuses, (r) => r.status);
    return connectionFromArray("SN.preventionBodies", kept.map(toPreventionCouncil), { first, after });
  }

  @FieldResolver(() => IndicatorSeriesConnection, { description: "Published programme figures as time series, one per indicator code" })
  async indicators(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => IndicatorFilterInput, { nullable: true }) filter: IndicatorFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<AsskommIndicatorSeries>> {
    const codes = filter?.indicators?.map((code, i) => checkIndicatorCode(code, `filter.indicators[${i}]`));
    const rows = await ctx.dataSource.getRepository(IndicatorEntity).find({ order: { id: "ASC" } });
    return connectionFromArray("SN.indicators", toIndicatorSeries(whereIn(rows, codes, (r) => r.indicator)), { first, after });
  }

  @FieldResolver(() => FundingStatementConnection, { description: "Published statements on the programme's funding" })
  async fundingStatements(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => FundingStatementFilterInput, { nullable: true }) filter: FundingStatementFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<AsskommFundingStatement>> {
    const rows = await ctx.dataSource.getRepository(FundingStatementEntity).find({ order: { position: "ASC" } });
    return connectionFromArray("SN.fundingStatements", whereIn(rows, filter?.ids, (r) => r.id).map(toFundingStatement), { first, after });
  }

  @FieldResolver(() => EventConnection, { description: "Programme events, oldest first" })
  async events(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<AsskommEvent>> {
    const rows = await ctx.dataSource.getRepository(EventEntity).find({ order: { id: "ASC" } });
    const kept = whereIn(whereIn(rows, filter?.ids, (e) => e.id), filter?.statuses, (e) => e.status);
    // Sorted here: SQLite and PostgreSQL disagree on where NULL dates go.
    const key = (e: EventEntity) => e.dateOn ?? "~";
    return connectionFromArray("SN.events", kept.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(toEvent), { first, after });
  }

  @FieldResolver(() => MunicipalityConnection, { description: "Sachsen's register of the municipalities its records reference, by name" })
  async municipalities(
    @Ctx() ctx: SachsenContext,
    @Arg("filter", () => MunicipalityFilterInput, { nullable: true }) filter: MunicipalityFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SachsenGemeinde>> {
    const rows = await ctx.dataSource.getRepository(MunicipalityEntity).find({ order: { sortName: "ASC", id: "ASC" } });
    const kept = whereIn(whereIn(rows, filter?.ids, (m) => m.id), filter?.districts, (m) => m.landkreis);
    return connectionFromArray("SN.municipalities", kept.map(toGemeinde), { first, after });
  }

  @FieldResolver(() => SachsenGemeinde, { nullable: true, description: "A register entry by id (SN-M-…) or by 8-digit AGS; null if there is none" })
  async municipality(
    @Ctx() ctx: SachsenContext,
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("ags", () => String, { nullable: true }) ags: string | null,
  ): Promise<SachsenGemeinde | null> {
    if ((id == null) === (ags == null)) throw badInput("id", "give exactly one of id and ags");
    if (id != null) {
      const row = await ctx.loaders.municipalityById.load(checkId("id", id));
      return row ? toGemeinde(row) : null;
    }
    const row = await ctx.dataSource.getRepository(MunicipalityEntity).findOne({ where: { ags: checkAgs(ags!) } });
    return row ? toGemeinde(row) : null;
  }
}
