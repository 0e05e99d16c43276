import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import {
  actorFromPrincipal,
  ChangeSource,
  ErrorCode,
  EventStatus,
  fieldError,
  FieldErrors,
  HistoryAction,
  recordChange,
  requireEditor,
  withWriteTransaction,
  asInputFields,
} from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandEvent } from "../entities/index.js";
import { EventInput } from "../schema/event.input.js";
import { eventReferenceErrors, validateEventRow, writeEvent, type EventRow } from "../write/event.row.js";
import { assignNextId } from "../write/ids.js";
import { addReferenceErrors, DEFAULT_PROGRAMME_ID, forgetCachedRows, optional, RECORD_TYPES, STATE, toSources } from "./write-support.js";

// Stands in for an id the subgraph assigns inside the transaction; it passes the id check.
const ID_TO_ASSIGN = "SL-E-NEW";

/** The event input names the dates as the API does; the file row keeps its column names. */
const EVENT_INPUT_NAMES = { "input.date": "input.occursOn", "input.additionalDates": "input.alsoOccursOn" };

/** Records the events of Saarland's programme; needs an editor token of SL. */
@Resolver()
export class SaarlandEventMutations {
  @Mutation(() => SaarlandEvent, { description: "Records a conference, round table or ceremony of the Saarland programme (SL editors only)" })
  async recordSaarlandEvent(
    @Arg("input", () => EventInput) input: EventInput,
    @Arg("note", () => String, { nullable: true, description: "Why the record is added; kept in its history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SaarlandEvent> {
    const editor = requireEditor(ctx, STATE);
    const row: EventRow = {
      id: input.id ?? ID_TO_ASSIGN,
      programmeId: input.programmeId ?? DEFAULT_PROGRAMME_ID,
      date: optional(input.occursOn),
      additionalDates: input.alsoOccursOn ?? [],
      title: input.title,
      eventType: input.eventType,
      format: input.format ?? null,
      place: optional(input.place),
      status: input.status ?? EventStatus.HELD,
      participantsSummary: optional(input.participantsSummary),
      relatedIds: input.relatedIds ?? [],
      sources: toSources(input.sources),
    };
    const errors = new FieldErrors().add(asInputFields(validateEventRow(row, "input."), EVENT_INPUT_NAMES));
    addReferenceErrors(errors, await eventReferenceErrors(ctx.dataSource.manager, [row], "input."));
    if (input.id != null && (await ctx.dataSource.manager.existsBy(SaarlandEvent, { id: input.id }))) {
      errors.add(fieldError("input.id", `${input.id} exists already`, ErrorCode.CONFLICT));
    }
    errors.throwIfAny();

    const saved = await withWriteTransaction(ctx.dataSource, async (manager) => {
      const id = input.id ?? (await assignNextId(manager, SaarlandEvent, "event"));
      const after = await writeEvent(manager, { ...row, id }, { exists: false });
      await recordChange(manager, {
        recordType: RECORD_TYPES.event,
        recordId: id,
        state: STATE,
        action: HistoryAction.CREATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: null,
        after,
        note,
      });
      return manager.findOneByOrFail(SaarlandEvent, { id });
    });
    forgetCachedRows(ctx);
    return saved;
  }
}
