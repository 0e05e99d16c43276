import { ActorType, FieldOfAction } from "@laenderhub/shared";

/**
 * Facts that the dataset gives only in words (notes, additional dates), written out here
 * once, by hand, each next to the words it comes from. `tests/seed-notes.test.ts` checks
 * every entry against its note, so an edit to the data that breaks one fails a test.
 */

/**
 * Records whose `signed_date` is null while `signed_date_precision` is `month`: the year and
 * month are only in `signed_date_note`. The day is never filled in.
 */
export const SIGNED_MONTH_FROM_NOTE: Readonly<Record<string, { year: number; month: number }>> = {
  // Bad Dürrenberg: "signed on a Monday in July 2021 (report dated 2021-07); exact day not stated"
  "ST-P-04": { year: 2021, month: 7 },
};

/**
 * Records whose precision is `day_month`: month and day from the note, the year unknown.
 * Sachsen-Anhalt's data has none; the seed refuses such a record without an entry here.
 */
export const SIGNED_DAY_MONTH_FROM_NOTE: Readonly<Record<string, { month: number; day: number }>> = {};

/** Events whose date is null with precision `half_year`: the half-year is in `additional_dates`. */
export const EVENT_HALF_YEAR: Readonly<Record<string, { year: number; half: 1 | 2; from: string }>> = {
  // Regionalkonferenzen: additional_dates ["2017-H2 (announced)"]
  "ST-E-005": { year: 2017, half: 2, from: "2017-H2 (announced)" },
};

/**
 * Kinds of actors in a prevention body, only where its note or source names them. Bodies
 * not listed here get an empty list: nothing is guessed from the body's name or kind.
 */
export const PREVENTION_BODY_ACTORS: Readonly<Record<string, readonly ActorType[]>> = {
  // Kriminalpräventiver Beirat Magdeburg: "police and Ordnungsamt coordinate in it; ..."
  "ST-PB-15003000-1": [ActorType.POLICE, ActorType.MUNICIPAL_AUTHORITY],
};

/** The programme note on the Landespräventionsrat starts with this. */
export const LPR_NOTE_PREFIX = "Landespräventionsrat Sachsen-Anhalt:";

/**
 * The Landespräventionsrat, from the programme note "Landespräventionsrat Sachsen-Anhalt:
 * constituted 1999-09-06 after a cabinet decision of 1999-06-22; chaired by the interior
 * state secretary" and the coordinating body "... Landespräventionsrat Sachsen-Anhalt
 * supports local prevention bodies". Its sources are those of its constitution event.
 */
export const LANDESPRAEVENTIONSRAT = {
  id: "ST-LPR",
  name: "Landespräventionsrat Sachsen-Anhalt",
  constitutedOn: "1999-09-06",
  cabinetDecisionOn: "1999-06-22",
  chairedBy: "interior state secretary",
  role: "supports local prevention bodies",
  constitutionEventId: "ST-E-007",
} as const;

/**
 * What the shared keyword rules cannot read from a strategic line's wording. Keyed by the
 * wording itself, so a reworded line loses its entry instead of inheriting another's.
 */
export const STRATEGIC_LINE_EXTRAS: Readonly<Record<string, { fields?: readonly FieldOfAction[]; introducedInYear?: number }>> = {
  // "added 2017": the Fortschreibung of 2017-09-13, whose description says it "adds road safety for the first time".
  "road safety (added 2017: vulnerable road users, accident black spots)": { introducedInYear: 2017 },
};
