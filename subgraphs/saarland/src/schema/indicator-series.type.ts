import { Field, ObjectType } from "type-graphql";
import { Source } from "@laenderhub/shared";
import { SaarlandIndicator } from "../entities/indicator.entity.js";

/** All figures with one indicator code, oldest first: a time series. */
@ObjectType("SaarlandIndicatorSeries", { description: "The figures of one indicator code, oldest first" })
export class SaarlandIndicatorSeries {
  @Field(() => String, { description: "Indicator code (partnerships_total)" })
  indicator!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String)
  unit!: string;

  @Field(() => [SaarlandIndicator], { description: "Figures by the date they refer to, oldest first; undated last" })
  figures!: SaarlandIndicator[];

  @Field(() => SaarlandIndicator, { description: "The most recent dated figure" })
  latest!: SaarlandIndicator;

  @Field(() => [Source], { description: "Every source of the series' figures, without repeats" })
  sources!: Source[];
}
