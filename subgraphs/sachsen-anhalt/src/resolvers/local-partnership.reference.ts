import type { SachsenAnhaltContext } from "../context.js";
import type { SachsenAnhaltLocalPartnership } from "../entities/index.js";

/**
 * Federation reference resolver: the gateway asks for Sachsen-Anhalt's own fields of
 * partnerships that compare returned. Batched, so a page of references is one statement.
 */
export const SachsenAnhaltLocalPartnershipReference = {
  __resolveReference(reference: { id: string }, ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLocalPartnership | null> {
    return ctx.loaders.partnershipById.load(reference.id);
  },
};
