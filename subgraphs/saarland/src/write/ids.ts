import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { fieldError, type FieldError } from "@laenderhub/shared";

/** The id prefixes of Saarland's own records. */
export const SAARLAND_IDS = {
  partnership: { prefix: "SL-P-", digits: 2 },
  event: { prefix: "SL-E-", digits: 3 },
  indicator: { prefix: "SL-I-", digits: 3 },
  municipality: { prefix: "SL-M-", digits: 0 },
  preventionBody: { prefix: "SL-PB-", digits: 0 },
} as const;

export type SaarlandIdKind = keyof typeof SAARLAND_IDS;

const EXAMPLES: Record<SaarlandIdKind, string> = {
  partnership: "SL-P-12",
  event: "SL-E-002",
  indicator: "SL-I-005",
  municipality: "SL-M-<AGS>",
  preventionBody: "SL-PB-<AGS>-1",
};

// Upper-case letters, digits and single hyphens after the prefix: SL-P-12, SL-M-10045111, SL-PB-10043114-1.
const ID_TAIL = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/** Checks that an id belongs to this state and kind of record (`SL-P-…` for a partnership). */
export function checkOwnId(id: string | null | undefined, kind: SaarlandIdKind, field: string): FieldError | null {
  const { prefix } = SAARLAND_IDS[kind];
  if (typeof id !== "string" || !id.startsWith(prefix) || !ID_TAIL.test(id.slice(prefix.length))) {
    return fieldError(field, `${JSON.stringify(id ?? null)} is not a Saarland ${kind} id: it must look like ${EXAMPLES[kind]} (upper-case letters, digits, hyphens)`);
  }
  return null;
}

/** The kind of a Saarland record id by its prefix, or null when it is none of the writable kinds. */
export function kindOfId(id: string): "partnership" | "event" | "indicator" | null {
  for (const kind of ["partnership", "event", "indicator"] as const) if (id.startsWith(SAARLAND_IDS[kind].prefix)) return kind;
  return null;
}

/**
 * The next free stable id of a kind: one above the highest numbered id (`SL-P-11` → `SL-P-12`),
 * zero-padded like the data's ids. Ids are never reused, so gaps stay gaps.
 */
export function nextFreeId(existing: readonly string[], kind: "partnership" | "event" | "indicator"): string {
  const { prefix, digits } = SAARLAND_IDS[kind];
  let max = 0;
  for (const id of existing) {
    const tail = id.startsWith(prefix) ? id.slice(prefix.length) : "";
    if (/^\d+$/.test(tail)) max = Math.max(max, Number(tail));
  }
  return `${prefix}${String(max + 1).padStart(digits, "0")}`;
}

/** Reads the ids of a table and returns the next free one; run it inside the write transaction. */
export async function assignNextId<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  kind: "partnership" | "event" | "indicator",
): Promise<string> {
  const rows = await manager.getRepository(entity).find({ select: { id: true } as never });
  return nextFreeId(rows.map((r) => String((r as unknown as { id: unknown }).id)), kind);
}
