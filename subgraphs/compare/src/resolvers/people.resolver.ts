import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { Source, StateCode } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract } from "../comparative/contract-client.js";
import { checkFirst } from "../comparative/cursor.js";
import { groupPeople, normalisePersonName } from "../comparative/people.js";
import { Municipality } from "../entities/municipality.entity.js";
import { Participation } from "../schema/participation.types.js";
import { Person, PersonAgreement } from "../schema/person.types.js";

/** Largest list of people. */
export const MAX_PEOPLE = 200;

@Resolver(() => PersonAgreement)
export class PeopleResolver {
  @Query(() => [Person], {
    description:
      "Signatories and people present across states, grouped by person (normalised name), sorted by the number of agreements " +
      "signed (then by all agreements, then name): the first entry signed the most agreements.",
  })
  async people(
    @Ctx() ctx: CompareContext,
    @Arg("search", () => String, { nullable: true, description: "Part of the name" }) search: string | null,
    @Arg("states", () => [StateCode], { nullable: true }) states: StateCode[] | null,
    @Arg("first", () => Int, { defaultValue: 50, description: "1 to 200" }) first: number,
  ): Promise<Person[]> {
    checkFirst(first, MAX_PEOPLE);
    const term = search?.trim() || null;
    const { targets } = ctx.contracts.targets(states);
    // The states match the search on the raw name; grouping below uses the normalised one.
    const gathered = await ctx.contracts.gather(targets, () => contract.people(term));
    let people = groupPeople(gathered.answers.flatMap((a) => a.value));
    if (term) {
      const needle = normalisePersonName(term);
      people = people.filter((p) => p.normalisedName.includes(needle) || p.spellings.some((s) => s.toLowerCase().includes(term.toLowerCase())));
    }
    return ctx.budget.rows(people.slice(0, first));
  }

  @FieldResolver(() => [Participation], { description: "The agreement's participations (one per member municipality)" })
  async participations(@Root() agreement: PersonAgreement, @Ctx() ctx: CompareContext): Promise<Participation[]> {
    const nodes = await ctx.comparative.participationById.loadMany(agreement.participationIds);
    return ctx.budget.rows(nodes.filter((n) => n && !(n instanceof Error))) as unknown as Participation[];
  }

  @FieldResolver(() => [Source], { description: "The sources of the agreement's participations, which name the person" })
  async sources(@Root() agreement: PersonAgreement, @Ctx() ctx: CompareContext): Promise<Source[]> {
    const nodes = await ctx.comparative.participationById.loadMany(agreement.participationIds);
    const all = nodes.flatMap((n) => (n && !(n instanceof Error) ? n.sources : []));
    return [...new Map(all.map((s) => [s.url, s])).values()];
  }

  @FieldResolver(() => [Municipality])
  async municipalities(@Root() agreement: PersonAgreement, @Ctx() ctx: CompareContext): Promise<Municipality[]> {
    const found = await ctx.gazetteer.municipalityById.loadMany(agreement.municipalityIds);
    return found.filter((m): m is Municipality => m !== null && !(m instanceof Error));
  }
}
