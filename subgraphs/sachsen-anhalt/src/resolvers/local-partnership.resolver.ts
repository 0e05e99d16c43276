import { citeEach, CitedText, DatePrecision, FieldOfAction, FuzzyDate, MunicipalityReference, Signatory, StateCode, toFuzzyDate } from "@laenderhub/shared";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { PersonListing, SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality, type StPartnershipPerson } from "../entities/index.js";
import { SachsenAnhaltAgreementGroup } from "../schema/agreement-group.type.js";
import { fuzzyFromIso } from "./dates.js";
import { policeUnitKindOf, SachsenAnhaltPolicePartner } from "../schema/police-partner.type.js";

function signatory(row: StPartnershipPerson): Signatory {
  return { name: row.name, role: row.role, organisation: row.organisation, party: row.party, basis: row.basis };
}

/** The fields of `SachsenAnhaltLocalPartnership` that are not plain columns; lists go through the request's loaders. */
@Resolver(() => SachsenAnhaltLocalPartnership)
export class SachsenAnhaltLocalPartnershipResolver {
  @FieldResolver(() => StateCode)
  state(): StateCode {
    return StateCode.ST;
  }

  @FieldResolver(() => MunicipalityReference, { description: "The municipality, resolved by the gazetteer" })
  municipality(@Root() partnership: SachsenAnhaltLocalPartnership): MunicipalityReference {
    return { id: partnership.municipalityId };
  }

  @FieldResolver(() => SachsenAnhaltMunicipality, { nullable: true, description: "The municipality as Sachsen-Anhalt's own register records it (AGS, Landkreis, sources)" })
  registeredMunicipality(@Root() partnership: SachsenAnhaltLocalPartnership, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltMunicipality | null> {
    return ctx.loaders.municipalityById.load(partnership.municipalityId);
  }

  @FieldResolver(() => FuzzyDate, { description: "Signing date with the precision the sources give" })
  signedOn(@Root() p: SachsenAnhaltLocalPartnership): FuzzyDate {
    const monthDay = p.signedMonth !== null && p.signedDay !== null ? { month: p.signedMonth, day: p.signedDay } : null;
    return toFuzzyDate(p.signedIso, p.signedPrecision as DatePrecision, p.signedNote, monthDay);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true, description: "The date from which the agreement applies, where it differs from the signing" })
  effectiveOn(@Root() p: SachsenAnhaltLocalPartnership): FuzzyDate | null {
    return p.effectiveIso === null ? null : fuzzyFromIso(p.effectiveIso);
  }

  @FieldResolver(() => [CitedText], { description: "Short notes on content and context, in the dataset's own wording, with the record's sources" })
  notes(@Root() p: SachsenAnhaltLocalPartnership): CitedText[] {
    return citeEach(p.notes, p.sources);
  }

  @FieldResolver(() => [FieldOfAction], { description: "Shared fields of action, only those its notes name" })
  fieldsOfAction(@Root() p: SachsenAnhaltLocalPartnership, @Ctx() ctx: SachsenAnhaltContext): Promise<FieldOfAction[]> {
    return ctx.loaders.fieldsByPartnership.load(p.id);
  }

  @FieldResolver(() => [Signatory], { description: "People who signed or concluded the agreement" })
  async signatories(@Root() p: SachsenAnhaltLocalPartnership, @Ctx() ctx: SachsenAnhaltContext): Promise<Signatory[]> {
    const people = await ctx.loaders.peopleByPartnership.load(p.id);
    return people.filter((row) => row.listing === PersonListing.SIGNATORY).map(signatory);
  }

  @FieldResolver(() => [Signatory], { description: "People present at the signing without signing" })
  async present(@Root() p: SachsenAnhaltLocalPartnership, @Ctx() ctx: SachsenAnhaltContext): Promise<Signatory[]> {
    const people = await ctx.loaders.peopleByPartnership.load(p.id);
    return people.filter((row) => row.listing === PersonListing.PRESENT).map(signatory);
  }

  @FieldResolver(() => SachsenAnhaltPolicePartner, { nullable: true, description: "The police unit among the parties (Polizeirevier, Polizeidirektion or Polizeiinspektion)" })
  policePartner(@Root() p: SachsenAnhaltLocalPartnership): SachsenAnhaltPolicePartner | null {
    const kind = p.policePartnerName === null ? null : policeUnitKindOf(p.policePartnerName);
    return kind === null ? null : { name: p.policePartnerName!, kind };
  }

  @FieldResolver(() => SachsenAnhaltAgreementGroup, { nullable: true, description: "The association whose members signed one joint agreement" })
  group(@Root() p: SachsenAnhaltLocalPartnership): SachsenAnhaltAgreementGroup | null {
    return p.groupName === null ? null : { name: p.groupName, kind: p.groupKind };
  }

  @FieldResolver(() => [SachsenAnhaltLocalPartnership], { description: "Every participation under the same agreement (this one included)" })
  agreementMembers(@Root() p: SachsenAnhaltLocalPartnership, @Ctx() ctx: SachsenAnhaltContext): Promise<SachsenAnhaltLocalPartnership[]> {
    return ctx.loaders.partnershipsByAgreement.load(p.agreementId);
  }
}
