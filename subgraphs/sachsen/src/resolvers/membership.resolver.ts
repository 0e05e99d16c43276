import { FieldOfAction, Signatory } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { SachsenGemeinde } from "../schema/gemeinde.type.js";
import { toGemeinde, toJointAgreement, toMembership, toPeople, type MembershipRoot } from "../schema/mappers.js";
import { AsskommJointAgreement, AsskommMembership } from "../schema/membership.type.js";
import { AsskommStage } from "../schema/stage.js";

/** Fields of AsskommMembership that need another table; each goes through a request DataLoader. */
@Resolver(() => AsskommMembership)
export class AsskommMembershipResolver {
  @FieldResolver(() => [FieldOfAction])
  async fieldsOfAction(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<FieldOfAction[]> {
    return (await ctx.loaders.fieldsByMembership.load(membership.id)) as FieldOfAction[];
  }

  @FieldResolver(() => [Signatory])
  async signatories(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<Signatory[]> {
    return toPeople(await ctx.loaders.peopleByMembership.load(membership.id), "SIGNATORY");
  }

  @FieldResolver(() => [Signatory])
  async present(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<Signatory[]> {
    return toPeople(await ctx.loaders.peopleByMembership.load(membership.id), "PRESENT");
  }

  @FieldResolver(() => SachsenGemeinde, { description: "Sachsen's register entry of the municipality" })
  async registeredMunicipality(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<SachsenGemeinde> {
    const row = await ctx.loaders.municipalityById.load(membership.municipalityId);
    // The foreign key guarantees the row; its absence is a broken database, not a client error.
    if (!row) throw new Error(`municipality ${membership.municipalityId} of ${membership.id} is missing`);
    return toGemeinde(row);
  }

  @FieldResolver(() => AsskommJointAgreement, { nullable: true, description: "The joint agreement this membership belongs to, if any" })
  async jointAgreement(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<AsskommJointAgreement | null> {
    if (!membership.groupName) return null;
    const members = await ctx.loaders.membershipsByAgreement.load(membership.agreementId);
    return members.length ? toJointAgreement(members) : null;
  }

  @FieldResolver(() => AsskommMembership, { nullable: true, description: "The Vorvereinbarung this Kooperationsvereinbarung followed" })
  async preAgreement(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<MembershipRoot | null> {
    if (!membership.preAgreementId) return null;
    const row = await ctx.loaders.membershipById.load(membership.preAgreementId);
    return row ? toMembership(row) : null;
  }

  @FieldResolver(() => AsskommMembership, { nullable: true, description: "The Kooperationsvereinbarung that followed this Vorvereinbarung" })
  async followUpAgreement(@Root() membership: MembershipRoot, @Ctx() ctx: SachsenContext): Promise<MembershipRoot | null> {
    if (membership.stage !== AsskommStage.PRE_AGREEMENT) return null;
    const row = await ctx.loaders.membershipByPreAgreement.load(membership.id);
    return row ? toMembership(row) : null;
  }
}
