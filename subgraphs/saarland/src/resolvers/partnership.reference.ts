import type { ReferenceResolvers } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import type { SaarlandSecurityPartnership } from "../entities/index.js";

/**
 * Federation reference resolution for `SaarlandSecurityPartnership`: the gateway sends many
 * representations in one `_entities` call; the DataLoader turns them into one SQL statement.
 * An unknown id resolves to null.
 */
export const partnershipReferenceResolvers: ReferenceResolvers = {
  SaarlandSecurityPartnership: {
    __resolveReference: (reference: { id: string }, ctx: SaarlandContext): Promise<SaarlandSecurityPartnership | null> =>
      ctx.loaders.partnershipById.load(reference.id),
  },
};
