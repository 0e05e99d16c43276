import { Field, Float, Int, ObjectType } from "type-graphql";
import { FieldOfAction, Instrument, Source, StateCode } from "@laenderhub/shared";
import { ComparisonPeriod } from "../vocabulary.js";
import { UnavailableState } from "./common.types.js";
import { District } from "./gazetteer.types.js";

@ObjectType("DistrictCoverage", {
  description:
    "District-level figures: how many of the state's districts contain at least one participating municipality, and how many people " +
    "live in those districts. These are NOT the populations of the participating municipalities themselves.",
})
export class DistrictCoverage {
  @Field(() => Int, { description: "Districts with at least one participating municipality" })
  districtsCovered!: number;

  @Field(() => Int)
  districtsInState!: number;

  @Field(() => Float, { description: "districtsCovered / districtsInState (0..1)" })
  shareOfDistricts!: number;

  @Field(() => Int, { description: "Population of the covered districts (whole districts, Destatis 2018-12-31)" })
  populationOfCoveredDistricts!: number;

  @Field(() => Int, { description: "Population of the state (sum of its districts)" })
  statePopulation!: number;

  @Field(() => Float, { description: "populationOfCoveredDistricts / statePopulation (0..1): a district-level upper bound, not municipal coverage" })
  shareOfPopulation!: number;

  @Field(() => Int, { description: "Participating municipalities whose district is unknown to the gazetteer (not counted above)" })
  municipalitiesWithoutDistrict!: number;

  @Field(() => [District])
  districts!: District[];

  @Field(() => String, { name: "referenceOn" })
  referenceDate!: string;

  @Field(() => String)
  note!: string;

  @Field(() => [Source])
  sources!: Source[];
}

@ObjectType("StateComparison", { description: "One state's figures for the filter asked" })
export class StateComparison {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String)
  name!: string;

  @Field(() => Int)
  participations!: number;

  @Field(() => Int, { description: "Distinct municipalities with a participation" })
  municipalities!: number;

  @Field(() => Int, { description: "Participations whose signing year is unknown: counted here, not in the timeline" })
  undatedParticipations!: number;

  @Field(() => Int, { description: "Participations dated to the year only (no month): in a yearly timeline, not in a quarterly one" })
  yearOnlyParticipations!: number;

  @Field(() => String, { nullable: true, description: "Earliest known signing date (ISO prefix with the precision the source gives)" })
  firstSignedOn!: string | null;

  @Field(() => String, { nullable: true, description: "Latest known signing date (ISO prefix)" })
  latestSignedOn!: string | null;

  @Field(() => DistrictCoverage)
  districtCoverage!: DistrictCoverage;
}

@ObjectType("TimelinePoint", { description: "Participations of one state signed in one period, and the running total of dated ones" })
export class TimelinePoint {
  @Field(() => String, { description: "YYYY or YYYY-Qn" })
  period!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => Int)
  participations!: number;

  @Field(() => Int, { description: "Dated participations signed in this period or earlier" })
  cumulativeParticipations!: number;
}

@ObjectType("InstrumentCount")
export class InstrumentCount {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => Instrument)
  instrument!: Instrument;

  @Field(() => Int)
  participations!: number;

  @Field(() => Int)
  municipalities!: number;
}

@ObjectType("FieldOfActionCount", { description: "A participation is counted once per field of action it has" })
export class FieldOfActionCount {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => FieldOfAction, { nullable: true, description: "Null: participations with no field of action recorded" })
  fieldOfAction!: FieldOfAction | null;

  @Field(() => Int)
  participations!: number;

  @Field(() => Int)
  municipalities!: number;
}

@ObjectType("Comparison", { description: "The states compared on one filter: totals, district-level coverage, a timeline and breakdowns" })
export class Comparison {
  @Field(() => ComparisonPeriod)
  period!: ComparisonPeriod;

  @Field(() => [StateComparison])
  states!: StateComparison[];

  @Field(() => [TimelinePoint], { description: "Per state and period from the first to the last dated signing, gaps filled with 0" })
  timeline!: TimelinePoint[];

  @Field(() => [InstrumentCount])
  byInstrument!: InstrumentCount[];

  @Field(() => [FieldOfActionCount])
  byFieldOfAction!: FieldOfActionCount[];

  @Field(() => [UnavailableState], { description: "States that did not answer; they are missing from every figure above" })
  unavailableStates!: UnavailableState[];
}
