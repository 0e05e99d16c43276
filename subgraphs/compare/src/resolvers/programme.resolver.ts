import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { StateCode, type EventStatus, type IndicatorQualifier, type ProgrammeKind, type SigningFormat } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract, type ContractEventRow, type ContractIndicatorRow, type ContractProgrammeRow } from "../comparative/contract-client.js";
import { checkIsoBound } from "../comparative/filter.js";
import { EventFilterInput } from "../schema/filters.input.js";
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
    @Arg("states", () => [StateCode], { nullable: true }) states: StateCode[] | null,
  ): Promise<StateProgramme[]> {
    const { targets } = ctx.contracts.targets(states);
    const gathered = await ctx.contracts.gather(targets, () => contract.programmes());
    return ctx.budget.rows(gathered.answers
      .flatMap((a) => a.value.map(toProgramme))
      .sort((a, b) => (a.state !== b.state ? (a.state < b.state ? -1 : 1) : a.id < b.id ? -1 : 1)));
  }

  @Query(() => [ProgrammeEvent], { description: "Programme events across states, by date (undated last), then id" })
  async events(
    @Ctx() ctx: CompareContext,
    @Arg("filter", () => EventFilterInput, { nullable: true }) filter: EventFilterInput | null,
  ): Promise<ProgrammeEvent[]> {
    checkIsoBound("filter.from", filter?.from);
    checkIsoBound("filter.to", filter?.to);
    const { targets } = ctx.contracts.targets(filter?.states);
    const contractFilter = {
      from: filter?.from ?? null,
      to: filter?.to ?? null,
      types: filter?.types ?? null,
      statuses: filter?.statuses ?? null,
      programmeIds: filter?.programmeIds ?? null,
    };
    const gathered = await ctx.contracts.gather(targets, () => contract.events(contractFilter));
    return ctx.budget.rows(gathered.answers
      .flatMap((a) => a.value.map(toEvent))
      .sort((a, b) => byDateThenId({ id: a.id, iso: a.date.iso }, { id: b.id, iso: b.date.iso })));
  }

  @Query(() => [ProgrammeIndicator], { description: "Published programme figures across states, by state, indicator and reference date" })
  async indicators(
    @Ctx() ctx: CompareContext,
    @Arg("states", () => [StateCode], { nullable: true }) states: StateCode[] | null,
    @Arg("programmeId", () => String, { nullable: true }) programmeId: string | null,
    @Arg("indicator", () => String, { nullable: true, description: "Indicator code, e.g. member_municipalities" }) indicator: string | null,
  ): Promise<ProgrammeIndicator[]> {
    const { targets } = ctx.contracts.targets(states);
    const gathered = await ctx.contracts.gather(targets, () => contract.indicators(programmeId, indicator));
    return ctx.budget.rows(gathered.answers
      .flatMap((a) => a.value.map(toIndicator))
      .sort((a, b) =>
        a.state !== b.state
          ? a.state < b.state ? -1 : 1
          : a.indicator !== b.indicator
            ? a.indicator < b.indicator ? -1 : 1
            : byDateThenId({ id: a.id, iso: a.referenceOn.iso }, { id: b.id, iso: b.referenceOn.iso }),
      ));
  }
}
