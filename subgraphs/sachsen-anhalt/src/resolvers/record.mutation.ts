import { asInputFields, FieldErrors, HistoryAction, requireEditor, StateCode, withWriteTransaction } from "@laenderhub/shared";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { SachsenAnhaltContext } from "../context.js";
import { SachsenAnhaltEvent, SachsenAnhaltIndicator } from "../entities/index.js";
import { SachsenAnhaltEventInput } from "../schema/event.input.js";
import { SachsenAnhaltIndicatorInput } from "../schema/indicator.input.js";
import {
  checkEventReferences,
  checkIndicatorReferences,
  completeEvent,
  completeIndicator,
  exists,
  idTaken,
  nextEventId,
  nextIndicatorId,
  normalizeEventPatch,
  normalizeIndicatorPatch,
  RecordType,
  storeEvent,
  storeIndicator,
  validateEventRecord,
  validateIndicatorRecord,
  type EventRecord,
  type IndicatorRecord,
} from "../write/index.js";
import { addNew, afterWrite, audit, NOTE } from "./write-support.js";

/** The event input names the dates as the API does; the file row keeps its column names. */
const EVENT_INPUT_NAMES = { "input.date": "input.occursOn", "input.additionalDates": "input.alsoOccursOn" };

/** Records events and publishes indicator figures of Sachsen-Anhalt (editors of ST). */
@Resolver()
export class SachsenAnhaltRecordMutationResolver {
  @Mutation(() => SachsenAnhaltEvent, {
    description: "Records an event of the programme (editors of ST); the id is assigned when left out. A HELD event cannot lie in the future.",
  })
  async recordSachsenAnhaltEvent(
    @Arg("input", () => SachsenAnhaltEventInput) input: SachsenAnhaltEventInput,
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<SachsenAnhaltEvent> {
    const editor = requireEditor(ctx, StateCode.ST);
    const manager = ctx.dataSource.manager;
    const patch = normalizeEventPatch({ ...input, date: input.occursOn, additionalDates: input.alsoOccursOn });
    const draft = completeEvent(patch, null);
    const errors = new FieldErrors().add(asInputFields(validateEventRecord(draft, "input", { idRequired: false }), EVENT_INPUT_NAMES));
    addNew(errors, await checkEventReferences(manager, [draft], (_i, name) => `input.${name}`));
    if (draft.id && (await exists(manager, SachsenAnhaltEvent, draft.id))) addNew(errors, [idTaken("input.id", draft.id)]);
    errors.throwIfAny();

    const id = await withWriteTransaction(ctx.dataSource, async (tx) => {
      const record = completeEvent({ ...patch, id: draft.id ?? (await nextEventId(tx)) }, null) as EventRecord;
      await storeEvent(tx, record, false);
      await audit(tx, { recordType: RecordType.EVENT, recordId: record.id, action: HistoryAction.CREATE, editor, before: null, after: record, note });
      return record.id;
    });
    afterWrite(ctx);
    return ctx.dataSource.getRepository(SachsenAnhaltEvent).findOneByOrFail({ id });
  }

  @Mutation(() => SachsenAnhaltIndicator, {
    description: "Publishes a programme figure at the date it refers to (editors of ST); the id is assigned when left out.",
  })
  async publishSachsenAnhaltIndicator(
    @Arg("input", () => SachsenAnhaltIndicatorInput) input: SachsenAnhaltIndicatorInput,
    @Ctx() ctx: SachsenAnhaltContext,
    @Arg("note", () => String, { nullable: true, description: NOTE }) note?: string | null,
  ): Promise<SachsenAnhaltIndicator> {
    const editor = requireEditor(ctx, StateCode.ST);
    const manager = ctx.dataSource.manager;
    const patch = normalizeIndicatorPatch(input);
    const draft = completeIndicator(patch, null);
    const errors = new FieldErrors().add(validateIndicatorRecord(draft, "input", { idRequired: false }));
    addNew(errors, await checkIndicatorReferences(manager, [draft], (_i, name) => `input.${name}`));
    if (draft.id && (await exists(manager, SachsenAnhaltIndicator, draft.id))) addNew(errors, [idTaken("input.id", draft.id)]);
    errors.throwIfAny();

    const id = await withWriteTransaction(ctx.dataSource, async (tx) => {
      const record = completeIndicator({ ...patch, id: draft.id ?? (await nextIndicatorId(tx)) }, null) as IndicatorRecord;
      await storeIndicator(tx, record, false);
      await audit(tx, { recordType: RecordType.INDICATOR, recordId: record.id, action: HistoryAction.CREATE, editor, before: null, after: record, note });
      return record.id;
    });
    afterWrite(ctx);
    return ctx.dataSource.getRepository(SachsenAnhaltIndicator).findOneByOrFail({ id });
  }
}
