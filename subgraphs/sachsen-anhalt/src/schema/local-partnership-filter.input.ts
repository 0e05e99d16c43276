import { FieldOfAction, Instrument } from "@laenderhub/shared";
import { Field, ID, InputType } from "type-graphql";

@InputType("SachsenAnhaltPartnershipFilterInput", { description: "Filters on local partnerships; all given conditions must hold" })
export class SachsenAnhaltLocalPartnershipFilter {
  @Field(() => [Instrument], { nullable: true })
  instruments?: Instrument[] | null;

  @Field(() => [ID], { nullable: true })
  municipalityIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD); compared on the known part of the date; unknown dates never match" })
  signedFrom?: string | null;

  @Field(() => String, { nullable: true, description: "ISO prefix, inclusive" })
  signedTo?: string | null;

  @Field(() => [FieldOfAction], { nullable: true, description: "Any of these fields of action" })
  fieldsOfAction?: FieldOfAction[] | null;
}
