import { registerEnumType } from "type-graphql";

/**
 * The shared comparative vocabulary. Every state keeps its own concepts in its own
 * subgraph and maps them onto these values so that the states can be compared.
 */

/** Two-letter state codes (ISO 3166-2:DE without the country prefix). */
export enum StateCode {
  SL = "SL",
  SN = "SN",
  ST = "ST",
}

/** The first two digits of every AGS in a state. */
export const AGS_PREFIX: Record<StateCode, string> = { SL: "10", SN: "14", ST: "15" };

export const STATE_NAMES: Record<StateCode, string> = {
  SL: "Saarland",
  SN: "Sachsen",
  ST: "Sachsen-Anhalt",
};

export enum ProgrammeKind {
  BILATERAL_STATE_MUNICIPAL_PARTNERSHIP = "BILATERAL_STATE_MUNICIPAL_PARTNERSHIP",
  STATE_PREVENTION_STRATEGY_NETWORK = "STATE_PREVENTION_STRATEGY_NETWORK",
  FRAMEWORK_DECLARATION_WITH_LOCAL_PARTNERSHIPS = "FRAMEWORK_DECLARATION_WITH_LOCAL_PARTNERSHIPS",
}

/** The instrument by which a municipality takes part. */
export enum Instrument {
  LETTER_OF_INTENT = "LETTER_OF_INTENT",
  COOPERATION_AGREEMENT = "COOPERATION_AGREEMENT",
  PRE_AGREEMENT = "PRE_AGREEMENT",
  MODEL_MUNICIPALITY = "MODEL_MUNICIPALITY",
  TARGET_AGREEMENT = "TARGET_AGREEMENT",
  PREVENTION_PARTNERSHIP = "PREVENTION_PARTNERSHIP",
  PARTICIPATION_STATED = "PARTICIPATION_STATED",
}

/** Fields of action, as a small shared vocabulary over the states' own wording. */
export enum FieldOfAction {
  CRIME_HOT_SPOTS = "CRIME_HOT_SPOTS",
  JOINT_PATROLS = "JOINT_PATROLS",
  INFORMATION_EXCHANGE = "INFORMATION_EXCHANGE",
  SUBJECTIVE_SAFETY = "SUBJECTIVE_SAFETY",
  MUNICIPAL_ENFORCEMENT = "MUNICIPAL_ENFORCEMENT",
  VIDEO_SURVEILLANCE = "VIDEO_SURVEILLANCE",
  GRAFFITI = "GRAFFITI",
  VANDALISM = "VANDALISM",
  LITTERING = "LITTERING",
  VIOLENCE = "VIOLENCE",
  DOMESTIC_VIOLENCE = "DOMESTIC_VIOLENCE",
  EXTREMISM = "EXTREMISM",
  HATE_SPEECH = "HATE_SPEECH",
  DRUG_ABUSE = "DRUG_ABUSE",
  TRAFFIC_SAFETY = "TRAFFIC_SAFETY",
  YOUTH_WORK = "YOUTH_WORK",
  CHILD_PROTECTION = "CHILD_PROTECTION",
  SENIOR_SAFETY = "SENIOR_SAFETY",
  NOISE = "NOISE",
  PROSTITUTION = "PROSTITUTION",
  EVENT_SAFETY = "EVENT_SAFETY",
  PREVENTION_BODY = "PREVENTION_BODY",
  SECURITY_ANALYSIS = "SECURITY_ANALYSIS",
  COACHING = "COACHING",
  RESIDENT_SURVEY = "RESIDENT_SURVEY",
}

/** Kinds of actors that sit in prevention bodies or sign agreements. */
export enum ActorType {
  MUNICIPAL_AUTHORITY = "MUNICIPAL_AUTHORITY",
  STATE_MINISTRY = "STATE_MINISTRY",
  POLICE = "POLICE",
  PREVENTION_COUNCIL = "PREVENTION_COUNCIL",
  MUNICIPAL_ASSOCIATION = "MUNICIPAL_ASSOCIATION",
  VICTIM_SUPPORT = "VICTIM_SUPPORT",
  ADDICTION_COUNSELLING = "ADDICTION_COUNSELLING",
  ASSOCIATION = "ASSOCIATION",
  CHURCH = "CHURCH",
  BUSINESS = "BUSINESS",
  CITIZENS = "CITIZENS",
  SCHOOL = "SCHOOL",
  UNIVERSITY = "UNIVERSITY",
  OTHER = "OTHER",
}

/** Where a participation stands. ENDED keeps the record queryable with its end date. */
export enum ParticipationStatus {
  ANNOUNCED = "ANNOUNCED",
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}

/** How much of a date the sources give; no day is ever invented. */
export enum DatePrecision {
  DAY = "DAY",
  MONTH = "MONTH",
  YEAR = "YEAR",
  /** Day and month are known, the year is not. */
  DAY_MONTH = "DAY_MONTH",
  HALF_YEAR = "HALF_YEAR",
  UNKNOWN = "UNKNOWN",
}

/** How a person is connected to an agreement. */
export enum PersonBasis {
  SIGNED = "SIGNED",
  CONCLUDED_BY = "CONCLUDED_BY",
  IN_OFFICE = "IN_OFFICE",
  PRESENT = "PRESENT",
  ANNOUNCED_SIGNER = "ANNOUNCED_SIGNER",
  QUOTED = "QUOTED",
}

export enum OrdinalBasis {
  STATED = "STATED",
  IMPLIED = "IMPLIED",
}

export enum SigningFormat {
  IN_PERSON = "IN_PERSON",
  VIDEOCONFERENCE = "VIDEOCONFERENCE",
  HYBRID = "HYBRID",
}

export enum EventStatus {
  HELD = "HELD",
  ANNOUNCED = "ANNOUNCED",
  CANCELLED = "CANCELLED",
  ANNOUNCED_NOT_CONFIRMED = "ANNOUNCED_NOT_CONFIRMED",
}

export enum PreventionBodyStatus {
  EXISTING = "EXISTING",
  FOUNDED = "FOUNDED",
  PLANNED = "PLANNED",
  TO_BE_REVIVED = "TO_BE_REVIVED",
}

export enum IndicatorQualifier {
  EXACT = "EXACT",
  MORE_THAN = "MORE_THAN",
  ABOUT = "ABOUT",
}

registerEnumType(StateCode, { name: "StateCode", description: "German state (Land), two-letter code" });
registerEnumType(ProgrammeKind, { name: "ProgrammeKind", description: "How a state programme is built" });
registerEnumType(Instrument, { name: "Instrument", description: "Instrument by which a municipality takes part" });
registerEnumType(FieldOfAction, { name: "FieldOfAction", description: "Shared vocabulary of fields of action" });
registerEnumType(ActorType, { name: "ActorType", description: "Kind of actor in a prevention body or agreement" });
registerEnumType(ParticipationStatus, { name: "ParticipationStatus" });
registerEnumType(DatePrecision, { name: "DatePrecision", description: "How much of a date the sources give" });
registerEnumType(PersonBasis, { name: "PersonBasis", description: "How a person is tied to an agreement" });
registerEnumType(OrdinalBasis, { name: "OrdinalBasis", description: "Whether a running number is stated by a source or implied" });
registerEnumType(SigningFormat, { name: "SigningFormat" });
registerEnumType(EventStatus, { name: "EventStatus" });
registerEnumType(PreventionBodyStatus, { name: "PreventionBodyStatus" });
registerEnumType(IndicatorQualifier, { name: "IndicatorQualifier", description: "Qualifier a source puts on a figure" });

/** Keyword rules that map the sources' wording (notes, themes) onto the shared fields of action. */
const FIELD_RULES: Array<[RegExp, FieldOfAction]> = [
  [/hot.?spot|kriminalitätsschwerpunkt|crime hot spots|problem zone/i, FieldOfAction.CRIME_HOT_SPOTS],
  [/joint patrol|gemeinsame streife|focus operation|schwerpunkteins/i, FieldOfAction.JOINT_PATROLS],
  [/information exchange|situation picture|lagebild/i, FieldOfAction.INFORMATION_EXCHANGE],
  [/subjective safety|perceived as unsafe|sicherheitsgefühl/i, FieldOfAction.SUBJECTIVE_SAFETY],
  [/enforcement|vollzugsdienst|\bKOD\b|city-wache|ordnungsamt/i, FieldOfAction.MUNICIPAL_ENFORCEMENT],
  [/video/i, FieldOfAction.VIDEO_SURVEILLANCE],
  [/graffiti/i, FieldOfAction.GRAFFITI],
  [/vandalism/i, FieldOfAction.VANDALISM],
  [/litter|vermüllung/i, FieldOfAction.LITTERING],
  [/\bviolence\b|gewalt/i, FieldOfAction.VIOLENCE],
  [/domestic violence|häusliche gewalt/i, FieldOfAction.DOMESTIC_VIOLENCE],
  [/extremism/i, FieldOfAction.EXTREMISM],
  [/hate speech/i, FieldOfAction.HATE_SPEECH],
  [/drug/i, FieldOfAction.DRUG_ABUSE],
  [/traffic|road safety|accident black spot/i, FieldOfAction.TRAFFIC_SAFETY],
  [/youth/i, FieldOfAction.YOUTH_WORK],
  [/child protection/i, FieldOfAction.CHILD_PROTECTION],
  [/senior/i, FieldOfAction.SENIOR_SAFETY],
  [/noise/i, FieldOfAction.NOISE],
  [/prostitution/i, FieldOfAction.PROSTITUTION],
  [/safety of events/i, FieldOfAction.EVENT_SAFETY],
  [/\bKPR\b|prevention (council|body|bodies|advisory)|präventiver rat|präventionsrat|kriminalpräventive/i, FieldOfAction.PREVENTION_BODY],
  [/security analys|situation analysis|sicherheitsanalyse/i, FieldOfAction.SECURITY_ANALYSIS],
  [/coaching/i, FieldOfAction.COACHING],
  [/resident survey/i, FieldOfAction.RESIDENT_SURVEY],
];

/**
 * Maps free text from the sources onto the shared fields of action by keyword. Used by the
 * seeds, so a field of action is only ever claimed where a note in the cited data names it.
 */
export function fieldsOfActionFromText(texts: readonly string[]): FieldOfAction[] {
  const found = new Set<FieldOfAction>();
  for (const text of texts) for (const [re, field] of FIELD_RULES) if (re.test(text)) found.add(field);
  return [...found].sort();
}
