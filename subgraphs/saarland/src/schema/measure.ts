import { registerEnumType } from "type-graphql";

/**
 * What a Saarland security partnership agrees on. The values come from the programme's own
 * fields of action and notes (programmes.json); they are the content of the Letter of Intent,
 * not measures reported for a single partnership.
 */
export enum PartnershipMeasure {
  /** "identify crime hot spots and develop counter-strategies" */
  CRIME_HOT_SPOT_DETECTION = "CRIME_HOT_SPOT_DETECTION",
  /** "joint focus operations of Ortspolizeibehörde and Vollzugspolizei" */
  JOINT_FOCUS_OPERATIONS = "JOINT_FOCUS_OPERATIONS",
  /** "continuous information exchange based on a shared crime situation picture" */
  CONTINUOUS_INFORMATION_EXCHANGE = "CONTINUOUS_INFORMATION_EXCHANGE",
  /** "raise subjective safety and reduce places perceived as unsafe" */
  SUBJECTIVE_SAFETY = "SUBJECTIVE_SAFETY",
  /** "presence of municipal enforcement (KOD / City-Wache)" */
  MUNICIPAL_ENFORCEMENT_PRESENCE = "MUNICIPAL_ENFORCEMENT_PRESENCE",
  /** "video surveillance at selected locations (Saarbrücken, Sulzbach)" */
  VIDEO_SURVEILLANCE = "VIDEO_SURVEILLANCE",
  /** "review (Überprüfung) announced after start-up of each partnership" */
  REVIEW_AFTER_START_UP = "REVIEW_AFTER_START_UP",
}

registerEnumType(PartnershipMeasure, {
  name: "SaarlandPartnershipMeasure",
  description: "A measure a Saarland security partnership agrees on (from the programme's fields of action and notes)",
});

/** Where in the programme record a measure's wording comes from. */
export enum MeasureOrigin {
  FIELDS_OF_ACTION = "FIELDS_OF_ACTION",
  NOTES = "NOTES",
}

registerEnumType(MeasureOrigin, {
  name: "SaarlandMeasureOrigin",
  description: "Which list of the programme record a measure's wording comes from",
});
