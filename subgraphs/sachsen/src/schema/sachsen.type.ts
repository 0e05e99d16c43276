import { StateCode } from "@laenderhub/shared";
import { Field, ObjectType } from "type-graphql";

/**
 * The namespace through which everything of Sachsen is reachable in the state's own terms.
 * Its list and lookup fields are resolved by SachsenResolver.
 */
@ObjectType("Sachsen", { description: "Sachsen: Allianz Sichere Sächsische Kommunen (ASSKomm) and Kommunale Präventionsräte" })
export class Sachsen {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;
}
