import type { FieldOfAction } from "@laenderhub/shared";
import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltLocalPartnership } from "./local-partnership.entity.js";

/** One shared field of action of a local partnership (derived from its notes at write time). */
@Entity("st_partnership_field")
export class StPartnershipField {
  @PrimaryColumn("text", { name: "partnership_id" })
  partnershipId!: string;

  @ManyToOne(() => SachsenAnhaltLocalPartnership, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "partnership_id" })
  partnership?: SachsenAnhaltLocalPartnership;

  @PrimaryColumn("text")
  field!: FieldOfAction;
}
