import { ActorType, FuzzyDate, MunicipalityReference, PreventionBodyStatus, Source } from "@laenderhub/shared";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType("KommunalerPraeventionsrat", { description: "A Kommunaler Präventionsrat (KPR) or similar prevention body of a Saxon municipality" })
export class KommunalerPraeventionsrat {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "KPR or PREVENTION_NETWORK, as the data classifies it" })
  kind!: string;

  @Field(() => PreventionBodyStatus)
  status!: PreventionBodyStatus;

  @Field(() => FuzzyDate, { description: "Founding date where the sources give it" })
  statusOn!: FuzzyDate;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => [ActorType], { description: "Kinds of actors in the body, only where a source names them" })
  actorTypes!: ActorType[];

  @Field(() => MunicipalityReference)
  municipality!: MunicipalityReference;

  @Field(() => [Source])
  sources!: Source[];

  /** Not exposed: the register entry is served by `registeredMunicipality`. */
  municipalityId!: string;
}
