/**
 * The declared size limits of every text and list a client or an import file can send.
 *
 * One table, read by name: a GraphQL argument or input field (`url`, `notes`, `search`) and
 * the import column of the same name get the same limit, in every subgraph. The values are
 * generous next to the cited data (the longest text in shared/data and the states' seeds is
 * 249 characters, the longest list 7 sources), and small enough that no request can make a
 * state scan a 50 KB LIKE pattern or store a 900 KB "URL".
 */

/** Search texts (`people(search)`, `municipalities(search)`). */
export const MAX_SEARCH = 200;
/** Ids, codes, enum-like strings and ISO dates (`SL-P-001`, `CONFERENCE`, `2021-07`). */
export const MAX_CODE = 100;
/** Names, labels, titles, places, publishers, organisations, roles. */
export const MAX_NAME = 300;
/** Source URLs. */
export const MAX_URL = 2048;
/** Free text: notes, summaries, the wording of a date or ordinal basis. */
export const MAX_NOTE = 4000;
/** Pagination cursors (opaque to clients, built by compare). */
export const MAX_CURSOR = 1000;
/** Items of a list on a record or in a filter: notes, sources, signatories, partners, codes. */
export const MAX_LIST = 100;
/** Ids in a filter or a contract call: a state's whole municipality register fits. */
export const MAX_ID_LIST = 1000;
/** Safety net: no single string anywhere in a request, declared or not, may be longer. */
export const MAX_STRING = 10_000;

const byLimit = (limit: number, names: string[]): Array<[string, number]> => names.map((n) => [n, limit]);

/** The maximum length of each text argument or input field, by its name. */
export const TEXT_LIMITS: ReadonlyMap<string, number> = new Map([
  ...byLimit(MAX_SEARCH, ["search"]),
  ...byLimit(MAX_URL, ["url"]),
  ...byLimit(MAX_CURSOR, ["after", "sortKey"]),
  ...byLimit(MAX_NOTE, ["note", "notes", "signedNote", "agsNote", "landkreisNote", "districtNote", "dateNote", "ordinalBasisText", "participantsSummary"]),
  ...byLimit(MAX_NAME, [
    "name", "label", "title", "publisher", "organisation", "role", "party", "place", "groupName", "instrumentLabel",
    "landkreis", "district", "districts", "polizeidirektion", "partners", "type", "unit",
  ]),
  ...byLimit(MAX_CODE, [
    "id", "ids", "recordId", "agreementId", "preAgreementId", "ags", "programmeId", "programmeIds", "municipalityId",
    "municipalityIds", "relatedIds", "districtKey", "districtKeys", "key", "indicator", "eventType", "types", "instrument",
    "instruments", "programmeKinds", "statuses", "status", "qualifier", "format", "ordinalBasis", "groupKind",
    "fieldsOfAction", "groupBy", "orderBy", "direction", "date", "additionalDates", "datePeriod", "effectiveOn", "endedOn",
    "from", "to", "publishedOn", "referenceOn", "signedFrom", "signedTo", "signedOn",
    "indicators", "eventTypes", "occursOn", "alsoOccursOn", "occursFrom", "occursTo", "asOf",
  ]),
]);

/** The maximum number of items of a list argument or input field, by its name (else MAX_LIST). */
export const LIST_LIMITS: ReadonlyMap<string, number> = new Map(byLimit(MAX_ID_LIST, ["ids", "municipalityIds"]));

/**
 * The maximum length of a text named `name`: its entry in TEXT_LIMITS, else MAX_CODE for a
 * GraphQL `ID`, else `fallback` (undefined: not declared).
 */
export function textLimitOf(name: string, options: { isId?: boolean; fallback?: number } = {}): number | undefined {
  return TEXT_LIMITS.get(name) ?? (options.isId ? MAX_CODE : options.fallback);
}

/** The maximum number of items of a list named `name`. */
export function listLimitOf(name: string): number {
  return LIST_LIMITS.get(name) ?? MAX_LIST;
}

/** A value over its limit: the input path, the limit, and a message that never quotes the value. */
export interface LimitViolation {
  field: string;
  limit: number;
  message: string;
}

/** The message of a violation: names the limit, never the value. */
export function limitMessage(kind: "text" | "list", limit: number): string {
  return kind === "text" ? `at most ${limit} characters are allowed` : `at most ${limit} items are allowed`;
}

/**
 * Checks a plain value (an import row, a JSON cell, a request's raw variables) by the names
 * of its keys: texts against TEXT_LIMITS (unknown names: `textFallback`), lists against
 * LIST_LIMITS, nested objects by their own keys. Stops after `maxViolations`.
 */
export function checkPlainValueLimits(
  value: unknown,
  path: string,
  name: string,
  options: { textFallback: number; maxViolations?: number },
  out: LimitViolation[] = [],
): LimitViolation[] {
  const max = options.maxViolations ?? 20;
  if (out.length >= max || value === null || value === undefined) return out;
  if (typeof value === "string") {
    const limit = textLimitOf(name, { fallback: options.textFallback })!;
    if (value.length > limit) out.push({ field: path, limit, message: limitMessage("text", limit) });
  } else if (Array.isArray(value)) {
    const limit = listLimitOf(name);
    if (value.length > limit) out.push({ field: path, limit, message: limitMessage("list", limit) });
    else value.forEach((item, i) => checkPlainValueLimits(item, `${path}[${i}]`, name, options, out));
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkPlainValueLimits(item, path ? `${path}.${key}` : key, key, options, out);
  }
  return out;
}
