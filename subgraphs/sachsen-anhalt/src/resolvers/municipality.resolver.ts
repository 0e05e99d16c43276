import { MunicipalityReference } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality, SachsenAnhaltPreventionBody } from "../entities/index.js";

@Resolver(() => SachsenAnhaltMunicipality)
export class SachsenAnhaltMunicipalityResolver {
  @FieldResolver(() => MunicipalityReference, { description: "The same municipality in the gazetteer" })
  gazetteer(@Root() municipality: SachsenAnhaltMunicipality): MunicipalityReference {
    return { id: municipality.id };
  }

  @FieldResolver(() => [SachsenAnhaltLocalPartnership])
  partnerships(@Root() municipality: SachsenAnhaltMunicipality, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLocalPartnership[]> {
    return ctx.loaders.partnershipsByMunicipality.load(municipality.id);
  }

  @FieldResolver(() => [SachsenAnhaltPreventionBody])
  preventionBodies(@Root() municipality: SachsenAnhaltMunicipality, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltPreventionBody[]> {
    return ctx.loaders.preventionBodiesByMunicipality.load(municipality.id);
  }
}
