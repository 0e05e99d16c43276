import { FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import { SaarlandIndicator } from "../entities/index.js";

@Resolver(() => SaarlandIndicator)
export class SaarlandIndicatorResolver {
  @FieldResolver(() => FuzzyDate, { description: "The date the figure refers to" })
  referenceOn(@Root() i: SaarlandIndicator): FuzzyDate {
    return toFuzzyDate(i.referenceIso, i.referencePrecision);
  }
}
