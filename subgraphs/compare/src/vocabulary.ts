import { registerEnumType } from "type-graphql";

/** Whether a municipality's Amtlicher Gemeindeschlüssel is confirmed by a cited source. */
export enum AgsStatus {
  CONFIRMED = "CONFIRMED",
  /** No source seen confirms the current key; `ags` is null and never guessed. */
  UNCONFIRMED = "UNCONFIRMED",
}

/** How the gazetteer found a municipality's district. */
export enum DistrictBasis {
  /** The first five digits of the AGS are the district key. */
  AGS = "AGS",
  /** The AGS is unknown; the district name the sources give matched a district name exactly. */
  NAME = "NAME",
}

/** Where a gazetteer record came from. */
export enum MunicipalityOrigin {
  /** The cited dataset the gazetteer is seeded with. */
  SEED = "SEED",
  /** Fetched later from the owning state's subgraph (a municipality its ministry added). */
  STATE = "STATE",
  /** Only in the municipal register (Destatis GV100AD): no record of the programmes names it yet. */
  REGISTER = "REGISTER",
}

/** Public order of the cross-state participation list. */
export enum ParticipationOrder {
  SIGNED_ON = "SIGNED_ON",
  STATE = "STATE",
  MUNICIPALITY_NAME = "MUNICIPALITY_NAME",
}

// One direction enum for every ordered list of the public API, declared in shared.
export { OrderDirection as SortDirection } from "@laenderhub/shared";

/** Granularity of a comparison's timeline. */
export enum ComparisonPeriod {
  YEAR = "YEAR",
  QUARTER = "QUARTER",
}

registerEnumType(AgsStatus, { name: "AgsStatus", description: "Whether a cited source confirms the municipality's AGS" });
registerEnumType(DistrictBasis, { name: "DistrictBasis", description: "How the gazetteer found the district of a municipality" });
registerEnumType(MunicipalityOrigin, { name: "MunicipalityOrigin", description: "Where a gazetteer record came from" });
registerEnumType(ParticipationOrder, { name: "ParticipationOrder", description: "Order of the cross-state participation list" });
registerEnumType(ComparisonPeriod, { name: "ComparisonPeriod", description: "Granularity of a comparison timeline" });
