import { MeasureOrigin, PartnershipMeasure } from "../schema/measure.js";

/** How one measure of the Letter of Intent is found in the programme record. */
export interface MeasureRule {
  measure: PartnershipMeasure;
  origin: MeasureOrigin;
  /** Picks exactly one entry of the programme's `fields_of_action` or `notes`. */
  match: RegExp;
  /** Only these partners, where the programme's wording names them; otherwise every partnership. */
  municipalityIds?: string[];
}

/**
 * The measures a Saarland partnership agrees on, taken from the programme record
 * (programmes.json): the Letter of Intent is one text for every partner, so its measures are
 * programme facts with programme-level sources. The seed stops when a rule finds no entry
 * or more than one, so the wording served is always the data's.
 */
export const MEASURE_RULES: readonly MeasureRule[] = [
  { measure: PartnershipMeasure.CRIME_HOT_SPOT_DETECTION, origin: MeasureOrigin.FIELDS_OF_ACTION, match: /crime hot spots/i },
  { measure: PartnershipMeasure.JOINT_FOCUS_OPERATIONS, origin: MeasureOrigin.FIELDS_OF_ACTION, match: /joint focus operations/i },
  { measure: PartnershipMeasure.CONTINUOUS_INFORMATION_EXCHANGE, origin: MeasureOrigin.FIELDS_OF_ACTION, match: /information exchange/i },
  { measure: PartnershipMeasure.SUBJECTIVE_SAFETY, origin: MeasureOrigin.FIELDS_OF_ACTION, match: /subjective safety/i },
  { measure: PartnershipMeasure.MUNICIPAL_ENFORCEMENT_PRESENCE, origin: MeasureOrigin.FIELDS_OF_ACTION, match: /municipal enforcement/i },
  {
    measure: PartnershipMeasure.VIDEO_SURVEILLANCE,
    origin: MeasureOrigin.FIELDS_OF_ACTION,
    match: /video surveillance/i,
    // "video surveillance at selected locations (Saarbrücken, Sulzbach)": those two partners only.
    municipalityIds: ["SL-M-10041100", "SL-M-10041518"],
  },
  { measure: PartnershipMeasure.REVIEW_AFTER_START_UP, origin: MeasureOrigin.NOTES, match: /review \(Überprüfung\)/i },
];
