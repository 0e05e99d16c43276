import { FieldResolver, Resolver, Root } from "type-graphql";
import { FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import { SaarlandFrameworkDocument } from "../entities/index.js";

@Resolver(() => SaarlandFrameworkDocument)
export class SaarlandFrameworkDocumentResolver {
  @FieldResolver(() => FuzzyDate, { description: "Date of the document; precision UNKNOWN where no source dates it" })
  datedOn(@Root() d: SaarlandFrameworkDocument): FuzzyDate {
    return toFuzzyDate(d.dateIso, d.datePrecision, d.dateNote);
  }
}
