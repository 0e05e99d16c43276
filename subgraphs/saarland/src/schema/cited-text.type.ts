import { Field, ObjectType } from "type-graphql";
import { Source } from "@laenderhub/shared";

/** A short statement from the record (a note, an offer) with the sources it rests on. */
@ObjectType("SaarlandCitedText", { description: "A short statement from the record, with the sources it rests on" })
export class SaarlandCitedText {
  @Field(() => String)
  text!: string;

  @Field(() => [Source])
  sources!: Source[];
}

/** Pairs each text with the same sources (the record's sources, where the data cites no finer). */
export function citeEach(texts: readonly string[], sources: Source[]): SaarlandCitedText[] {
  return texts.map((text) => ({ text, sources }));
}
