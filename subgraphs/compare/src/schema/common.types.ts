import { Directive, Field, ObjectType } from "type-graphql";
import { StateCode } from "@laenderhub/shared";

/** Relay-style page information. */
@ObjectType("PageInfo", { description: "Where a page stands in its list" })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the last edge; pass it as `after` for the next page" })
  endCursor!: string | null;
}

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
