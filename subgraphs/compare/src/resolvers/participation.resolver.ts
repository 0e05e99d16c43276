import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { DEFAULT_PAGE_SIZE, PAGE_SIZE_LIMIT } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract } from "../comparative/contract-client.js";
import { checkFirst, decodeCursor, encodeCursor } from "../comparative/cursor.js";
import { resolveParticipationFilter } from "../comparative/filter.js";
import { mergeSorted } from "../comparative/merge.js";
import { toParticipationNodes } from "../comparative/participation-nodes.js";
import { ParticipationConnection } from "../schema/connection.types.js";
import { ParticipationFilterInput } from "../schema/filters.input.js";
import type { Participation } from "../schema/participation.types.js";
import { ParticipationOrder, SortDirection } from "../vocabulary.js";

@Resolver()
export class ParticipationResolver {
  @Query(() => ParticipationConnection, {
    description:
      "Participations across states in one total order (sort key, then id). Filter, order and page size are pushed down: " +
      "each state returns its own next page and compare merges them.",
  })
  async participations(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => ParticipationFilterInput, { nullable: true }) filter: ParticipationFilterInput | null,
    @Arg("orderBy", () => ParticipationOrder, { defaultValue: ParticipationOrder.SIGNED_ON }) orderBy: ParticipationOrder,
    @Arg("direction", () => SortDirection, { defaultValue: SortDirection.ASC }) direction: SortDirection,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `1 to ${PAGE_SIZE_LIMIT}` }) first: number,
    @Arg("after", () => String, { nullable: true, description: "endCursor of the previous page" }) after: string | null,
  ): Promise<ParticipationConnection> {
    checkFirst(first, PAGE_SIZE_LIMIT);
    const cursor = after ? decodeCursor(after, { order: orderBy, direction }) : null;
    const resolved = await resolveParticipationFilter(filter, ctx.contracts, ctx.gazetteer);
    // One row more than asked from each state tells whether another page exists.
    const gathered = await ctx.contracts.gather(resolved.targets, (state) =>
      contract.participations({
        filter: resolved.filterFor(state),
        orderBy,
        direction,
        first: first + 1,
        after: cursor ? { sortKey: cursor.sortKey, id: cursor.id } : null,
      }),
    );
    const merged = mergeSorted(gathered.answers.map((a) => a.value.rows), direction, first + 1);
    const nodes = ctx.budget.rows(await toParticipationNodes(merged.slice(0, first), ctx.gazetteer));
    const edges = nodes.map((node) => ({
      cursor: encodeCursor({ order: orderBy, direction, sortKey: node.sortKey, id: node.id }),
      node: node as unknown as Participation,
    }));
    return {
      edges,
      pageInfo: { hasNextPage: merged.length > first, endCursor: edges[edges.length - 1]?.cursor ?? null },
      totalCount: gathered.answers.reduce((sum, a) => sum + a.value.totalCount, 0),
      unavailableStates: [...resolved.unavailable, ...gathered.unavailable].sort((a, b) => (a.state < b.state ? -1 : 1)),
    };
  }
}
