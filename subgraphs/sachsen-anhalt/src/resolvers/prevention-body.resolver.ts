import { FuzzyDate, MunicipalityReference } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltMunicipality, SachsenAnhaltPreventionBody } from "../entities/index.js";
import { fuzzy } from "./dates.js";

@Resolver(() => SachsenAnhaltPreventionBody)
export class SachsenAnhaltPreventionBodyResolver {
  @FieldResolver(() => FuzzyDate, { description: "Founding (or status) date, where a source gives one" })
  statusOn(@Root() body: SachsenAnhaltPreventionBody): FuzzyDate {
    return fuzzy(body.dateIso, body.datePrecision);
  }

  @FieldResolver(() => MunicipalityReference, { description: "The municipality, resolved by the gazetteer" })
  municipality(@Root() body: SachsenAnhaltPreventionBody): MunicipalityReference {
    return { id: body.municipalityId };
  }

  @FieldResolver(() => SachsenAnhaltMunicipality, { nullable: true, description: "The municipality in Sachsen-Anhalt's own register" })
  registeredMunicipality(@Root() body: SachsenAnhaltPreventionBody, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltMunicipality | null> {
    return ctx.loaders.municipalityById.load(body.municipalityId);
  }
}
