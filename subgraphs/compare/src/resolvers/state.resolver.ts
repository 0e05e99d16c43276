import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { StateCode } from "@laenderhub/shared";
import type { CompareContext } from "../context.js";
import { contract } from "../comparative/contract-client.js";
import { Municipality } from "../entities/municipality.entity.js";
import { STATES, districtsOfState } from "../gazetteer/districts.js";
import { District, State, toDistrict, toState } from "../schema/gazetteer.types.js";
import { StateProgramme } from "../schema/programme.types.js";
import { toProgramme } from "./programme.resolver.js";

@Resolver(() => State)
export class StateResolver {
  @Query(() => State, { nullable: true })
  state(@Arg("code", () => StateCode) code: StateCode): State | null {
    const record = STATES.get(code);
    return record ? toState(record) : null;
  }

  @Query(() => [State], { description: "Every state laenderhub covers, by code" })
  states(): State[] {
    return [...STATES.values()].map(toState);
  }

  @FieldResolver(() => Boolean, { description: "Whether this deployment has the state's subgraph registered" })
  registered(@Root() state: State, @Ctx() ctx: CompareContext): boolean {
    return ctx.contracts.entry(state.code) !== undefined;
  }

  @FieldResolver(() => [District])
  districts(@Root() state: State, @Ctx() ctx: CompareContext): District[] {
    return ctx.budget.rows(districtsOfState(state.code).map(toDistrict));
  }

  @FieldResolver(() => [Municipality], { description: "Gazetteer municipalities of the state, by name" })
  async municipalities(@Root() state: State, @Ctx() ctx: CompareContext): Promise<Municipality[]> {
    return ctx.budget.rows(await ctx.gazetteer.municipalitiesByState.load(state.code));
  }

  @FieldResolver(() => [StateProgramme], { description: "The state's programmes, from its subgraph (empty, with STATE_UNAVAILABLE, when it does not answer)" })
  async programmes(@Root() state: State, @Ctx() ctx: CompareContext): Promise<StateProgramme[]> {
    const entry = ctx.contracts.entry(state.code);
    if (!entry) {
      // Recorded with the reason: left out by SUBGRAPH_STATES, or not registered at all.
      ctx.contracts.targets([state.code]);
      return [];
    }
    try {
      return ctx.budget.rows((await ctx.contracts.call(entry, contract.programmes())).map(toProgramme));
    } catch {
      return [];
    }
  }
}
