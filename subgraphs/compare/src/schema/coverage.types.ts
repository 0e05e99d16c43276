import { Field, Float, Int, ObjectType } from "type-graphql";
import { Source, StateCode } from "@laenderhub/shared";
import { District } from "./gazetteer.types.js";

/** Municipalities and inhabitants taking part, against all of them in the register. */
@ObjectType("CoverageFigures", { description: "Municipalities and inhabitants taking part, against all of them in the register" })
export abstract class CoverageFigures {
  @Field(() => Int, { description: "Register municipalities taking part (see Coverage.asOf for what counts)" })
  municipalitiesTakingPart!: number;

  @Field(() => Int, { description: "All municipalities of the register" })
  municipalities!: number;

  @Field(() => Float, { description: "municipalitiesTakingPart / municipalities (0..1), unrounded" })
  shareOfMunicipalities!: number;

  @Field(() => Int, { description: "Inhabitants of the municipalities taking part (population on 2024-12-31)" })
  populationTakingPart!: number;

  @Field(() => Int, { description: "All inhabitants of the register's municipalities" })
  population!: number;

  @Field(() => Float, { description: "populationTakingPart / population (0..1), unrounded" })
  shareOfPopulation!: number;
}

@ObjectType("DistrictMunicipalCoverage", { description: "Coverage within one district, counted over its municipalities in the register" })
export class DistrictMunicipalCoverage extends CoverageFigures {
  @Field(() => District)
  district!: District;
}

@ObjectType("Coverage", {
  description:
    "Which share of a state's municipalities and inhabitants take part, counted exactly against every municipality of the municipal " +
    "register (Destatis GV100AD), under the comparison's filter",
})
export class Coverage extends CoverageFigures {
  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String, {
    nullable: true,
    description:
      "The date counted for (ISO prefix, read as the whole day, month or year): a municipality takes part when a participation matching the " +
      "filter, not ANNOUNCED, was provably signed on or before its end and did not end before its start. Null: now, where a participation " +
      "with an unknown signing date counts too",
  })
  asOf!: string | null;

  @Field(() => Int, { description: "Participating municipalities the register does not hold (a key that is unknown or not confirmed); not counted above" })
  municipalitiesOutsideRegister!: number;

  @Field(() => [DistrictMunicipalCoverage], { description: "Every district of the state, by key" })
  districts!: DistrictMunicipalCoverage[];

  @Field(() => String, { description: "Date the population figures refer to" })
  populationReferenceOn!: string;

  @Field(() => [Source], { description: "The register (© Statistisches Bundesamt (Destatis), 2025, dl-de/by-2-0)" })
  sources!: Source[];
}

@ObjectType("CoveragePoint", { description: "A state's coverage at the end of one timeline period" })
export class CoveragePoint extends CoverageFigures {
  @Field(() => String, { description: "YYYY or YYYY-Qn, as in the comparison's timeline" })
  period!: string;

  @Field(() => StateCode)
  state!: StateCode;

  @Field(() => String, { description: "The day counted for: the period's last day" })
  countedOn!: string;
}
