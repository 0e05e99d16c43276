import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager } from "typeorm";
import {
  actorFromPrincipal,
  attachSources,
  ChangeSource,
  ErrorCode,
  FieldErrors,
  HistoryAction,
  LaenderhubError,
  notFound,
  recordChange,
  requireEditor,
  SourceInput,
  validateSources,
  withWriteTransaction,
  type Principal,
  type Source,
} from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandEvent, SaarlandIndicator, SaarlandSecurityPartnership } from "../entities/index.js";
import { SourcesAttached } from "../schema/record.union.js";
import { loadEventRows, writeEvent, type EventRow } from "../write/event.row.js";
import { kindOfId } from "../write/ids.js";
import { loadIndicatorRows, writeIndicator, type IndicatorRow } from "../write/indicator.row.js";
import { loadPartnershipRows, writePartnership, type PartnershipRow } from "../write/partnership.row.js";
import { forgetCachedRows, RECORD_TYPES, requireUnchangedSince, STATE } from "./write-support.js";

/** How one kind of sourced record is read as a row, written back and served. */
interface SourcedKind<R extends { id: string; sources: Source[] }> {
  recordType: string;
  load(manager: EntityManager, id: string): Promise<R | undefined>;
  write(manager: EntityManager, row: R): Promise<unknown>;
  serve(manager: EntityManager, id: string): Promise<SourcesAttached["record"]>;
}

const PARTNERSHIPS: SourcedKind<PartnershipRow> = {
  recordType: RECORD_TYPES.partnership,
  load: async (m, id) => (await loadPartnershipRows(m, [id])).get(id),
  write: (m, row) => writePartnership(m, row, { exists: true }),
  serve: (m, id) => m.findOneByOrFail(SaarlandSecurityPartnership, { id }),
};
const EVENTS: SourcedKind<EventRow> = {
  recordType: RECORD_TYPES.event,
  load: async (m, id) => (await loadEventRows(m, [id])).get(id),
  write: (m, row) => writeEvent(m, row, { exists: true }),
  serve: (m, id) => m.findOneByOrFail(SaarlandEvent, { id }),
};
const INDICATORS: SourcedKind<IndicatorRow> = {
  recordType: RECORD_TYPES.indicator,
  load: async (m, id) => (await loadIndicatorRows(m, [id])).get(id),
  write: (m, row) => writeIndicator(m, row, { exists: true }),
  serve: (m, id) => m.findOneByOrFail(SaarlandIndicator, { id }),
};

/**
 * Adds the new sources to one record with an ATTACH_SOURCES audit entry, in one transaction;
 * sources whose URL the record cites already change nothing and record nothing.
 */
async function attach<R extends { id: string; sources: Source[] }>(
  ctx: SaarlandContext,
  kind: SourcedKind<R>,
  recordId: string,
  sources: readonly SourceInput[],
  note: string | null,
  editor: Principal,
): Promise<SourcesAttached> {
  const before = await kind.load(ctx.dataSource.manager, recordId);
  if (!before) throw notFound(kind.recordType, recordId);
  const merged = attachSources(before.sources, sources);
  if (merged.added.length > 0) {
    await withWriteTransaction(ctx.dataSource, async (manager) => {
      requireUnchangedSince(await kind.load(manager, recordId), before, recordId);
      const after: R = { ...before, sources: merged.sources };
      await kind.write(manager, after);
      await recordChange(manager, {
        recordType: kind.recordType,
        recordId,
        state: STATE,
        action: HistoryAction.ATTACH_SOURCES,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before,
        after,
        note,
      });
    });
    forgetCachedRows(ctx);
  }
  return { recordId, recordType: kind.recordType, added: merged.added, record: await kind.serve(ctx.dataSource.manager, recordId) };
}

/** Attaches sources to any of Saarland's sourced records; needs an editor token of SL. */
@Resolver()
export class SaarlandSourcesMutations {
  @Mutation(() => SourcesAttached, {
    description: "Adds sources to a partnership, event or figure (SL editors only). URLs the record cites already are skipped; nothing new changes nothing.",
  })
  async attachSaarlandSources(
    @Arg("recordId", () => ID, { description: "SL-P-…, SL-E-… or SL-I-…" }) recordId: string,
    @Arg("sources", () => [SourceInput]) sources: SourceInput[],
    @Arg("note", () => String, { nullable: true, description: "Why the sources are added; kept in the history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SourcesAttached> {
    const editor = requireEditor(ctx, STATE);
    const kind = kindOfId(recordId);
    if (!kind) {
      throw new LaenderhubError(ErrorCode.BAD_USER_INPUT, `${recordId} is not the id of a Saarland partnership (SL-P-…), event (SL-E-…) or figure (SL-I-…)`, { field: "recordId" });
    }
    new FieldErrors().add(validateSources(sources, "sources")).throwIfAny();
    if (kind === "partnership") return attach(ctx, PARTNERSHIPS, recordId, sources, note, editor);
    if (kind === "event") return attach(ctx, EVENTS, recordId, sources, note, editor);
    return attach(ctx, INDICATORS, recordId, sources, note, editor);
  }
}
