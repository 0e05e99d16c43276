import {
  ChangeSource,
  ErrorCode,
  HistoryAction,
  IndicatorQualifier,
  StateCode,
  actorFromPrincipal,
  fieldError,
  recordChange,
  requireEditor,
  type FieldError,
} from "@laenderhub/shared";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { SachsenContext } from "../context.js";
import { IndicatorEntity } from "../entities/index.js";
import { AsskommIndicatorInput } from "../schema/indicator.input.js";
import { AsskommIndicator } from "../schema/indicator.type.js";
import { toIndicator } from "../schema/mappers.js";
import { checkIndicator, checkRecordId } from "../write/checks.js";
import { ASSKOMM_PROGRAMME_ID, indicatorMapping, nextFreeId, storeRecord, type IndicatorRecord } from "../write/records.js";
import { checkIndicatorReferences } from "../write/references.js";
import { optionalText, refreshLoaders, requiredText, sourcesOf, throwIfInvalid, withAssignedId } from "../write/support.js";

/** Publishing programme figures: Sachsen's editors only. */
@Resolver()
export class AsskommIndicatorMutationResolver {
  @Mutation(() => AsskommIndicator, {
    description: "Publishes a programme figure with the date it refers to (editors of SN only). A new figure of a code extends its time series; the id is assigned when not given.",
  })
  async publishSachsenIndicator(
    @Arg("input", () => AsskommIndicatorInput) input: AsskommIndicatorInput,
    @Arg("note", () => String, { nullable: true, description: "Why the change is made; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<AsskommIndicator> {
    const editor = requireEditor(ctx, StateCode.SN);
    const manager = ctx.dataSource.manager;
    const givenId = input.id != null ? requiredText(input.id) : null;
    const draft: IndicatorRecord = {
      id: givenId ?? "SN-I-NEW",
      programmeId: input.programmeId != null ? requiredText(input.programmeId) : ASSKOMM_PROGRAMME_ID,
      indicator: requiredText(input.indicator),
      label: requiredText(input.label),
      value: input.value,
      unit: requiredText(input.unit),
      qualifier: input.qualifier ?? IndicatorQualifier.EXACT,
      referenceOn: optionalText(input.referenceOn),
      note: optionalText(input.note),
      sources: sourcesOf(input.sources),
    };
    const shape = [...(givenId ? [checkRecordId(givenId, "indicator", "input.id")].filter((e): e is FieldError => e !== null) : []), ...checkIndicator(draft, "input")];
    const database = await checkIndicatorReferences(manager, [draft], "input");
    if (givenId && (await manager.getRepository(IndicatorEntity).exists({ where: { id: givenId } }))) {
      database.push({ index: 0, error: fieldError("input.id", `indicator figure ${givenId} exists already`, ErrorCode.CONFLICT) });
    }
    throwIfInvalid(shape, database);

    const result = await withAssignedId(ctx.dataSource, givenId !== null, async (tx) => {
      const record: IndicatorRecord = { ...draft, id: givenId ?? (await nextFreeId(tx, IndicatorEntity, "SN-I-")) };
      await storeRecord(tx, indicatorMapping, record, null);
      await recordChange(tx, {
        recordType: indicatorMapping.recordType,
        recordId: record.id,
        state: StateCode.SN,
        action: HistoryAction.CREATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: null,
        after: indicatorMapping.snapshot(record),
        note,
      });
      return toIndicator(await tx.findOneByOrFail(IndicatorEntity, { id: record.id }));
    });
    refreshLoaders(ctx);
    return result;
  }
}
