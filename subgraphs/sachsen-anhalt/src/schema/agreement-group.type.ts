import { Field, ObjectType } from "type-graphql";

@ObjectType("SachsenAnhaltAgreementGroup", { description: "The association whose members signed one joint agreement" })
export class SachsenAnhaltAgreementGroup {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: "Kind of association (e.g. Städtebund, Verwaltungsgemeinschaft)" })
  kind!: string | null;
}
