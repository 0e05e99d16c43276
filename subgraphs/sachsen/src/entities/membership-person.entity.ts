import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { MembershipEntity } from "./membership.entity.js";

/** Whether a person is listed among the signatories or among those present without signing. */
export enum PersonListing {
  SIGNATORY = "SIGNATORY",
  PRESENT = "PRESENT",
}

/** A person tied to a membership's agreement, with the role held at the time of the source. */
@Entity("membership_person")
export class MembershipPersonEntity {
  @PrimaryGeneratedColumn("increment", { type: "integer" })
  id!: number;

  @Index("idx_membership_person_membership")
  @Column("text", { name: "membership_id" })
  membershipId!: string;

  @ManyToOne(() => MembershipEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "membership_id" })
  membership?: MembershipEntity;

  /** Keeps people present apart from signatories, whatever their basis says. */
  @Column("text", { name: "listed_as" })
  listedAs!: PersonListing;

  /** Order within its list, as the sources give it. */
  @Column("integer")
  position!: number;

  @Column("text")
  name!: string;

  @Column("text", { nullable: true })
  role!: string | null;

  @Column("text", { nullable: true })
  organisation!: string | null;

  @Column("text", { nullable: true })
  party!: string | null;

  /** A shared `PersonBasis`. */
  @Column("text")
  basis!: string;
}
