import { Source } from "@laenderhub/shared";
import { Field, ObjectType } from "type-graphql";

/** A short note from the sources, with the sources of the record it belongs to. */
@ObjectType("AsskommNote", { description: "A short note from the sources (own neutral wording), with its sources" })
export class AsskommNote {
  @Field(() => String)
  text!: string;

  @Field(() => [Source])
  sources!: Source[];
}
