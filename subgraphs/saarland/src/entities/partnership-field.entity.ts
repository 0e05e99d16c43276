import { Entity, PrimaryColumn } from "typeorm";
import type { FieldOfAction } from "@laenderhub/shared";

/** A shared field of action that a partnership's notes name (one row per field). */
@Entity("partnership_field_of_action")
export class SaarlandPartnershipField {
  @PrimaryColumn("text", { name: "partnership_id" })
  partnershipId!: string;

  @PrimaryColumn("text")
  field!: FieldOfAction;
}
