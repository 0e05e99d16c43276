import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenContext } from "../context.js";
import type { MembershipEntity } from "../entities/index.js";
import { AsskommEvent } from "../schema/event.type.js";
import { toMembership, type MembershipRoot } from "../schema/mappers.js";
import { AsskommMembership } from "../schema/membership.type.js";

@Resolver(() => AsskommEvent)
export class AsskommEventResolver {
  @FieldResolver(() => [AsskommMembership], { description: "The memberships the event concerns" })
  async relatedMemberships(@Root() event: AsskommEvent, @Ctx() ctx: SachsenContext): Promise<MembershipRoot[]> {
    const rows = await ctx.loaders.membershipById.loadMany(event.relatedIds);
    return rows.filter((r): r is MembershipEntity => r !== null && !(r instanceof Error)).map(toMembership);
  }
}
