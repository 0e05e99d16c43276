import { Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * An entry of Sachsen's own municipal register. The federation's public `Municipality`
 * (gazetteer) lives in the compare subgraph; this is what Sachsen itself records.
 */
@ObjectType("SachsenGemeinde", { description: "A municipality as Sachsen's records name it (the gazetteer's Municipality is the public type)" })
export class SachsenGemeinde {
  @Field(() => ID, { description: "Stable id, SN-M-<AGS> or SN-M-<NAME> where the AGS is unknown" })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "8-digit Amtlicher Gemeindeschlüssel; null where no source confirms it" })
  ags!: string | null;

  @Field(() => String, { nullable: true, description: "Landkreis; null for kreisfreie Städte" })
  district!: string | null;

  @Field(() => String, { nullable: true })
  districtNote!: string | null;

  @Field(() => String, { nullable: true, description: "Stadt, Gemeinde, Große Kreisstadt, Kreisfreie Stadt, …" })
  type!: string | null;

  @Field(() => String, { nullable: true, description: "What the sources say where the AGS is missing" })
  agsNote!: string | null;

  @Field(() => [Source], { description: "Sources that confirm the AGS" })
  agsSources!: Source[];

  @Field(() => [Source], { description: "All sources on the municipality (AGS sources first)" })
  sources!: Source[];
}
