import { Field, ObjectType } from "type-graphql";

/** The association whose members signed one joint agreement together. */
@ObjectType("SaarlandAgreementGroup", { description: "The association whose members signed one joint agreement" })
export class SaarlandAgreementGroup {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  kind!: string;
}
