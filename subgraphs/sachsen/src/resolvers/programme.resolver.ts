import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { toFrameworkDocument, toFundingStatement } from "../schema/mappers.js";
import { AsskommFrameworkDocument, AsskommFundingStatement, AsskommProgramme } from "../schema/programme.type.js";

@Resolver(() => AsskommProgramme)
export class AsskommProgrammeResolver {
  @FieldResolver(() => [AsskommFrameworkDocument], { description: "Kooperationsvereinbarung, Vorvereinbarung, Förderrichtlinie, four-pillar strategy" })
  async frameworkDocuments(@Root() programme: AsskommProgramme, @Ctx() ctx: SachsenContext): Promise<AsskommFrameworkDocument[]> {
    return (await ctx.loaders.frameworkDocumentsByProgramme.load(programme.id)).map(toFrameworkDocument);
  }

  @FieldResolver(() => [AsskommFundingStatement])
  async fundingStatements(@Root() programme: AsskommProgramme, @Ctx() ctx: SachsenContext): Promise<AsskommFundingStatement[]> {
    return (await ctx.loaders.fundingStatementsByProgramme.load(programme.id)).map(toFundingStatement);
  }
}
