import type { SachsenContext } from "../context.js";
import { toMembership, type MembershipRoot } from "../schema/mappers.js";

/**
 * Federation reference resolution of AsskommMembership: the gateway sends a batch of
 * representations; the request's DataLoader turns them into one SQL statement.
 */
export async function resolveMembershipReference(reference: { id: string }, ctx: SachsenContext): Promise<MembershipRoot | null> {
  const row = await ctx.loaders.membershipById.load(reference.id);
  return row ? toMembership(row) : null;
}

/** Reference resolvers of this subgraph's entities, for buildFederatedSchema. */
export const sachsenReferenceResolvers = {
  AsskommMembership: { __resolveReference: resolveMembershipReference },
};
