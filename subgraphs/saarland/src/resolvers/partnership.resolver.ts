import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { FieldOfAction, FuzzyDate, MunicipalityReference, Signatory, toFuzzyDate, DatePrecision } from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import {
  PersonListing,
  SaarlandAgreedMeasure,
  SaarlandMunicipality,
  SaarlandProgramme,
  SaarlandSecurityPartnership,
  type SaarlandPartnershipPerson,
} from "../entities/index.js";
import { SaarlandAgreementGroup } from "../schema/agreement-group.type.js";
import { citeEach, CitedText } from "@laenderhub/shared";

function toSignatory(row: SaarlandPartnershipPerson): Signatory {
  return { name: row.name, role: row.role, organisation: row.organisation, party: row.party, basis: row.basis };
}

/** The fields of a partnership that are resolved per request (dates, people, register, measures). */
@Resolver(() => SaarlandSecurityPartnership)
export class SaarlandSecurityPartnershipResolver {
  @FieldResolver(() => MunicipalityReference, { description: "The municipality; the gazetteer resolves its fields" })
  municipality(@Root() p: SaarlandSecurityPartnership): MunicipalityReference {
    return { id: p.municipalityId };
  }

  @FieldResolver(() => FuzzyDate, { description: "Signing date with the precision the sources give" })
  signedOn(@Root() p: SaarlandSecurityPartnership): FuzzyDate {
    const monthDay = p.signedMonth !== null && p.signedDay !== null ? { month: p.signedMonth, day: p.signedDay } : null;
    return toFuzzyDate(p.signedIso, p.signedPrecision, p.signedNote, monthDay);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true, description: "Date the partnership took effect where a source gives one apart from signing" })
  effectiveOn(@Root() p: SaarlandSecurityPartnership): FuzzyDate | null {
    return p.effectiveIso === null ? null : toFuzzyDate(p.effectiveIso, DatePrecision.DAY);
  }

  @FieldResolver(() => [FieldOfAction], { description: "Shared fields of action that the partnership's notes name" })
  fieldsOfAction(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<FieldOfAction[]> {
    return ctx.loaders.fieldsByPartnership.load(p.id);
  }

  @FieldResolver(() => [Signatory], { description: "People who signed or concluded the Letter of Intent" })
  async signatories(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<Signatory[]> {
    const people = await ctx.loaders.peopleByPartnership.load(p.id);
    return people.filter((x) => x.listing === PersonListing.SIGNATORY).map(toSignatory);
  }

  @FieldResolver(() => [Signatory], { description: "People present at the signing without signing (never counted as signatories)" })
  async present(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<Signatory[]> {
    const people = await ctx.loaders.peopleByPartnership.load(p.id);
    return people.filter((x) => x.listing === PersonListing.PRESENT).map(toSignatory);
  }

  @FieldResolver(() => [CitedText], { description: "Short notes from the record, cited with the record's sources" })
  notes(@Root() p: SaarlandSecurityPartnership): CitedText[] {
    return citeEach(p.notes, p.sources);
  }

  @FieldResolver(() => SaarlandAgreementGroup, { nullable: true, description: "The association, for a joint agreement of several municipalities" })
  group(@Root() p: SaarlandSecurityPartnership): SaarlandAgreementGroup | null {
    return p.groupName === null ? null : { name: p.groupName, kind: p.groupKind ?? "" };
  }

  @FieldResolver(() => [SaarlandAgreedMeasure], { description: "What the partners agree on, in the programme's wording and with its sources" })
  measures(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<SaarlandAgreedMeasure[]> {
    return ctx.loaders.measuresByPartnership.load(p.id);
  }

  @FieldResolver(() => SaarlandMunicipality, { description: "The municipality's entry in Saarland's register (name, AGS, district)" })
  async registeredMunicipality(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<SaarlandMunicipality> {
    // The foreign key guarantees the entry.
    return (await ctx.loaders.municipalityById.load(p.municipalityId))!;
  }

  @FieldResolver(() => String, { description: "The municipality's name as the register gives it" })
  async municipalityName(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<string> {
    return (await ctx.loaders.municipalityById.load(p.municipalityId))!.name;
  }

  @FieldResolver(() => SaarlandProgramme, { nullable: true })
  programme(@Root() p: SaarlandSecurityPartnership, @Ctx() ctx: SaarlandContext): Promise<SaarlandProgramme | null> {
    return ctx.loaders.programmeById.load(p.programmeId);
  }
}
