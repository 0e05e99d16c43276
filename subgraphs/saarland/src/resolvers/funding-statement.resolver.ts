import { FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import { SaarlandFundingStatement } from "../entities/index.js";

@Resolver(() => SaarlandFundingStatement)
export class SaarlandFundingStatementResolver {
  @FieldResolver(() => FuzzyDate, { description: "When the statement was made" })
  statementOn(@Root() f: SaarlandFundingStatement): FuzzyDate {
    return toFuzzyDate(f.statementIso, f.statementPrecision);
  }
}
