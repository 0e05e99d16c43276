import { Field, Int, ObjectType } from "type-graphql";
import { Municipality } from "../entities/municipality.entity.js";
import { PageInfo, UnavailableState } from "./common.types.js";
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

@ObjectType("MunicipalityEdge")
export class MunicipalityEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Municipality)
  node!: Municipality;
}

@ObjectType("MunicipalityConnection", { description: "One page of gazetteer municipalities, ordered by name" })
export class MunicipalityConnection {
  @Field(() => [MunicipalityEdge])
  edges!: MunicipalityEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
