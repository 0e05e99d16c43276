import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { CompareContext } from "../context.js";
import { Municipality } from "../entities/municipality.entity.js";
import { DISTRICTS, STATES, districtsOfState } from "../gazetteer/districts.js";
import { StateFilterInput } from "../schema/filters.input.js";
import { District, State, toDistrict, toState } from "../schema/gazetteer.types.js";
import { Participation, type ParticipationNode } from "../schema/participation.types.js";

@Resolver(() => District)
export class DistrictResolver {
  @Query(() => District, { nullable: true, description: "A district by its 5-digit key; null when laenderhub has none of that key" })
  district(@Arg("key", () => String) key: string): District | null {
    const record = DISTRICTS.get(key.trim());
    return record ? toDistrict(record) : null;
  }

  @Query(() => [District], { description: "The districts of one state, or of every state, ordered by key" })
  districts(@Ctx() ctx: CompareContext, @Arg("filter", () => StateFilterInput, { nullable: true }) filter: StateFilterInput | null): District[] {
    const records = filter?.states ? filter.states.flatMap((s) => districtsOfState(s)) : [...DISTRICTS.values()];
    return ctx.budget.rows(records.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(toDistrict));
  }

  @FieldResolver(() => State)
  state(@Root() district: District): State {
    return toState(STATES.get(district.stateCode)!);
  }

  @FieldResolver(() => [Municipality], { description: "Gazetteer municipalities in this district, by name" })
  async municipalities(@Root() district: District, @Ctx() ctx: CompareContext): Promise<Municipality[]> {
    return ctx.budget.rows(await ctx.gazetteer.municipalitiesByDistrict.load(district.key));
  }

  @FieldResolver(() => [Participation], { description: "Participations of the district's municipalities, ordered by signing date" })
  async participations(@Root() district: District, @Ctx() ctx: CompareContext): Promise<Participation[]> {
    const municipalities = await ctx.gazetteer.municipalitiesByDistrict.load(district.key);
    const lists = await ctx.comparative.participationsByMunicipality.loadMany(municipalities.map((m) => m.id));
    const nodes = lists.flatMap((l) => (Array.isArray(l) ? l : [])) as ParticipationNode[];
    nodes.sort((a, b) => ((a.signedOn.iso ?? "~") < (b.signedOn.iso ?? "~") ? -1 : (a.signedOn.iso ?? "~") > (b.signedOn.iso ?? "~") ? 1 : a.id < b.id ? -1 : 1));
    return ctx.budget.rows(nodes) as unknown as Participation[];
  }
}
