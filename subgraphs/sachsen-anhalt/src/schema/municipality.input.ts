import { SourceInput } from "@laenderhub/shared";
import { Field, InputType } from "type-graphql";

@InputType("SachsenAnhaltNewMunicipalityInput", {
  description: "A municipality the register does not know yet, registered with the partnership; its id becomes ST-M-<AGS>",
})
export class SachsenAnhaltNewMunicipalityInput {
  @Field(() => String, { description: "Amtlicher Gemeindeschlüssel: 8 digits starting with 15 (Sachsen-Anhalt); never guessed" })
  ags!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "Stadt, Gemeinde, Hansestadt, Kreisfreie Stadt, ..." })
  type!: string;

  @Field(() => String, { nullable: true, description: "Landkreis; leave empty for a kreisfreie Stadt" })
  landkreis?: string | null;

  @Field(() => String, { nullable: true })
  landkreisNote?: string | null;

  @Field(() => String, { nullable: true, description: "How the AGS was read and checked" })
  agsNote?: string | null;

  @Field(() => [SourceInput], { description: "Where the AGS and the name were read (at least one)" })
  sources!: SourceInput[];
}
