import { FuzzyDate, StateCode } from "@laenderhub/shared";
import { FieldResolver, Resolver, Root } from "type-graphql";
import { SachsenAnhaltIndicator } from "../entities/index.js";
import { fuzzy } from "./dates.js";

@Resolver(() => SachsenAnhaltIndicator)
export class SachsenAnhaltIndicatorResolver {
  @FieldResolver(() => StateCode)
  state(): StateCode {
    return StateCode.ST;
  }

  @FieldResolver(() => FuzzyDate, { description: "The date the figure refers to" })
  referenceOn(@Root() indicator: SachsenAnhaltIndicator): FuzzyDate {
    return fuzzy(indicator.referenceIso, indicator.referencePrecision);
  }
}
