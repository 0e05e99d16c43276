import {
  ChangeSource,
  HistoryAction,
  SourceInput,
  StateCode,
  actorFromPrincipal,
  attachSources,
  badInput,
  notFound,
  recordChange,
  requireEditor,
  withWriteTransaction,
  type Source,
} from "@laenderhub/shared";
import { Arg, Ctx, ID, Mutation, Resolver, createUnionType } from "type-graphql";
import type { EntityManager } from "typeorm";
import type { SachsenContext } from "../context.js";
import { EventEntity, IndicatorEntity, MembershipEntity } from "../entities/index.js";
import { AsskommEvent } from "../schema/event.type.js";
import { AsskommIndicator } from "../schema/indicator.type.js";
import { toEvent, toIndicator, toMembership, type MembershipRoot } from "../schema/mappers.js";
import { AsskommMembership } from "../schema/membership.type.js";
import { checkSources } from "../write/checks.js";
import {
  RECORD_TYPES,
  eventMapping,
  indicatorMapping,
  loadMembershipRecord,
  loadRecords,
  membershipSnapshot,
  storeMembership,
  storeRecord,
  type TableMapping,
} from "../write/records.js";
import { lockForUpdate, refreshLoaders, throwIfInvalid } from "../write/support.js";

/** A record that cites sources: what attachSachsenSources returns. */
export const SachsenSourcedRecord = createUnionType({
  name: "SachsenSourcedRecord",
  description: "A Sachsen record that cites sources: a membership, an event or an indicator figure",
  types: () => [AsskommMembership, AsskommEvent, AsskommIndicator] as const,
  resolveType: (value) => ("stage" in value ? "AsskommMembership" : "eventType" in value ? "AsskommEvent" : "AsskommIndicator"),
});

interface Attached {
  before: unknown;
  after: unknown;
  recordType: string;
}

/** Which kind of record an id names, by its prefix. */
function kindOf(id: string): "membership" | "event" | "indicator" | null {
  return id.startsWith("SN-P-") ? "membership" : id.startsWith("SN-E-") ? "event" : id.startsWith("SN-I-") ? "indicator" : null;
}

async function attachToMembership(tx: EntityManager, id: string, sources: SourceInput[]): Promise<Attached | null> {
  await lockForUpdate(tx, MembershipEntity, id);
  const current = await loadMembershipRecord(tx, id);
  if (!current) throw notFound("AsskommMembership", id);
  const merged = attachSources(current.sources, sources);
  if (merged.added.length === 0) return null;
  const next = { ...current, sources: merged.sources };
  await storeMembership(tx, next, current);
  return { recordType: RECORD_TYPES.membership, before: membershipSnapshot(current), after: membershipSnapshot(next) };
}

async function attachToRecord<T extends { id: string; sources: Source[] }>(tx: EntityManager, mapping: TableMapping<any, T>, id: string, sources: SourceInput[]): Promise<Attached | null> {
  await lockForUpdate(tx, mapping.entity, id);
  const current = (await loadRecords(tx, mapping, [id])).get(id);
  if (!current) throw notFound(mapping.recordType, id);
  const merged = attachSources(current.sources, sources);
  if (merged.added.length === 0) return null;
  const next = { ...current, sources: merged.sources };
  await storeRecord(tx, mapping, next, current);
  return { recordType: mapping.recordType, before: mapping.snapshot(current), after: mapping.snapshot(next) };
}

/** Adding sources to Sachsen's records: editors of SN only. */
@Resolver()
export class SachsenSourcesMutationResolver {
  @Mutation(() => SachsenSourcedRecord, {
    description:
      "Adds sources to a membership (SN-P-…), an event (SN-E-…) or an indicator figure (SN-I-…) (editors of SN only). A URL the record cites already is kept once; when nothing is new, nothing is recorded.",
  })
  async attachSachsenSources(
    @Arg("recordId", () => ID) recordId: string,
    @Arg("sources", () => [SourceInput]) sources: SourceInput[],
    @Arg("note", () => String, { nullable: true, description: "Why the sources are added; kept in the history" }) note: string | null,
    @Ctx() ctx: SachsenContext,
  ): Promise<MembershipRoot | AsskommEvent | AsskommIndicator> {
    const editor = requireEditor(ctx, StateCode.SN);
    const id = recordId.trim();
    const kind = kindOf(id);
    if (!kind) throw badInput("recordId", `${JSON.stringify(recordId)} is not a membership (SN-P-…), event (SN-E-…) or indicator (SN-I-…) of Sachsen`);
    throwIfInvalid(checkSources(sources, "sources"));

    const result = await withWriteTransaction(ctx.dataSource, async (tx) => {
      const attached =
        kind === "membership" ? await attachToMembership(tx, id, sources) : kind === "event" ? await attachToRecord(tx, eventMapping, id, sources) : await attachToRecord(tx, indicatorMapping, id, sources);
      if (attached) {
        await recordChange(tx, {
          recordType: attached.recordType,
          recordId: id,
          state: StateCode.SN,
          action: HistoryAction.ATTACH_SOURCES,
          actor: actorFromPrincipal(editor),
          source: ChangeSource.API,
          before: attached.before,
          after: attached.after,
          note,
        });
      }
      if (kind === "membership") return toMembership(await tx.findOneByOrFail(MembershipEntity, { id }));
      if (kind === "event") return toEvent(await tx.findOneByOrFail(EventEntity, { id }));
      return toIndicator(await tx.findOneByOrFail(IndicatorEntity, { id }));
    });
    refreshLoaders(ctx);
    return result;
  }
}
