import { Field, Int, ObjectType } from "type-graphql";
import { SachsenAnhaltLocalPartnership } from "../entities/local-partnership.entity.js";

@ObjectType("SachsenAnhaltLocalPartnershipPage", { description: "A page of local partnerships, ordered by signing date (unknown last), then id" })
export class SachsenAnhaltLocalPartnershipPage {
  @Field(() => Int, { description: "How many partnerships match the filter" })
  totalCount!: number;

  @Field(() => Int)
  offset!: number;

  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => [SachsenAnhaltLocalPartnership])
  items!: SachsenAnhaltLocalPartnership[];
}
