import { badInput } from "@laenderhub/shared";

/** What a public participation cursor carries: the order it belongs to and the last row's key. */
export interface ParticipationCursor {
  order: string;
  direction: string;
  sortKey: string;
  id: string;
}

/** Encodes a cursor opaquely (base64url of JSON); clients must not build or parse it. */
export function encodeCursor(cursor: ParticipationCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.order, d: cursor.direction, k: cursor.sortKey, i: cursor.id }), "utf8").toString("base64url");
}

/**
 * Decodes a cursor and checks that it belongs to the order asked: a cursor of another order
 * or direction would silently skip or repeat rows, so it is refused (BAD_USER_INPUT on `field`).
 */
export function decodeCursor(value: string, expected: { order: string; direction: string }, field = "after"): ParticipationCursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw badInput(field, "malformed cursor: pass the endCursor or an edge cursor of a previous page unchanged");
  }
  const r = raw as Record<string, unknown> | null;
  if (!r || typeof r !== "object" || typeof r.o !== "string" || typeof r.d !== "string" || typeof r.k !== "string" || typeof r.i !== "string") {
    throw badInput(field, "malformed cursor: pass the endCursor or an edge cursor of a previous page unchanged");
  }
  if (r.o !== expected.order || r.d !== expected.direction) {
    throw badInput(field, `the cursor belongs to order ${r.o} ${r.d}, not to ${expected.order} ${expected.direction}; start again without "after"`);
  }
  return { order: r.o, direction: r.d, sortKey: r.k, id: r.i };
}

/** Encodes the position of a gazetteer row (ordered by sort name, then id). */
export function encodeMunicipalityCursor(sortName: string, id: string): string {
  return Buffer.from(JSON.stringify({ m: sortName, i: id }), "utf8").toString("base64url");
}

/** Decodes a gazetteer cursor; anything else is BAD_USER_INPUT on `field`. */
export function decodeMunicipalityCursor(value: string, field = "after"): { sortName: string; id: string } {
  try {
    const r = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as { m?: unknown; i?: unknown };
    if (typeof r.m === "string" && typeof r.i === "string") return { sortName: r.m, id: r.i };
  } catch {
    // fall through to the error below
  }
  throw badInput(field, "malformed cursor: pass the endCursor or an edge cursor of a previous page unchanged");
}

/** Checks a page size against its bounds (BAD_USER_INPUT on `field`). */
export function checkFirst(first: number, max: number, field = "first"): void {
  if (!Number.isInteger(first) || first < 1 || first > max) throw badInput(field, `${field} must be between 1 and ${max}, got ${first}`);
}
