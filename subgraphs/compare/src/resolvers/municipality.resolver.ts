import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { badInput, checkPageSize, DEFAULT_PAGE_SIZE, ErrorCode, sortableName, type Connection, type StateCode } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract } from "../comparative/contract-client.js";
import { decodeMunicipalityCursor, encodeMunicipalityCursor } from "../comparative/cursor.js";
import { Municipality } from "../entities/municipality.entity.js";
import { DISTRICTS, STATES, stateOfAgs } from "../gazetteer/districts.js";
import { MunicipalityConnection } from "../schema/connection.types.js";
import { MunicipalityFilterInput } from "../schema/filters.input.js";
import { District, State, toDistrict, toState } from "../schema/gazetteer.types.js";
import { Participation } from "../schema/participation.types.js";
import { MunicipalPreventionBody } from "../schema/programme.types.js";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The municipalities with at least one participation, asked of each state (one `GROUP BY`
 * summary per state, sent with the request's other contract calls), and which states answered.
 */
async function participatingMunicipalities(ctx: CompareContext, states: StateCode[] | null): Promise<{ ids: string[]; states: StateCode[] }> {
  const { targets } = ctx.contracts.targets(states);
  const settled = await Promise.allSettled(targets.map((state) => ctx.contracts.call(state, contract.summary(null, ["MUNICIPALITY"]))));
  const ids: string[] = [];
  const answered: StateCode[] = [];
  settled.forEach((s, i) => {
    if (s.status !== "fulfilled") return;
    answered.push(targets[i]!.code);
    for (const row of s.value) if (row.municipalityId) ids.push(row.municipalityId);
  });
  return { ids, states: answered };
}

@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => Municipality, {
    nullable: true,
    description: "A municipality by its id or by its 8-digit AGS (exactly one of the two); null when none has it",
  })
  async municipality(
    @Ctx() ctx: CompareContext,
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("ags", () => String, { nullable: true, description: "Amtlicher Gemeindeschlüssel, 8 digits" }) ags: string | null,
  ): Promise<Municipality | null> {
    if ((id == null) === (ags == null)) throw badInput(id == null ? "id" : "ags", "give exactly one of id and ags");
    if (id != null) return ctx.gazetteer.municipalityById.load(id);
    const key = ags!.trim();
    if (!/^\d{8}$/.test(key)) throw badInput("ags", `an AGS has exactly 8 digits, got "${ags}"`, ErrorCode.INVALID_AGS);
    if (!stateOfAgs(key)) {
      throw badInput("ags", `AGS ${key} begins with ${key.slice(0, 2)}, which is not the prefix of a state laenderhub covers`, ErrorCode.UNKNOWN_STATE);
    }
    return ctx.gazetteer.municipalityByAgs.load(key);
  }

  @Query(() => MunicipalityConnection, { description: "Gazetteer municipalities ordered by name, with optional filters" })
  async municipalities(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => MunicipalityFilterInput, { nullable: true }) filter: MunicipalityFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Municipality>> {
    checkPageSize(first);
    const { states, districtKeys } = filter ?? {};
    districtKeys?.forEach((key, i) => {
      if (!/^\d{5}$/.test(key)) throw badInput(`filter.districtKeys[${i}]`, "a district key has 5 digits");
    });
    const { minPopulation, maxPopulation, agsStatus, participating } = filter ?? {};
    if (minPopulation != null && minPopulation < 0) throw badInput("filter.minPopulation", "minPopulation must not be negative");
    if (maxPopulation != null && maxPopulation < 0) throw badInput("filter.maxPopulation", "maxPopulation must not be negative");
    const taking = participating != null ? await participatingMunicipalities(ctx, states ?? null) : null;
    const cursor = after ? decodeMunicipalityCursor(after) : null;
    const base = () => {
      const qb = ctx.dataSource.getRepository(Municipality).createQueryBuilder("m");
      if (states) qb.andWhere(states.length ? "m.stateCode IN (:...states)" : "1 = 0", { states });
      if (districtKeys) qb.andWhere(districtKeys.length ? "m.districtKey IN (:...districtKeys)" : "1 = 0", { districtKeys });
      if (agsStatus) qb.andWhere("m.agsStatus = :agsStatus", { agsStatus });
      if (minPopulation != null) qb.andWhere("m.population >= :minPopulation", { minPopulation });
      if (maxPopulation != null) qb.andWhere("m.population <= :maxPopulation", { maxPopulation });
      if (taking) {
        // Only the states that answered can say who takes part; the others are reported unavailable.
        qb.andWhere(taking.states.length ? "m.stateCode IN (:...answered)" : "1 = 0", { answered: taking.states });
        if (taking.ids.length) qb.andWhere(`m.id ${participating ? "IN" : "NOT IN"} (:...taking)`, { taking: taking.ids });
        else if (participating) qb.andWhere("1 = 0");
      }
      const term = filter?.search?.trim();
      if (term) {
        if (/^\d+$/.test(term)) qb.andWhere("m.ags LIKE :ags ESCAPE '\\'", { ags: `${escapeLike(term)}%` });
        else qb.andWhere("m.sortName LIKE :name ESCAPE '\\'", { name: `%${escapeLike(sortableName(term))}%` });
      }
      return qb;
    };
    const totalCount = await base().getCount();
    const page = base();
    if (cursor) page.andWhere("(m.sortName > :k OR (m.sortName = :k AND m.id > :i))", { k: cursor.sortName, i: cursor.id });
    const rows = await page.orderBy("m.sortName", "ASC").addOrderBy("m.id", "ASC").limit(first + 1).getMany();
    const edges = ctx.budget.rows(rows.slice(0, first)).map((node) => ({ cursor: encodeMunicipalityCursor(node.sortName, node.id), node }));
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null } };
  }

  @FieldResolver(() => State)
  state(@Root() m: Municipality): State {
    return toState(STATES.get(m.stateCode)!);
  }

  @FieldResolver(() => District, { nullable: true, description: "By the first five digits of the AGS; where the AGS is unknown, by exact district name; else null" })
  district(@Root() m: Municipality): District | null {
    const record = m.districtKey ? DISTRICTS.get(m.districtKey) : undefined;
    return record ? toDistrict(record) : null;
  }

  @FieldResolver(() => [MunicipalPreventionBody], { description: "Prevention councils and similar bodies, from the owning state" })
  async preventionBodies(@Root() m: Municipality, @Ctx() ctx: CompareContext): Promise<MunicipalPreventionBody[]> {
    return ctx.budget.rows(await ctx.comparative.preventionBodiesByMunicipality.load(m.id));
  }

  @FieldResolver(() => [Participation], { description: "Every participation of this municipality, ordered by signing date (from the owning state)" })
  async participations(@Root() m: Municipality, @Ctx() ctx: CompareContext): Promise<Participation[]> {
    return ctx.budget.rows(await ctx.comparative.participationsByMunicipality.load(m.id)) as unknown as Participation[];
  }
}
