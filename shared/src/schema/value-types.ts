import { Directive, Field, InputType, Int, ObjectType } from "type-graphql";
import { DatePrecision, PersonBasis } from "../vocabulary.js";

/** A citation. Every fact served carries at least one. */
@ObjectType({ description: "A cited public source" })
@Directive("@shareable")
export class Source {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String, { nullable: true, description: "Title of the page or document, where recorded" })
  title!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Publication date as ISO 8601 with the precision the source shows (YYYY, YYYY-MM or YYYY-MM-DD)",
  })
  publishedOn!: string | null;
}

@InputType({ description: "A cited public source" })
export class SourceInput {
  @Field(() => String)
  url!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "YYYY, YYYY-MM or YYYY-MM-DD" })
  publishedOn?: string | null;
}

/** A person tied to an agreement: a signatory, or someone present without signing. */
@ObjectType({ description: "A person tied to an agreement, with the role held at the time of the source" })
@Directive("@shareable")
export class Signatory {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => String, { nullable: true })
  organisation!: string | null;

  @Field(() => String, { nullable: true, description: "Party, only where a source states it" })
  party!: string | null;

  @Field(() => PersonBasis, { description: "How the person is tied to the agreement (signed, present, ...)" })
  basis!: PersonBasis;
}

@InputType()
export class SignatoryInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => String, { nullable: true })
  organisation?: string | null;

  @Field(() => String, { nullable: true })
  party?: string | null;

  @Field(() => PersonBasis)
  basis!: PersonBasis;
}

/**
 * A date with the precision the sources give. `iso` is a prefix of an ISO 8601 date
 * (`2017`, `2017-01`, `2017-01-15`) and sorts correctly as text; it is null when the year
 * is unknown. No part of a date is ever invented.
 */
@ObjectType({ description: "A date with the precision the sources give; no part of it is invented" })
@Directive("@shareable")
export class FuzzyDate {
  @Field(() => String, { nullable: true, description: "ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD; null if the year is unknown" })
  iso!: string | null;

  @Field(() => DatePrecision)
  precision!: DatePrecision;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => Int, { nullable: true })
  month!: number | null;

  @Field(() => Int, { nullable: true })
  day!: number | null;

  @Field(() => String, { nullable: true, description: "What the sources say where the date is incomplete" })
  note!: string | null;
}

/** A short statement from a record (a note, an offer) with the sources it rests on. */
@ObjectType("CitedText", { description: "A short statement from a record (a note, an offer), with the sources it rests on" })
@Directive("@shareable")
export class CitedText {
  @Field(() => String)
  text!: string;

  @Field(() => [Source])
  sources!: Source[];
}

/** Pairs each text with the same sources (the record's sources, where the data cites no finer). */
export function citeEach(texts: readonly string[], sources: Source[]): CitedText[] {
  return texts.map((text) => ({ text, sources }));
}
