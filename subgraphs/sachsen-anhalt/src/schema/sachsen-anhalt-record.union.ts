import { createUnionType } from "type-graphql";
import { SachsenAnhaltEvent, SachsenAnhaltIndicator, SachsenAnhaltLocalPartnership } from "../entities/index.js";

/** A record of the state that carries sources of its own: what attachSachsenAnhaltSources returns. */
export const SachsenAnhaltSourcedRecord = createUnionType({
  name: "SachsenAnhaltSourcedRecord",
  description: "A Sachsen-Anhalt partnership, event or indicator figure",
  types: () => [SachsenAnhaltLocalPartnership, SachsenAnhaltEvent, SachsenAnhaltIndicator] as const,
  // Ids say what a record is (ST-P-, ST-E-, ST-I-), whatever object shape it arrives in.
  resolveType: (value: { id: string }) =>
    value.id.startsWith("ST-P-") ? "SachsenAnhaltLocalPartnership" : value.id.startsWith("ST-E-") ? "SachsenAnhaltEvent" : "SachsenAnhaltIndicator",
});
