import { createConnectionType, PageInfo } from "@laenderhub/shared";
import { Field, Int, ObjectType } from "type-graphql";
import { Municipality } from "../entities/municipality.entity.js";
import { UnavailableState } from "./common.types.js";
import { Person } from "./person.types.js";
import { ProgrammeEvent, ProgrammeIndicator } from "./programme.types.js";
import { Participation } from "./participation.types.js";

@ObjectType("ParticipationEdge")
export class ParticipationEdge {
  @Field(() => String, { description: "Opaque cursor of this row in the order asked" })
  cursor!: string;

  @Field(() => Participation, { description: "The owning state's concrete participation type" })
  node!: Participation;
}

@ObjectType("ParticipationConnection", { description: "One page of participations merged across states in one total order" })
export class ParticipationConnection {
  @Field(() => [ParticipationEdge])
  edges!: ParticipationEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Participations matching the filter in the states that answered" })
  totalCount!: number;

  @Field(() => [UnavailableState], { description: "States that did not answer; their participations are missing from this page and from totalCount" })
  unavailableStates!: UnavailableState[];
}

export const MunicipalityConnection = createConnectionType("Municipality", () => Municipality, "One page of gazetteer municipalities, ordered by name");
export const ProgrammeEventConnection = createConnectionType("ProgrammeEvent", () => ProgrammeEvent, "One page of programme events across states, by date (undated last), then id");
export const ProgrammeIndicatorConnection = createConnectionType("ProgrammeIndicator", () => ProgrammeIndicator, "One page of programme figures across states, by state, indicator and reference date");
export const PersonConnection = createConnectionType("Person", () => Person, "One page of people across states, most agreements signed first");
