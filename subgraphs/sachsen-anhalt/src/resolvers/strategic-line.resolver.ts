import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltJointDeclaration, SachsenAnhaltStrategicLine } from "../entities/index.js";

@Resolver(() => SachsenAnhaltStrategicLine)
export class SachsenAnhaltStrategicLineResolver {
  @FieldResolver(() => SachsenAnhaltJointDeclaration, { nullable: true, description: "The declaration that added the line, where the sources say so (road safety: 2017)" })
  introducedBy(@Root() line: SachsenAnhaltStrategicLine, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltJointDeclaration | null> | null {
    return line.introducedById === null ? null : ctx.loaders.jointDeclarationById.load(line.introducedById);
  }
}
