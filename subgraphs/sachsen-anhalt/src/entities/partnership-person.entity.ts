import type { PersonBasis } from "@laenderhub/shared";
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { SachsenAnhaltLocalPartnership } from "./local-partnership.entity.js";

/** Whether a person is listed as signatory or as present without signing: kept apart. */
export enum PersonListing {
  SIGNATORY = "SIGNATORY",
  PRESENT = "PRESENT",
}

/** A person tied to a local partnership (served as `Signatory`). */
@Entity("st_partnership_person")
export class StPartnershipPerson {
  @PrimaryColumn("text", { name: "partnership_id" })
  partnershipId!: string;

  @ManyToOne(() => SachsenAnhaltLocalPartnership, { onDelete: "CASCADE", nullable: false })
  @JoinColumn({ name: "partnership_id" })
  partnership?: SachsenAnhaltLocalPartnership;

  @PrimaryColumn("text")
  listing!: PersonListing;

  @PrimaryColumn("integer")
  position!: number;

  @Column("text")
  name!: string;

  @Column("text", { nullable: true })
  role!: string | null;

  @Column("text", { nullable: true })
  organisation!: string | null;

  @Column("text", { nullable: true })
  party!: string | null;

  @Column("text")
  basis!: PersonBasis;
}
