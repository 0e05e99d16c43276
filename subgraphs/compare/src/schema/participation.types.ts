import { Directive, ObjectType } from "type-graphql";
import { createParticipationInterface, STATE_SUBGRAPHS, type ParticipationShape } from "@laenderhub/shared";
import { Municipality } from "../entities/municipality.entity.js";

/**
 * The public `Participation` interface, built by the shared factory around the gazetteer's
 * full Municipality type (state subgraphs build it around the reference stub).
 */
export const Participation = createParticipationInterface(() => Municipality);
export type Participation = InstanceType<typeof Participation>;

/**
 * What compare resolves a participation to: the interface fields from the owning state's
 * contract row, the gazetteer's municipality, and `__typename` naming the state's concrete
 * type, so the gateway fetches that state's own fields from the owning subgraph.
 */
export interface ParticipationNode extends ParticipationShape {
  __typename: string;
  municipality: Municipality;
  /** The row's key in the order it was fetched in (for cursors). */
  sortKey: string;
}

function declareConcreteType(name: string): Function {
  // Only the interface fields: each state subgraph owns the rest of its type. The key is not
  // resolvable here: compare returns these types from its own lists, but a query that starts
  // at a state (`saarland { partnerships { municipality { name } } }`) must go on to the
  // gazetteer's Municipality, not to this copy, whose resolution would ask the state's
  // contract for the partnership the state has just sent (two fetches of the same rows).
  @ObjectType(name, { implements: Participation, description: `A participation as the owning state models it (shared fields; the state subgraph adds its own)` })
  @Directive('@key(fields: "id", resolvable: false)')
  @Directive("@shareable")
  class ConcreteParticipation {}
  // Error messages and debuggers name classes by `name`; every class here would be "ConcreteParticipation".
  Object.defineProperty(ConcreteParticipation, "name", { value: name });
  return ConcreteParticipation;
}

/**
 * One concrete type per registry entry's `participationTypes`, declared once per process from
 * the full list of known states (`STATE_SUBGRAPHS`), so the schema does not depend on which
 * states a deployment registers.
 */
export const PARTICIPATION_TYPES: ReadonlyMap<string, Function> = new Map(
  STATE_SUBGRAPHS.flatMap((s) => s.participationTypes).map((name) => [name, declareConcreteType(name)]),
);
