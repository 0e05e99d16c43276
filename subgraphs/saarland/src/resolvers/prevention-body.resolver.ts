import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandMunicipality, SaarlandPreventionBody } from "../entities/index.js";

@Resolver(() => SaarlandPreventionBody)
export class SaarlandPreventionBodyResolver {
  @FieldResolver(() => FuzzyDate, { nullable: true, description: "The founding or status date; null where no source gives one" })
  statusOn(@Root() b: SaarlandPreventionBody): FuzzyDate | null {
    return b.dateIso === null ? null : toFuzzyDate(b.dateIso, b.datePrecision);
  }

  @FieldResolver(() => SaarlandMunicipality)
  async municipality(@Root() b: SaarlandPreventionBody, @Ctx() ctx: SaarlandContext): Promise<SaarlandMunicipality> {
    // The foreign key guarantees the entry.
    return (await ctx.loaders.municipalityById.load(b.municipalityId))!;
  }
}
