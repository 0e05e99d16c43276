import { ChangeSource, ErrorCode, EventStatus, HistoryAction, StateCode, actorFromPrincipal, asInputFields, fieldError, recordChange, requireEditor, type FieldError } from "@laenderhub/shared";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { EventEntity } from "../entities/index.js";
import { AsskommEventInput } from "../schema/event.input.js";
import { AsskommEvent } from "../schema/event.type.js";
import { toEvent } from "../schema/mappers.js";
import { checkEvent, checkRecordId } from "../write/checks.js";
import { ASSKOMM_PROGRAMME_ID, eventMapping, nextFreeId, storeRecord, type EventRecord } from "../write/records.js";
import { checkEventReferences } from "../write/references.js";
import { optionalText, refreshLoaders, requiredText, sourcesOf, textList, throwIfInvalid, withAssignedId } from "../write/support.js";

/** The event input names the dates as the API does; the file row keeps its column names. */
const EVENT_INPUT_NAMES = { "input.date": "input.occursOn", "input.additionalDates": "input.alsoOccursOn" };

/** Recording programme events: Sachsen's editors only. */
@Resolver()
export class AsskommEventMutationResolver {
  @Mutation(() => AsskommEvent, { description: "Records a programme event (editors of SN only); the id is assigned when not given" })
  async recordSachsenEvent(
    @Arg("input", () => AsskommEventInput) input: AsskommEventInput,
    @Arg("note", () => String, { nullable: true, description: "Why the change is made; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<AsskommEvent> {
    const editor = requireEditor(ctx, StateCode.SN);
    const manager = ctx.dataSource.manager;
    const givenId = input.id != null ? requiredText(input.id) : null;
    const draft: EventRecord = {
      id: givenId ?? "SN-E-NEW",
      programmeId: input.programmeId != null ? requiredText(input.programmeId) : ASSKOMM_PROGRAMME_ID,
      date: optionalText(input.occursOn),
      additionalDates: textList(input.alsoOccursOn),
      title: requiredText(input.title),
      eventType: requiredText(input.eventType),
      format: input.format ?? null,
      place: optionalText(input.place),
      status: input.status ?? EventStatus.HELD,
      participantsSummary: optionalText(input.participantsSummary),
      relatedIds: textList(input.relatedIds),
      sources: sourcesOf(input.sources),
    };
    const shape = [...(givenId ? [checkRecordId(givenId, "event", "input.id")].filter((e): e is FieldError => e !== null) : []), ...asInputFields(checkEvent(draft, "input"), EVENT_INPUT_NAMES)];
    const database = await checkEventReferences(manager, [draft], "input");
    if (givenId && (await manager.getRepository(EventEntity).exists({ where: { id: givenId } }))) {
      database.push({ index: 0, error: fieldError("input.id", `event ${givenId} exists already`, ErrorCode.CONFLICT) });
    }
    throwIfInvalid(shape, database);

    const result = await withAssignedId(ctx.dataSource, givenId !== null, async (tx) => {
      const record: EventRecord = { ...draft, id: givenId ?? (await nextFreeId(tx, EventEntity, "SN-E-")) };
      await storeRecord(tx, eventMapping, record, null);
      await recordChange(tx, {
        recordType: eventMapping.recordType,
        recordId: record.id,
        state: StateCode.SN,
        action: HistoryAction.CREATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: null,
        after: eventMapping.snapshot(record),
        note,
      });
      return toEvent(await tx.findOneByOrFail(EventEntity, { id: record.id }));
    });
    refreshLoaders(ctx);
    return result;
  }
}
