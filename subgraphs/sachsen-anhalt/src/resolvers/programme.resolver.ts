import { FieldOfAction, FuzzyDate, StateCode } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltJointDeclaration, SachsenAnhaltProgramme, SachsenAnhaltStrategicLine } from "../entities/index.js";
import { SachsenAnhaltFundingStatement } from "../schema/funding-statement.type.js";
import { fuzzy, fuzzyFromIso } from "./dates.js";

@Resolver(() => SachsenAnhaltProgramme)
export class SachsenAnhaltProgrammeResolver {
  @FieldResolver(() => StateCode)
  state(): StateCode {
    return StateCode.ST;
  }

  @FieldResolver(() => FuzzyDate, { description: "Start of the programme (the 2004 declaration's scheduled signing), with the sources' note" })
  startOn(@Root() programme: SachsenAnhaltProgramme): FuzzyDate {
    return fuzzy(programme.startIso, programme.startPrecision, programme.startNote);
  }

  @FieldResolver(() => [SachsenAnhaltJointDeclaration], { description: "The framework documents: the Gemeinsame Erklärung and its Fortschreibung" })
  jointDeclarations(@Root() programme: SachsenAnhaltProgramme, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltJointDeclaration[]> {
    return ctx.dataSource.getRepository(SachsenAnhaltJointDeclaration).find({ where: { programmeId: programme.id }, order: { position: "ASC" } });
  }

  @FieldResolver(() => [SachsenAnhaltStrategicLine], { description: "The programme's fields of action in its own wording" })
  strategicLines(@Root() programme: SachsenAnhaltProgramme, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltStrategicLine[]> {
    return ctx.dataSource.getRepository(SachsenAnhaltStrategicLine).find({ where: { programmeId: programme.id }, order: { position: "ASC" } });
  }

  @FieldResolver(() => [FieldOfAction], { description: "The shared fields of action its strategic lines name" })
  async fieldsOfAction(@Root() programme: SachsenAnhaltProgramme, @Ctx() ctx: SachsenAnhaltContext): Promise<FieldOfAction[]> {
    const lines = await this.strategicLines(programme, ctx);
    return [...new Set(lines.flatMap((line) => line.fieldsOfAction))].sort();
  }

  @FieldResolver(() => [SachsenAnhaltFundingStatement], { description: "Funding statements (none found for Sachsen-Anhalt: see fundingNote)" })
  fundingStatements(@Root() programme: SachsenAnhaltProgramme): SachsenAnhaltFundingStatement[] {
    return programme.fundingStatements.map(({ statementIso, ...rest }) => ({
      ...rest,
      statementOn: fuzzyFromIso(statementIso),
    }));
  }
}
