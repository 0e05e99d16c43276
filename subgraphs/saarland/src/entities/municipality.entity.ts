import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Source } from "@laenderhub/shared";

/**
 * Saarland's own register of the municipalities its records reference. The public
 * `Municipality` type belongs to the compare subgraph (the gazetteer), which reads this
 * register through the contract's `cmp_municipality` view.
 */
@Entity("municipality")
@Index("idx_municipality_ags", ["ags"])
@ObjectType("SaarlandMunicipality", { description: "A municipality in Saarland's own register (the public Municipality type is the gazetteer's)" })
export class SaarlandMunicipality {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id, SL-M-<AGS>" })
  id!: string;

  @Column("text")
  @Field(() => String)
  name!: string;

  /** sortableName(name), stored so SQL orders names as JavaScript does. */
  @Column("text", { name: "sort_name" })
  sortName!: string;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "8-digit Amtlicher Gemeindeschlüssel; null where no source confirms it" })
  ags!: string | null;

  @Column("text", { name: "district_name", nullable: true })
  @Field(() => String, { nullable: true, description: "Landkreis (or Regionalverband); null for kreisfreie Städte" })
  district!: string | null;

  @Column("text", { name: "district_note", nullable: true })
  @Field(() => String, { nullable: true })
  districtNote!: string | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Stadt, Gemeinde, Kreisstadt, Mittelstadt, Landeshauptstadt ..." })
  type!: string | null;

  @Column("text", { name: "ags_note", nullable: true })
  @Field(() => String, { nullable: true })
  agsNote!: string | null;

  @Column("simple-json", { name: "ags_sources" })
  @Field(() => [Source], { description: "The sources the AGS was read from" })
  agsSources!: Source[];

  @Column("simple-json")
  @Field(() => [Source], { description: "Every source of the entry (AGS sources and others)" })
  sources!: Source[];
}
