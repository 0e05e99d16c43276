import { Field, ObjectType } from "type-graphql";
import { StateCode } from "@laenderhub/shared";

/** A state whose subgraph did not contribute to an answer. */
@ObjectType("UnavailableState", { description: "A state missing from this answer: its subgraph was down, slow, failed, or is not registered" })
export class UnavailableState {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "Why the state is missing (e.g. no answer within 5000 ms)" })
  reason!: string;
}
