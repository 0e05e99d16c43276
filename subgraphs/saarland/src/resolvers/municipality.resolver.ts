import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SaarlandContext } from "../context.js";
import { SaarlandMunicipality, SaarlandPreventionBody, SaarlandSecurityPartnership } from "../entities/index.js";

@Resolver(() => SaarlandMunicipality)
export class SaarlandMunicipalityResolver {
  @FieldResolver(() => [SaarlandPreventionBody], { description: "The municipality's prevention councils and similar bodies" })
  preventionBodies(@Root() m: SaarlandMunicipality, @Ctx() ctx: SaarlandContext): Promise<SaarlandPreventionBody[]> {
    return ctx.loaders.preventionBodiesByMunicipality.load(m.id);
  }

  @FieldResolver(() => [SaarlandSecurityPartnership], { description: "The municipality's partnerships with the ministry" })
  partnerships(@Root() m: SaarlandMunicipality, @Ctx() ctx: SaarlandContext): Promise<SaarlandSecurityPartnership[]> {
    return ctx.loaders.partnershipsByMunicipality.load(m.id);
  }
}
