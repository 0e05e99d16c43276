import { badInput, isValidIsoPrefix, stateOfId, type StateSubgraph } from "@laenderhub/shared";
import { DISTRICTS } from "../gazetteer/districts.js";
import type { GazetteerLoaders } from "../loaders/gazetteer.loaders.js";
import type { ParticipationFilterInput } from "../schema/filters.input.js";
import type { ContractFilter } from "./contract-client.js";
import type { StateContracts, UnavailableStateInfo } from "./state-contracts.js";

/** A public filter turned into what each state is asked. */
export interface ResolvedFilter {
  /** The registered states to ask (fewer when the municipalities asked for lie in fewer states). */
  targets: StateSubgraph[];
  /** States asked for that have no registered subgraph. */
  unavailable: UnavailableStateInfo[];
  /** The contract filter for one state (its own municipality ids only). */
  filterFor(state: StateSubgraph): ContractFilter;
}

/** Checks an ISO prefix bound: YYYY, YYYY-MM or a real calendar day. */
export function checkIsoBound(field: string, value: string | null | undefined): void {
  if (value != null && !isValidIsoPrefix(value)) throw badInput(field, `${field} must be YYYY, YYYY-MM or YYYY-MM-DD (a real date), got "${value}"`);
}

/**
 * Validates a public participation filter and pushes it down: district keys and the district
 * population bound become municipality ids from the gazetteer (one SQL statement), and each
 * state is asked only about its own municipalities.
 */
export async function resolveParticipationFilter(
  input: ParticipationFilterInput | null | undefined,
  contracts: StateContracts,
  gazetteer: GazetteerLoaders,
): Promise<ResolvedFilter> {
  const f = input ?? {};
  checkIsoBound("filter.signedFrom", f.signedFrom);
  checkIsoBound("filter.signedTo", f.signedTo);
  const badKey = f.districtKeys?.find((k) => !/^\d{5}$/.test(k));
  if (badKey !== undefined) throw badInput("filter.districtKeys", `a district key has 5 digits, got "${badKey}"`);
  if (f.minDistrictPopulation != null && f.minDistrictPopulation < 0) throw badInput("filter.minDistrictPopulation", "minDistrictPopulation must not be negative");

  let municipalityIds: string[] | null = f.municipalityIds ? [...new Set(f.municipalityIds)] : null;
  if (f.districtKeys != null || f.minDistrictPopulation != null) {
    let keys = f.districtKeys ?? [...DISTRICTS.keys()];
    if (f.minDistrictPopulation != null) keys = keys.filter((k) => (DISTRICTS.get(k)?.population ?? -1) >= f.minDistrictPopulation!);
    const loaded = await gazetteer.municipalitiesByDistrict.loadMany([...new Set(keys)]);
    const inDistricts = loaded.flatMap((m) => (Array.isArray(m) ? m.map((x) => x.id) : []));
    const allowed = new Set(inDistricts);
    municipalityIds = municipalityIds ? municipalityIds.filter((id) => allowed.has(id)) : inDistricts;
  }

  const { targets, unavailable } = contracts.targets(f.states);
  const idsOf = (state: StateSubgraph) => municipalityIds?.filter((id) => stateOfId(id) === state.code) ?? null;
  return {
    // A state none of whose municipalities is asked for cannot match: it is not called at all.
    targets: municipalityIds ? targets.filter((t) => idsOf(t)!.length > 0) : targets,
    unavailable,
    filterFor: (state) => ({
      programmeIds: f.programmeIds ?? null,
      programmeKinds: f.programmeKinds ?? null,
      instruments: f.instruments ?? null,
      statuses: f.statuses ?? null,
      signedFrom: f.signedFrom ?? null,
      signedTo: f.signedTo ?? null,
      fieldsOfAction: f.fieldsOfAction ?? null,
      municipalityIds: idsOf(state),
    }),
  };
}
