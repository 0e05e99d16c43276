import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { checkPageSize, connectionFromArray, DEFAULT_PAGE_SIZE, type Connection, type EventStatus, type IndicatorQualifier, type ProgrammeKind, type SigningFormat } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract, type ContractEventRow, type ContractIndicatorRow, type ContractProgrammeRow } from "../comparative/contract-client.js";
import { checkIsoBound } from "../comparative/filter.js";
import { ProgrammeEventConnection, ProgrammeIndicatorConnection } from "../schema/connection.types.js";
import { EventFilterInput, ProgrammeIndicatorFilterInput, StateFilterInput } from "../schema/filters.input.js";
import { ProgrammeEvent, ProgrammeIndicator, StateProgramme } from "../schema/programme.types.js";

/** The public view of a contract programme row. */
export function toProgramme(r: ContractProgrammeRow): StateProgramme {
  return { ...r, kind: r.kind as ProgrammeKind };
}

function toEvent(r: ContractEventRow): ProgrammeEvent {
  return { ...r, format: r.format as SigningFormat | null, status: r.status as EventStatus };
}

function toIndicator(r: ContractIndicatorRow): ProgrammeIndicator {
  return { ...r, qualifier: r.qualifier as IndicatorQualifier };
}

/** Counts a page's nodes against the request's row budget, as every list of compare does. */
export function budgeted<T>(ctx: CompareContext, page: Connection<T>): Connection<T> {
  ctx.budget.rows(page.edges);
  return page;
}

// Unknown dates sort last; ties by id, so merged lists have one stable order.
const byDateThenId = (a: { id: string; iso: string | null }, b: { id: string; iso: string | null }) =>
  (a.iso ?? "~") < (b.iso ?? "~") ? -1 : (a.iso ?? "~") > (b.iso ?? "~") ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * Programme lists gathered from the states' contracts in parallel, merged and sorted. A state
 * that does not answer is missing from the list and named by a STATE_UNAVAILABLE error.
 */
@Resolver()
export class ProgrammeResolver {
  @Query(() => [StateProgramme], { description: "The states' programmes, by state and id" })
  async programmes(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => StateFilterInput, { nullable: true }) filter: StateFilterInput | null,
  ): Promise<StateProgramme[]> {
    const { targets } = ctx.contracts.targets(filter?.states ?? null);
    const gathered = await ctx.contracts.gather(targets, () => contract.programmes());
    return ctx.budget.rows(gathered.answers
      .flatMap((a) => a.value.map(toProgramme))
      .sort((a, b) => (a.state !== b.state ? (a.state < b.state ? -1 : 1) : a.id < b.id ? -1 : 1)));
  }

  @Query(() => ProgrammeEventConnection, { description: "Programme events across states, by date (undated last), then id" })
  async events(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<ProgrammeEvent>> {
    checkPageSize(first);
    checkIsoBound("filter.occursFrom", filter?.occursFrom);
    checkIsoBound("filter.occursTo", filter?.occursTo);
    const { targets } = ctx.contracts.targets(filter?.states);
    const contractFilter = {
      from: filter?.occursFrom ?? null,
      to: filter?.occursTo ?? null,
      types: filter?.types ?? null,
      statuses: filter?.statuses ?? null,
      programmeIds: filter?.programmeIds ?? null,
    };
    const gathered = await ctx.contracts.gather(targets, () => contract.events(contractFilter));
    const events = gathered.answers
      .flatMap((a) => a.value.map(toEvent))
      .sort((a, b) => byDateThenId({ id: a.id, iso: a.date.iso }, { id: b.id, iso: b.date.iso }));
    return budgeted(ctx, connectionFromArray("events", events, { first, after }));
  }

  @Query(() => ProgrammeIndicatorConnection, { description: "Published programme figures across states, by state, indicator and reference date" })
  async indicators(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => ProgrammeIndicatorFilterInput, { nullable: true }) filter: ProgrammeIndicatorFilterInput | null,
    @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<ProgrammeIndicator>> {
    checkPageSize(first);
    const { targets } = ctx.contracts.targets(filter?.states ?? null);
    const gathered = await ctx.contracts.gather(targets, () => contract.indicators(filter?.programmeId ?? null, filter?.indicator ?? null));
    const figures = gathered.answers
      .flatMap((a) => a.value.map(toIndicator))
      .sort((a, b) =>
        a.state !== b.state
          ? a.state < b.state ? -1 : 1
          : a.indicator !== b.indicator
            ? a.indicator < b.indicator ? -1 : 1
            : byDateThenId({ id: a.id, iso: a.referenceOn.iso }, { id: b.id, iso: b.referenceOn.iso }),
      );
    return budgeted(ctx, connectionFromArray("indicators", figures, { first, after }));
  }
}
