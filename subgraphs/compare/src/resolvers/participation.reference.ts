import type { CompareContext } from "../context.js";
import type { ParticipationNode } from "../schema/participation.types.js";

/**
 * Federation reference resolver of one concrete participation type: fetched from the owning
 * state's contract by id, batched per request. A row of another type is not this entity.
 */
export function participationReferenceResolver(typename: string) {
  return async (reference: { id: string }, ctx: CompareContext): Promise<ParticipationNode | null> => {
    const node = await ctx.comparative.participationById.load(reference.id);
    return node && node.__typename === typename ? node : null;
  };
}
