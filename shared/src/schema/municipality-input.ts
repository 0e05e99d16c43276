import { Field, InputType } from "type-graphql";
import { SourceInput } from "./value-types.js";

/**
 * A municipality a state registers together with a participation (`newMunicipality` of every
 * state's create and update inputs). One shape in every state, so a ministry's client and a
 * researcher's import tool fill it the same way; each state checks the AGS against its own prefix.
 */
@InputType("MunicipalityInput", { description: "A municipality to add to the state's register with the participation; its id becomes <state>-M-<AGS>" })
export class MunicipalityInput {
  @Field(() => String, { description: "The 8-digit Amtlicher Gemeindeschlüssel, starting with the state's two digits; never guessed" })
  ags!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "Stadt, Gemeinde, Kreisstadt, Kreisfreie Stadt, …" })
  type?: string | null;

  @Field(() => String, { nullable: true, description: "Landkreis (or Regionalverband); omitted for a kreisfreie Stadt" })
  district?: string | null;

  @Field(() => String, { nullable: true, description: "What the sources say about the district" })
  districtNote?: string | null;

  @Field(() => String, { nullable: true, description: "How the AGS was read and checked" })
  agsNote?: string | null;

  @Field(() => [SourceInput], { description: "Where the AGS and the name were read (at least one)" })
  sources!: SourceInput[];
}
