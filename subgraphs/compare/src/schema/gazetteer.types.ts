import { Field, Float, Int, ObjectType } from "type-graphql";
import { Source, StateCode } from "@laenderhub/shared";
import { DISTRICT_REFERENCE_DATE, DISTRICT_SOURCE, type DistrictRecord, type StateRecord } from "../gazetteer/districts.js";

/** A district with its Destatis figures; `state`, `municipalities`, `participations` are field resolvers. */
@ObjectType("District", { description: "A Landkreis, kreisfreie Stadt or Regionalverband with its Destatis figures (reference date 2018-12-31)" })
export class District {
  @Field(() => String, { description: "Five-digit key (Kreisschlüssel): the first five digits of the AGS of its municipalities" })
  key!: string;

  @Field(() => String, { description: "Common designation, e.g. Landkreis Neunkirchen, Erzgebirgskreis, Chemnitz" })
  name!: string;

  @Field(() => String, { description: "Name exactly as Destatis lists it, e.g. Neunkirchen, Chemnitz, Stadt" })
  officialName!: string;

  @Field(() => String, { description: "Destatis type: Landkreis, Kreisfreie Stadt, Regionalverband" })
  type!: string;

  @Field(() => String)
  nuts3!: string;

  @Field(() => Int, { description: "Population on the reference date" })
  population!: number;

  @Field(() => Float)
  areaKm2!: number;

  @Field(() => Float, { description: "Inhabitants per km² as Destatis publishes it (rounded)" })
  populationDensity!: number;

  @Field(() => String, { name: "referenceOn", description: "Date the population and area figures refer to" })
  referenceDate!: string;

  @Field(() => [Source])
  sources!: Source[];

  stateCode!: StateCode;
}

/** A state with population and area summed over its districts. */
@ObjectType("State", { description: "A German state (Land) with its districts and programmes" })
export class State {
  @Field(() => StateCode)
  code!: StateCode;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "First two digits of every AGS in the state" })
  agsPrefix!: string;

  @Field(() => Int, { description: "Population: the sum of its districts' (Destatis, 2018-12-31)" })
  population!: number;

  @Field(() => Float, { description: "Area in km²: the sum of its districts'" })
  areaKm2!: number;

  @Field(() => String, { name: "referenceOn" })
  referenceDate!: string;

  @Field(() => [Source])
  sources!: Source[];
}

/** The GraphQL view of a district record. */
export function toDistrict(record: DistrictRecord): District {
  return Object.assign(new District(), {
    key: record.key,
    name: record.name,
    officialName: record.officialName,
    type: record.type,
    nuts3: record.nuts3,
    population: record.population,
    areaKm2: record.areaKm2,
    populationDensity: record.populationPerKm2,
    referenceDate: DISTRICT_REFERENCE_DATE,
    sources: [DISTRICT_SOURCE],
    stateCode: record.state,
  });
}

/** The GraphQL view of a state record. */
export function toState(record: StateRecord): State {
  return Object.assign(new State(), {
    code: record.code,
    name: record.name,
    agsPrefix: record.agsPrefix,
    population: record.population,
    areaKm2: record.areaKm2,
    referenceDate: DISTRICT_REFERENCE_DATE,
    sources: [DISTRICT_SOURCE],
  });
}
