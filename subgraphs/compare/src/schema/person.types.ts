import { Field, ID, Int, ObjectType } from "type-graphql";
import { PersonBasis, StateCode } from "@laenderhub/shared";

@ObjectType("PersonAgreement", { description: "One agreement a person signed or attended, with the role held at the time of the source" })
export class PersonAgreement {
  @Field(() => String, { description: "Groups the member participations of one (joint) agreement" })
  agreementId!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => PersonBasis, { description: "How the person is tied to the agreement" })
  basis!: PersonBasis;

  @Field(() => Boolean, { description: "Listed among the signatories (not only present or quoted)" })
  signed!: boolean;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true })
  party!: string | null;

  @Field(() => String, { nullable: true, description: "Signing date (ISO prefix), where known" })
  signedOn!: string | null;

  @Field(() => [ID])
  participationIds!: string[];

  @Field(() => [ID])
  municipalityIds!: string[];
}

@ObjectType("Person", { description: "A person tied to agreements across states, grouped by normalised name" })
export class Person {
  @Field(() => String, { description: "The name as most sources spell it" })
  name!: string;

  @Field(() => String, { description: "The grouping key: lower case, umlauts folded, academic titles and extra spaces removed" })
  normalisedName!: string;

  @Field(() => [String], { description: "Every spelling seen" })
  spellings!: string[];

  @Field(() => [StateCode])
  states!: StateCode[];

  @Field(() => Int, { description: "Distinct agreements the person is listed as a signatory of" })
  agreementsSigned!: number;

  @Field(() => Int, { description: "Distinct agreements the person attended without signing" })
  agreementsPresent!: number;

  @Field(() => Int, { description: "Distinct agreements the person is tied to in any way" })
  agreementCount!: number;

  @Field(() => [String])
  roles!: string[];

  @Field(() => [String])
  organisations!: string[];

  @Field(() => [String], { description: "Parties, only where a source states one" })
  parties!: string[];

  @Field(() => [PersonAgreement])
  agreements!: PersonAgreement[];
}
