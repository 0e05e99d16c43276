import { actorFromPrincipal, ChangeSource, FieldErrors, HistoryAction, recordChange, StateCode, type FieldError, type Principal } from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import type { SachsenAnhaltContext } from "../context.js";
import { createSachsenAnhaltLoaders } from "../loaders/index.js";

/** Description of the `note` argument every mutation takes. */
export const NOTE = "Why the change is made; kept with the change in the record's history";

/**
 * Adds errors for fields that have none yet: a reference check does not repeat what the
 * field's own check already said about a malformed id.
 */
export function addNew(errors: FieldErrors, more: readonly FieldError[]): void {
  const seen = new Set(errors.list.map((e) => e.field));
  errors.add(more.filter((e) => !seen.has(e.field)));
}

/** Writes the audit entry of an API change, in the caller's transaction. */
export function audit(
  manager: EntityManager,
  change: { recordType: string; recordId: string; action: HistoryAction; editor: Principal; before: unknown; after: unknown; note?: string | null | undefined },
): Promise<unknown> {
  return recordChange(manager, {
    recordType: change.recordType,
    recordId: change.recordId,
    state: StateCode.ST,
    action: change.action,
    actor: actorFromPrincipal(change.editor),
    source: ChangeSource.API,
    before: change.before,
    after: change.after,
    note: change.note ?? null,
  });
}

/**
 * Replaces the request's loaders after a write: they cache, and the result of the mutation
 * (and of any later mutation in the same operation) must show the records as they are now.
 */
export function afterWrite(ctx: SachsenAnhaltContext): void {
  ctx.loaders = createSachsenAnhaltLoaders(ctx.dataSource);
}
