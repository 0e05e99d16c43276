import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FieldOfAction, FuzzyDate, toFuzzyDate } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import {
  SaarlandAgreedMeasure,
  SaarlandFrameworkDocument,
  SaarlandFundingStatement,
  SaarlandProgramme,
  SaarlandProgrammeFieldOfAction,
} from "../entities/index.js";
import { citeEach, SaarlandCitedText } from "../schema/cited-text.type.js";

/** The programme's dated, cited and listed facts. */
@Resolver(() => SaarlandProgramme)
export class SaarlandProgrammeResolver {
  @FieldResolver(() => FuzzyDate, { description: "When the programme started, with the precision the sources give" })
  startedOn(@Root() p: SaarlandProgramme): FuzzyDate {
    return toFuzzyDate(p.startIso, p.startPrecision, p.startNote);
  }

  @FieldResolver(() => [SaarlandFrameworkDocument])
  frameworkDocuments(@Root() p: SaarlandProgramme, @Ctx() ctx: SaarlandContext): Promise<SaarlandFrameworkDocument[]> {
    return ctx.loaders.documentsByProgramme.load(p.id);
  }

  @FieldResolver(() => [SaarlandFundingStatement], { description: "Cited statements about money; empty where none was found (see fundingNote)" })
  fundingStatements(@Root() p: SaarlandProgramme, @Ctx() ctx: SaarlandContext): Promise<SaarlandFundingStatement[]> {
    return ctx.loaders.fundingByProgramme.load(p.id);
  }

  @FieldResolver(() => SaarlandCitedText, { nullable: true, description: "What the sources say about funding" })
  fundingNote(@Root() p: SaarlandProgramme): SaarlandCitedText | null {
    return p.fundingNote === null ? null : { text: p.fundingNote, sources: p.fundingNoteSources };
  }

  @FieldResolver(() => [SaarlandProgrammeFieldOfAction], { description: "Fields of action in the sources' wording" })
  fieldsOfAction(@Root() p: SaarlandProgramme, @Ctx() ctx: SaarlandContext): Promise<SaarlandProgrammeFieldOfAction[]> {
    return ctx.loaders.programmeFieldsByProgramme.load(p.id);
  }

  @FieldResolver(() => [FieldOfAction], { description: "The shared fields of action the programme's wording names" })
  async sharedFieldsOfAction(@Root() p: SaarlandProgramme, @Ctx() ctx: SaarlandContext): Promise<FieldOfAction[]> {
    const fields = await ctx.loaders.programmeFieldsByProgramme.load(p.id);
    return [...new Set(fields.flatMap((f) => f.fields))].sort();
  }

  @FieldResolver(() => [SaarlandAgreedMeasure], { description: "The measures of the Letter of Intent, from the programme's fields of action and notes" })
  measures(@Root() p: SaarlandProgramme, @Ctx() ctx: SaarlandContext): Promise<SaarlandAgreedMeasure[]> {
    return ctx.loaders.measuresByProgramme.load(p.id);
  }

  @FieldResolver(() => [SaarlandCitedText], { description: "Notes on the programme, with the programme's sources" })
  notes(@Root() p: SaarlandProgramme): SaarlandCitedText[] {
    return citeEach(p.notes, p.sources);
  }

  @FieldResolver(() => [SaarlandCitedText], { description: "What the programme offers municipalities, where a source lists it" })
  offers(@Root() p: SaarlandProgramme): SaarlandCitedText[] {
    return citeEach(p.offers, p.offersSources);
  }
}
