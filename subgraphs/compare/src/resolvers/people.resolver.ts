import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { checkPageSize, connectionFromArray, DEFAULT_PAGE_SIZE, Source, type Connection } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract } from "../comparative/contract-client.js";
import { groupPeople, normalisePersonName } from "../comparative/people.js";
import { Municipality } from "../entities/municipality.entity.js";
import { PersonConnection } from "../schema/connection.types.js";
import { PersonFilterInput } from "../schema/filters.input.js";
import { Participation } from "../schema/participation.types.js";
import { budgeted } from "./programme.resolver.js";
import { PersonAgreement, type Person } from "../schema/person.types.js";

@Resolver(() => PersonAgreement)
export class PeopleResolver {
  @Query(() => PersonConnection, {
    description:
      "Signatories and people present across states, grouped by person (normalised name), sorted by the number of agreements " +
      "signed (then by all agreements, then name): the first entry signed the most agreements.",
  })
  async people(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => PersonFilterInput, { nullable: true }) filter: PersonFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Person>> {
    checkPageSize(first);
    const term = filter?.search?.trim() || null;
    const { targets } = ctx.contracts.targets(filter?.states ?? null);
    // The states match the search on the raw name; grouping below uses the normalised one.
    const gathered = await ctx.contracts.gather(targets, () => contract.people(term));
    let people = groupPeople(gathered.answers.flatMap((a) => a.value));
    if (term) {
      const needle = normalisePersonName(term);
      people = people.filter((p) => p.normalisedName.includes(needle) || p.spellings.some((s) => s.toLowerCase().includes(term.toLowerCase())));
    }
    return budgeted(ctx, connectionFromArray("people", people, { first, after }));
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
