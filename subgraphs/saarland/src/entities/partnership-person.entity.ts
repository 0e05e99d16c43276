import { Column, Entity, PrimaryColumn } from "typeorm";
import type { PersonBasis } from "@laenderhub/shared";

/** Which list of the record a person stands in: people present never count as signatories. */
export enum PersonListing {
  SIGNATORY = "SIGNATORY",
  PRESENT = "PRESENT",
}

/** A person tied to a partnership: a signatory, or someone present without signing. */
@Entity("partnership_person")
export class SaarlandPartnershipPerson {
  @PrimaryColumn("text", { name: "partnership_id" })
  partnershipId!: string;

  @PrimaryColumn("integer")
  position!: number;

  @Column("text")
  listing!: PersonListing;

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
