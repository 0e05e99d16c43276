import { StateCode } from "@laenderhub/shared";
import { Field, ObjectType } from "type-graphql";

/**
 * The namespace through which everything of Sachsen-Anhalt is reachable in the state's own
 * terms (`Query.sachsenAnhalt`). Its list and lookup fields are resolved in
 * `sachsen-anhalt.resolver.ts`.
 */
@ObjectType("SachsenAnhalt", { description: "Sachsen-Anhalt's programme in its own terms" })
export class SachsenAnhalt {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;
}
