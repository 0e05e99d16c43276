import { PreventionBodyStatus, STATE_NAMES, StateCode, badInput } from "@laenderhub/shared";
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
import { AsskommJointAgreement, AsskommMembership, AsskommMembershipPage } from "../schema/membership.type.js";
import { KommunalerPraeventionsrat } from "../schema/prevention-council.type.js";
import { AsskommFundingStatement, AsskommProgramme } from "../schema/programme.type.js";
import { Sachsen } from "../schema/sachsen.type.js";
import { AsskommStage } from "../schema/stage.js";
import { checkAgs, checkId, checkIndicatorCode, checkPaging, normalisePolizeidirektion } from "./args.js";

// Memberships in time order: signed (or, for model municipalities, effective) date, unknown last.
const MEMBERSHIP_DATE = "COALESCE(m.signed_on, m.effective_on)";

/** The `sachsen` entry field and the namespace's lists and lookups. */
@Resolver(() => Sachsen)
export class SachsenResolver {
  @Query(() => Sachsen, { nullable: true, description: "Everything of Sachsen (ASSKomm and its municipalities' prevention councils) in the state's own terms" })
  sachsen(): Sachsen {
    return { code: StateCode.SN, name: STATE_NAMES.SN };
  }

  @FieldResolver(() => AsskommProgramme, { nullable: true, description: "The Allianz Sichere Sächsische Kommunen" })
  async programme(@Ctx() ctx: SachsenContext): Promise<AsskommProgramme | null> {
    const [row] = await ctx.dataSource.getRepository(ProgrammeEntity).find({ order: { id: "ASC" }, take: 1 });
    return row ? toProgramme(row) : null;
  }

  @FieldResolver(() => AsskommMembershipPage, { description: "Memberships in time order (signed or effective date; unknown dates last)" })
  async memberships(
    @Ctx() ctx: SachsenContext,
    @Arg("stage", () => AsskommStage, { nullable: true }) stage: AsskommStage | null,
    @Arg("polizeidirektion", () => String, { nullable: true, description: "'Polizeidirektion Görlitz' or 'Görlitz'" }) polizeidirektion: string | null,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
  ): Promise<{ totalCount: number; nodes: MembershipRoot[] }> {
    checkPaging(first, offset);
    const qb = ctx.dataSource.getRepository(MembershipEntity).createQueryBuilder("m");
    if (stage) qb.andWhere("m.stage = :stage", { stage });
    if (polizeidirektion != null) qb.andWhere("m.polizeidirektion = :pd", { pd: normalisePolizeidirektion(polizeidirektion) });
    const totalCount = await qb.getCount();
    if (first === 0 || offset >= totalCount) return { totalCount, nodes: [] };
    const rows = await qb
      .orderBy(`CASE WHEN ${MEMBERSHIP_DATE} IS NULL THEN 1 ELSE 0 END`, "ASC")
      .addOrderBy(MEMBERSHIP_DATE, "ASC")
      .addOrderBy("m.id", "ASC")
      .limit(first)
      .offset(offset)
      .getMany();
    return { totalCount, nodes: rows.map(toMembership) };
  }

  @FieldResolver(() => AsskommMembership, { nullable: true, description: "A membership by its id; null if there is none" })
  async membership(@Ctx() ctx: SachsenContext, @Arg("id", () => ID) id: string): Promise<MembershipRoot | null> {
    const row = await ctx.loaders.membershipById.load(checkId("id", id));
    return row ? toMembership(row) : null;
  }

  @FieldResolver(() => [AsskommJointAgreement], { description: "Agreements signed for several municipalities at once" })
  async jointAgreements(@Ctx() ctx: SachsenContext): Promise<AsskommJointAgreement[]> {
    const rows = await ctx.dataSource
      .getRepository(MembershipEntity)
      .find({ where: { groupName: Not(IsNull()) }, order: { agreementId: "ASC", id: "ASC" } });
    const groups = new Map<string, MembershipEntity[]>();
    for (const row of rows) groups.set(row.agreementId, [...(groups.get(row.agreementId) ?? []), row]);
    return [...groups.values()].map(toJointAgreement);
  }

  @FieldResolver(() => AsskommJointAgreement, { nullable: true, description: "A joint agreement by its agreement id; null if there is none" })
  async jointAgreement(@Ctx() ctx: SachsenContext, @Arg("id", () => ID) id: string): Promise<AsskommJointAgreement | null> {
    const members = await ctx.loaders.membershipsByAgreement.load(checkId("id", id));
    return members.length && members[0]!.groupName ? toJointAgreement(members) : null;
  }

  @FieldResolver(() => [KommunalerPraeventionsrat], { description: "Kommunale Präventionsräte and similar bodies of Saxon municipalities" })
  async preventionCouncils(
    @Ctx() ctx: SachsenContext,
    @Arg("status", () => PreventionBodyStatus, { nullable: true }) status: PreventionBodyStatus | null,
  ): Promise<KommunalerPraeventionsrat[]> {
    const rows = await ctx.dataSource
      .getRepository(PreventionBodyEntity)
      .find({ where: status ? { status } : {}, order: { municipalityId: "ASC", id: "ASC" } });
    return rows.map(toPreventionCouncil);
  }

  @FieldResolver(() => [AsskommIndicatorSeries], { description: "Published programme figures as time series, one per indicator code" })
  async indicators(
    @Ctx() ctx: SachsenContext,
    @Arg("indicator", () => String, { nullable: true, description: "Only this code, e.g. member_municipalities" }) indicator: string | null,
  ): Promise<AsskommIndicatorSeries[]> {
    const where = indicator != null ? { indicator: checkIndicatorCode(indicator) } : {};
    return toIndicatorSeries(await ctx.dataSource.getRepository(IndicatorEntity).find({ where, order: { id: "ASC" } }));
  }

  @FieldResolver(() => [AsskommFundingStatement], { description: "Published statements on the programme's funding" })
  async fundingStatements(@Ctx() ctx: SachsenContext): Promise<AsskommFundingStatement[]> {
    const rows = await ctx.dataSource.getRepository(FundingStatementEntity).find({ order: { position: "ASC" } });
    return rows.map(toFundingStatement);
  }

  @FieldResolver(() => [AsskommEvent], { description: "Programme events, oldest first" })
  async events(@Ctx() ctx: SachsenContext): Promise<AsskommEvent[]> {
    const rows = await ctx.dataSource.getRepository(EventEntity).find({ order: { id: "ASC" } });
    // Sorted here: SQLite and PostgreSQL disagree on where NULL dates go.
    const key = (e: EventEntity) => e.dateOn ?? "~";
    return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map(toEvent);
  }

  @FieldResolver(() => [SachsenGemeinde], { description: "Sachsen's register of the municipalities its records reference" })
  async municipalities(@Ctx() ctx: SachsenContext): Promise<SachsenGemeinde[]> {
    const rows = await ctx.dataSource.getRepository(MunicipalityEntity).find({ order: { sortName: "ASC", id: "ASC" } });
    return rows.map(toGemeinde);
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
