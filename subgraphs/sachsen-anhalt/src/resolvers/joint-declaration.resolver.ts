import { FuzzyDate } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltJointDeclaration } from "../entities/index.js";
import { fuzzy } from "./dates.js";

@Resolver(() => SachsenAnhaltJointDeclaration)
export class SachsenAnhaltJointDeclarationResolver {
  @FieldResolver(() => FuzzyDate, { description: "Date of the declaration, with what the sources say about it" })
  datedOn(@Root() declaration: SachsenAnhaltJointDeclaration): FuzzyDate {
    return fuzzy(declaration.dateIso, declaration.datePrecision, declaration.dateNote);
  }

  @FieldResolver(() => SachsenAnhaltJointDeclaration, { nullable: true, description: "The declaration this Fortschreibung updates" })
  supersedes(@Root() declaration: SachsenAnhaltJointDeclaration, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltJointDeclaration | null> | null {
    return declaration.supersedesId === null ? null : ctx.loaders.jointDeclarationById.load(declaration.supersedesId);
  }
}
