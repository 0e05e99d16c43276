import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { createConnectionType, FieldOfAction, OrdinalBasis } from "@laenderhub/shared";
import { SaarlandSecurityPartnership } from "../entities/partnership.entity.js";
import { PartnershipMeasure } from "./measure.js";

/** How a list of partnerships is ordered; the id breaks ties, so paging is stable. */
export enum PartnershipOrder {
  /** The ministry's running number; unnumbered partnerships follow by signing date. */
  ORDINAL = "ORDINAL",
  /** Signing date as far as known (a month sorts before the days of that month); undated last. */
  SIGNED_ON = "SIGNED_ON",
  /** Municipality name, umlauts folded. */
  MUNICIPALITY_NAME = "MUNICIPALITY_NAME",
}

registerEnumType(PartnershipOrder, { name: "SaarlandPartnershipOrder", description: "Order of Saarland partnership lists" });

@InputType("SaarlandPartnershipFilterInput", { description: "Narrows a list of partnerships; all given conditions must hold" })
export class PartnershipFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => [ID], { nullable: true, description: "Register ids (SL-M-10045111)" })
  municipalityIds?: string[] | null;

  @Field(() => String, { nullable: true, description: "Landkreis or Regionalverband, as the register names it" })
  district?: string | null;

  @Field(() => String, { nullable: true, description: "ISO prefix (YYYY, YYYY-MM or YYYY-MM-DD): signed on or after; undated partnerships never match a date bound" })
  signedFrom?: string | null;

  @Field(() => String, { nullable: true, description: "ISO prefix: signed on or before (a prefix includes all of its period)" })
  signedTo?: string | null;

  @Field(() => OrdinalBasis, { nullable: true, description: "Only partnerships whose number is stated (or implied)" })
  ordinalBasis?: OrdinalBasis | null;

  @Field(() => [FieldOfAction], { nullable: true, description: "Any of these shared fields of action" })
  fieldsOfAction?: FieldOfAction[] | null;

  @Field(() => [PartnershipMeasure], { nullable: true, description: "Any of these agreed measures" })
  measures?: PartnershipMeasure[] | null;

}

/** A page of partnerships. */
export const PartnershipConnection = createConnectionType("SaarlandPartnership", () => SaarlandSecurityPartnership, "A page of partnerships");
