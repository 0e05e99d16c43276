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
import { citeEach, CitedText } from "@laenderhub/shared";

/** The programme's dated, cited and listed facts. */
@Resolver(() => SaarlandProgramme)
export class SaarlandProgrammeResolver {
  @FieldResolver(() => FuzzyDate, { description: "When the programme started, with the precision the sources give" })
  startOn(@Root() p: SaarlandProgramme): FuzzyDate {
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

  @FieldResolver(() => CitedText, { nullable: true, description: "What the sources say about funding" })
  fundingNote(@Root() p: SaarlandProgramme): CitedText | null {
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

  @FieldResolver(() => [CitedText], { description: "Notes on the programme, with the programme's sources" })
  notes(@Root() p: SaarlandProgramme): CitedText[] {
    return citeEach(p.notes, p.sources);
  }

  @FieldResolver(() => [CitedText], { description: "What the programme offers municipalities, where a source lists it" })
  offers(@Root() p: SaarlandProgramme): CitedText[] {
    return citeEach(p.offers, p.offersSources);
  }
}
