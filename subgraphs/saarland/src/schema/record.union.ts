import { createUnionType, Field, ID, ObjectType } from "type-graphql";
import { Source } from "@laenderhub/shared";
import { SaarlandEvent } from "../entities/event.entity.js";
import { SaarlandIndicator } from "../entities/indicator.entity.js";
import { SaarlandSecurityPartnership } from "../entities/partnership.entity.js";

/** A Saarland record that carries its own sources: a partnership, an event or a figure. */
export const SaarlandRecord = createUnionType({
  name: "SaarlandRecord",
  description: "A Saarland partnership, event or indicator figure",
  types: () => [SaarlandSecurityPartnership, SaarlandEvent, SaarlandIndicator] as const,
  resolveType: (value) =>
    value instanceof SaarlandSecurityPartnership ? SaarlandSecurityPartnership : value instanceof SaarlandEvent ? SaarlandEvent : SaarlandIndicator,
});

@ObjectType("SaarlandSourcesAttached", { description: "The outcome of attaching sources to a record" })
export class SourcesAttached {
  @Field(() => ID)
  recordId!: string;

  @Field(() => String, { description: "SaarlandSecurityPartnership, SaarlandEvent or SaarlandIndicator" })
  recordType!: string;

  @Field(() => [Source], { description: "The sources that were new; empty when every URL was cited already (nothing changed)" })
  added!: Source[];

  @Field(() => SaarlandRecord)
  record!: SaarlandSecurityPartnership | SaarlandEvent | SaarlandIndicator;
}
