import { Field, ObjectType } from "type-graphql";
import { StateCode } from "@laenderhub/shared";

/**
 * The namespace through which everything of Saarland is reachable in Saarland's own terms.
 * It holds no data itself; its fields are resolved by `SaarlandResolver`.
 */
@ObjectType("Saarland", { description: "Saarland's programme, partnerships, events, indicators and register, in its own terms" })
export class Saarland {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;
}
