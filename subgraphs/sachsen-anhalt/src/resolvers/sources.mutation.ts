import {
  attachSources,
  fieldError,
  FieldErrors,
  HistoryAction,
  notFound,
  requireEditor,
  SourceInput,
  StateCode,
  validateSources,
  withWriteTransaction,
  type Source,
} from "@laenderhub/shared";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltEvent, SachsenAnhaltIndicator, SachsenAnhaltLocalPartnership } from "../entities/index.js";
import { SachsenAnhaltSourcedRecord } from "../schema/sachsen-anhalt-record.union.js";
import {
  EVENT_ID_PREFIX,
  INDICATOR_ID_PREFIX,
  loadEventRecords,
  loadIndicatorRecords,
  loadPartnershipRecords,
  PARTNERSHIP_ID_PREFIX,
  RecordType,
  storeEvent,
  storeIndicator,
  storePartnership,
} from "../write/index.js";
import { afterWrite, audit, NOTE } from "./write-support.js";

interface SourcedKind {
  prefix: string;
  label: string;
  recordType: string;
  entity: EntityTarget<ObjectLiteral>;
  load(manager: EntityManager, ids: readonly string[]): Promise<Map<string, { id: string; sources: Source[] }>>;
  store(manager: EntityManager, record: never, existed: boolean): Promise<void>;
}

// The record kinds with sources of their own, told apart by their id's prefix.
const KINDS: readonly SourcedKind[] = [
  { prefix: PARTNERSHIP_ID_PREFIX, label: "Partnership", recordType: RecordType.PARTNERSHIP, entity: SachsenAnhaltLocalPartnership, load: loadPartnershipRecords, store: storePartnership },
  { prefix: EVENT_ID_PREFIX, label: "Event", recordType: RecordType.EVENT, entity: SachsenAnhaltEvent, load: loadEventRecords, store: storeEvent },
  { prefix: INDICATOR_ID_PREFIX, label: "Indicator", recordType: RecordType.INDICATOR, entity: SachsenAnhaltIndicator, load: loadIndicatorRecords, store: storeIndicator },
];

/** Adds sources to a record of Sachsen-Anhalt (editors of ST). */
@Resolver()
export class SachsenAnhaltSourcesMutationResolver {
  @Mutation(() => SachsenAnhaltSourcedRecord, {
    description:
      "Adds sources to a partnership (ST-P-…), event (ST-E-…) or indicator figure (ST-I-…) of Sachsen-Anhalt (editors of ST). A URL the record already cites is kept once; adding nothing new records nothing.",
  })
  async attachSachsenAnhaltSources(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("sources", () => [SourceInput], { description: "At least one source" }) sources: SourceInput[],
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<typeof SachsenAnhaltSourcedRecord> {
    const editor = requireEditor(ctx, StateCode.ST);
    const kind = KINDS.find((k) => recordId.startsWith(k.prefix));
    const errors = new FieldErrors();
    if (!kind) errors.add(fieldError("recordId", `${JSON.stringify(recordId)} is not the id of a Sachsen-Anhalt partnership (ST-P-…), event (ST-E-…) or indicator (ST-I-…)`));
    errors.add(validateSources(sources, "sources"));
    errors.throwIfAny();

    await withWriteTransaction(ctx.dataSource, async (tx) => {
      const existing = (await kind!.load(tx, [recordId])).get(recordId);
      if (!existing) throw notFound(kind!.label, recordId);
      const merged = attachSources(existing.sources, sources);
      if (merged.added.length === 0) return;
      const record = { ...existing, sources: merged.sources };
      await kind!.store(tx, record as never, true);
      await audit(tx, { recordType: kind!.recordType, recordId, action: HistoryAction.ATTACH_SOURCES, editor, before: existing, after: record, note });
    });
    afterWrite(ctx);
    return ctx.dataSource.getRepository(kind!.entity).findOneByOrFail({ id: recordId }) as Promise<typeof SachsenAnhaltSourcedRecord>;
  }
}
