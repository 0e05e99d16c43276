import { Field, InputType } from "type-graphql";
import { SourceInput } from "@laenderhub/shared";

@InputType("SaarlandMunicipalityInput", { description: "A municipality to add to Saarland's register; its id becomes SL-M-<AGS>" })
export class MunicipalityInput {
  @Field(() => String, { description: "The 8-digit Amtlicher Gemeindeschlüssel, starting with 10" })
  ags!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "Stadt, Gemeinde, Kreisstadt, …" })
  type?: string | null;

  @Field(() => String, { nullable: true, description: "Landkreis or Regionalverband; null for a kreisfreie Stadt" })
  district?: string | null;

  @Field(() => [SourceInput], { description: "Where the AGS was read (at least one)" })
  sources!: SourceInput[];
}
