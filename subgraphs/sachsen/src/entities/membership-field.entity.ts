import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from "typeorm";
import { MembershipEntity } from "./membership.entity.js";

/** A shared `FieldOfAction` that a membership's notes name (one row per field). */
@Entity("membership_field")
export class MembershipFieldEntity {
  @PrimaryColumn("text", { name: "membership_id" })
  membershipId!: string;

  @PrimaryColumn("text")
  field!: string;

  @ManyToOne(() => MembershipEntity, { onDelete: "CASCADE" })
  @JoinColumn({ name: "membership_id" })
  membership?: MembershipEntity;
}
