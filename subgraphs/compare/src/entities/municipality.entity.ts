import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { Source, type StateCode } from "@laenderhub/shared";
import { AgsStatus, DistrictBasis, MunicipalityOrigin } from "../vocabulary.js";

/**
 * A gazetteer record: one municipality (Gemeinde) with its official key. The compare
 * subgraph owns the federated `Municipality` entity; state subgraphs reference it by id.
 * `state`, `district`, `preventionBodies` and `participations` are field resolvers.
 */
@Entity("gazetteer_municipality")
@ObjectType("Municipality", { description: "A municipality (Gemeinde) from the gazetteer, with its official key and cited sources" })
@Directive('@key(fields: "id")')
export class Municipality {
  @PrimaryColumn("text")
  @Field(() => ID, { description: "Stable id from the data, e.g. SL-M-10043114 or SN-M-SCHNEEBERG" })
  id!: string;

  @Column("text")
  @Field(() => String)
  name!: string;

  /** `sortableName(name)`: the order of lists and the MUNICIPALITY_NAME sort key. */
  @Column("text", { name: "sort_name" })
  sortName!: string;

  @Column("text", { nullable: true })
  @Field(() => String, {
    nullable: true,
    description: "Amtlicher Gemeindeschlüssel (8 digits); null only where no source confirms it (see agsStatus, agsNote). Never guessed.",
  })
  ags!: string | null;

  @Column("text", { name: "ags_status" })
  @Field(() => AgsStatus)
  agsStatus!: AgsStatus;

  @Column("text", { name: "ags_note", nullable: true })
  @Field(() => String, { nullable: true, description: "What the sources say about the key where it is missing or uncertain" })
  agsNote!: string | null;

  @Column("text", { name: "state" })
  stateCode!: StateCode;

  @Column("text", { nullable: true })
  @Field(() => String, { nullable: true, description: "Kind of municipality as the sources name it (Stadt, Gemeinde, Große Kreisstadt, …)" })
  type!: string | null;

  @Column("text", { name: "district_name", nullable: true })
  @Field(() => String, { nullable: true, description: "The district (Landkreis) as the sources name it; null for kreisfreie Städte" })
  districtNameInSources!: string | null;

  @Column("text", { name: "district_note", nullable: true })
  @Field(() => String, { nullable: true, description: "What the sources say about the district, where they add something" })
  districtNote!: string | null;

  @Column("text", { name: "district_key", nullable: true })
  districtKey!: string | null;

  @Column("text", { name: "district_basis", nullable: true })
  @Field(() => DistrictBasis, { nullable: true, description: "How the district was found (by AGS, or by exact name where the AGS is unknown)" })
  districtBasis!: DistrictBasis | null;

  @Column("simple-json", { name: "ags_sources" })
  @Field(() => [Source], { description: "Sources that state the AGS (empty when it is unconfirmed)" })
  agsSources!: Source[];

  @Column("simple-json")
  @Field(() => [Source], { description: "Every source of this record (the AGS sources and any others); never empty" })
  sources!: Source[];

  @Column("text")
  @Field(() => MunicipalityOrigin, { description: "Seeded from the cited dataset, taken from the municipal register, or fetched later from the owning state" })
  origin!: MunicipalityOrigin;

  @Column("text", { name: "official_name", nullable: true })
  @Field(() => String, { nullable: true, description: "The official name with its designation as the municipal register gives it (\"Dresden, Stadt\"); null when the register does not hold the municipality" })
  officialName!: string | null;

  @Column("integer", { nullable: true })
  @Field(() => Int, { nullable: true, description: "Inhabitants on populationReferenceOn (Destatis GV100AD, basis Zensus 2022); null when the register does not hold the municipality" })
  population!: number | null;

  @Column("text", { name: "population_reference_on", nullable: true })
  @Field(() => String, { nullable: true, description: "Date the population refers to (2024-12-31)" })
  populationReferenceOn!: string | null;

  @Column("real", { name: "area_km2", nullable: true })
  @Field(() => Float, { nullable: true, description: "Area in km² (Destatis GV100AD)" })
  areaKm2!: number | null;
}
