import type { EntityManager } from "typeorm";
import type { Principal } from "../server/subgraph.js";
import { AuditEntry, ChangeSource, HistoryAction } from "./audit-entry.js";

/** Who makes a change: a verified token's principal, or the operator named on an import. */
export interface Actor {
  subject: string;
  state: string | null;
  role: string | null;
}

/** The audit actor of an API write. */
export function actorFromPrincipal(principal: Principal): Actor {
  return { subject: principal.subject, state: principal.state, role: principal.role };
}

export interface ChangeRecord {
  /** GraphQL type of the record (e.g. `SaarlandSecurityPartnership`). */
  recordType: string;
  recordId: string;
  /** The state that owns the record. */
  state: string;
  action: HistoryAction;
  actor: Actor;
  source: ChangeSource;
  /** The record before the change (null on CREATE); any JSON-serialisable value. */
  before: unknown;
  /** The record after the change. */
  after: unknown;
  note?: string | null;
  /** Defaults to now. */
  at?: Date;
}

/**
 * A plain JSON copy of a value, as the audit stores it: class instances become objects,
 * Dates ISO strings, `undefined` properties disappear.
 */
export function toSnapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** Canonical JSON (object keys sorted), so two snapshots compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(toSnapshot(value)));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** True when two records carry the same data (key order and `undefined` vs missing ignored). */
export function sameSnapshot(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** The top-level fields whose values differ between two snapshots, sorted. */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (toSnapshot(before) ?? {}) as Record<string, unknown>;
  const a = (toSnapshot(after) ?? {}) as Record<string, unknown>;
  if (typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b)) return sameSnapshot(before, after) ? [] : ["(value)"];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null)).sort();
}

/**
 * Writes the audit entry of one change with the caller's transaction manager, so the change
 * and its history commit or roll back together. Refuses to run outside a transaction. An
 * UPDATE whose before and after are equal records nothing and returns null (re-applying the
 * same data is not a change).
 */
export async function recordChange(manager: EntityManager, change: ChangeRecord): Promise<AuditEntry | null> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error("recordChange must run inside the write transaction (use the manager given by withWriteTransaction)");
  }
  const before = change.action === HistoryAction.CREATE ? null : toSnapshot(change.before);
  const after = toSnapshot(change.after);
  const fields = changedFields(before, after);
  if (change.action !== HistoryAction.CREATE && fields.length === 0) return null;
  const entry = manager.create(AuditEntry, {
    recordType: change.recordType,
    recordId: change.recordId,
    state: change.state,
    action: change.action,
    actorSubject: change.actor.subject,
    actorState: change.actor.state,
    actorRole: change.actor.role,
    at: (change.at ?? new Date()).toISOString(),
    source: change.source,
    changedFields: fields,
    before,
    after,
    note: change.note ?? null,
  });
  return manager.save(AuditEntry, entry);
}
