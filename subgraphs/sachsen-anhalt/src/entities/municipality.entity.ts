import { Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn, Unique } from "typeorm";

/**
 * The state's own register of the municipalities its records reference. The public
 * `Municipality` type belongs to the compare subgraph (gazetteer); this one keeps what the
 * Sachsen-Anhalt sources say and feeds the contract's `cmp_municipality` view.
 */
@Entity("st_municipality")
@Unique("UQ_st_municipality_ags", ["ags"])
@ObjectType("SachsenAnhaltMunicipality", { description: "A municipality as the Sachsen-Anhalt records know it" })
export class SachsenAnhaltMunicipality {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Gazetteer id: ST-M-<AGS>, or ST-M-<NAME> where the id was fixed without the AGS" })
  id!: string;

  @Column("text")
  @Field(() => String)
  name!: string;

  /** `sortableName(name)`, stored at write time so SQL orders like JavaScript. */
  @Column("text", { name: "sort_name" })
  sortName!: string;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "8-digit Amtlicher Gemeindeschlüssel; null where no source confirms it" })
  ags!: string | null;

  @Column("text", { nullable: true })
  @Field(() => String, { name: "district", nullable: true, description: "Landkreis; null for kreisfreie Städte" })
  landkreis!: string | null;

  @Column("text", { name: "landkreis_note", nullable: true })
  @Field(() => String, { name: "districtNote", nullable: true })
  landkreisNote!: string | null;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Stadt, Hansestadt, Kreisfreie Stadt, Landeshauptstadt, ..." })
  type!: string | null;

  @Column("text", { name: "ags_note", nullable: true })
  @Field(() => String, { nullable: true, description: "How the AGS was read and checked" })
  agsNote!: string | null;

  @Column("simple-json", { name: "ags_sources" })
  @Field(() => [Source], { description: "The sources the AGS was read from" })
  agsSources!: Source[];

  @Column("simple-json")
  @Field(() => [Source], { description: "Every source on the municipality (AGS sources first)" })
  sources!: Source[];
}
