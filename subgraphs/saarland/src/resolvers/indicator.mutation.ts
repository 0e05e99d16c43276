import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import {
  actorFromPrincipal,
  ChangeSource,
  ErrorCode,
  fieldError,
  FieldErrors,
  HistoryAction,
  IndicatorQualifier,
  recordChange,
  requireEditor,
  withWriteTransaction,
} from "@laenderhub/shared";
import type { SaarlandContext } from "../context.js";
import { SaarlandIndicator } from "../entities/index.js";
import { IndicatorInput } from "../schema/indicator.input.js";
import { assignNextId } from "../write/ids.js";
import { indicatorReferenceErrors, validateIndicatorRow, writeIndicator, type IndicatorRow } from "../write/indicator.row.js";
import { addReferenceErrors, DEFAULT_PROGRAMME_ID, forgetCachedRows, optional, RECORD_TYPES, STATE, toSources } from "./write-support.js";

// Stands in for an id the subgraph assigns inside the transaction; it passes the id check.
const ID_TO_ASSIGN = "SL-I-NEW";

/** Publishes Saarland's programme figures; needs an editor token of SL. */
@Resolver()
export class SaarlandIndicatorMutations {
  @Mutation(() => SaarlandIndicator, {
    description: "Publishes a programme figure at the date it refers to (SL editors only); figures with one code form a time series",
  })
  async publishSaarlandIndicator(
    @Arg("input", () => IndicatorInput) input: IndicatorInput,
    @Arg("note", () => String, { nullable: true, description: "Why the figure is added; kept in its history" }) note: string | null,
    @Ctx() ctx: SaarlandContext,
  ): Promise<SaarlandIndicator> {
    const editor = requireEditor(ctx, STATE);
    const row: IndicatorRow = {
      id: input.id ?? ID_TO_ASSIGN,
      programmeId: input.programmeId ?? DEFAULT_PROGRAMME_ID,
      indicator: input.indicator,
      label: input.label,
      value: input.value,
      unit: input.unit,
      qualifier: input.qualifier ?? IndicatorQualifier.EXACT,
      referenceOn: optional(input.referenceOn),
      note: optional(input.note),
      sources: toSources(input.sources),
    };
    const errors = new FieldErrors().add(validateIndicatorRow(row, "input."));
    addReferenceErrors(errors, await indicatorReferenceErrors(ctx.dataSource.manager, [row], "input."));
    if (input.id != null && (await ctx.dataSource.manager.existsBy(SaarlandIndicator, { id: input.id }))) {
      errors.add(fieldError("input.id", `${input.id} exists already`, ErrorCode.CONFLICT));
    }
    errors.throwIfAny();

    const saved = await withWriteTransaction(ctx.dataSource, async (manager) => {
      const id = input.id ?? (await assignNextId(manager, SaarlandIndicator, "indicator"));
      const after = await writeIndicator(manager, { ...row, id }, { exists: false });
      await recordChange(manager, {
        recordType: RECORD_TYPES.indicator,
        recordId: id,
        state: STATE,
        action: HistoryAction.CREATE,
        actor: actorFromPrincipal(editor),
        source: ChangeSource.API,
        before: null,
        after,
        note,
      });
      return manager.findOneByOrFail(SaarlandIndicator, { id });
    });
    forgetCachedRows(ctx);
    return saved;
  }
}
