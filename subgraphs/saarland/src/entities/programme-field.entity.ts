import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { FieldOfAction, Source } from "@laenderhub/shared";

/** A field of action of the programme in its own wording, with the shared values it maps to. */
@Entity("programme_field_of_action")
@Index("idx_programme_field_programme", ["programmeId", "position"])
@ObjectType("SaarlandProgrammeFieldOfAction", { description: "A field of action of the programme, in the sources' wording" })
export class SaarlandProgrammeFieldOfAction {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id: programme id, FOA and its running number (SL-PRG-SIPA-FOA-1)" })
  id!: string;

  @Column("text", { name: "programme_id" })
  @Field(() => String)
  programmeId!: string;

  @Column("integer")
  position!: number;

  @Column("text")
  @Field(() => String, { description: "The field of action as the dataset words it" })
  wording!: string;

  @Column("simple-json")
  @Field(() => [FieldOfAction], { description: "The shared fields of action this wording names" })
  fields!: FieldOfAction[];

  @Column("simple-json")
  @Field(() => [Source])
  sources!: Source[];
}
