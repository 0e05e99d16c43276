import { AgsStatus, MunicipalityOrigin } from "../vocabulary.js";
import { Municipality } from "../entities/municipality.entity.js";
import type { GazetteerLoaders } from "../loaders/gazetteer.loaders.js";
import type { ParticipationNode } from "../schema/participation.types.js";
import type { ContractParticipationRow } from "./contract-client.js";
import { sortableName, type FieldOfAction, type Instrument, type ParticipationStatus, type StateCode } from "@laenderhub/shared";

/**
 * A stand-in for a municipality neither the gazetteer nor its state knows (a broken reference
 * in the state's data): the name the state gives, no key, and the participation's sources,
 * which are what name it. Served rather than dropping the participation.
 */
function unknownMunicipality(row: ContractParticipationRow): Municipality {
  return Object.assign(new Municipality(), {
    id: row.municipalityId,
    name: row.municipalityName,
    sortName: sortableName(row.municipalityName),
    ags: null,
    agsStatus: AgsStatus.UNCONFIRMED,
    agsNote: `Not in the gazetteer, and the ${row.state} subgraph did not return it either.`,
    stateCode: row.state,
    type: null,
    districtNameInSources: null,
    districtNote: null,
    districtKey: null,
    districtBasis: null,
    agsSources: [],
    sources: row.sources,
    origin: MunicipalityOrigin.STATE,
  } satisfies Partial<Municipality>);
}

/**
 * Turns contract rows into participation nodes of the states' concrete types, with each
 * municipality resolved by the gazetteer in one batched lookup.
 */
export async function toParticipationNodes(rows: readonly ContractParticipationRow[], gazetteer: GazetteerLoaders): Promise<ParticipationNode[]> {
  const ids = [...new Set(rows.map((r) => r.municipalityId))];
  const loaded = await gazetteer.municipalityById.loadMany(ids);
  const municipalities = new Map<string, Municipality>();
  loaded.forEach((m, i) => {
    if (m && !(m instanceof Error)) municipalities.set(ids[i]!, m);
  });
  return rows.map((row) => ({
    __typename: row.typename,
    id: row.id,
    state: row.state as StateCode,
    programmeId: row.programmeId,
    municipality: municipalities.get(row.municipalityId) ?? unknownMunicipality(row),
    instrument: row.instrument as Instrument,
    instrumentLabel: row.instrumentLabel,
    agreementId: row.agreementId,
    signedOn: row.signedOn,
    status: row.status as ParticipationStatus,
    endedOn: row.endedOn,
    fieldsOfAction: row.fieldsOfAction as FieldOfAction[],
    partners: row.partners,
    signatories: row.signatories,
    present: row.present,
    sources: row.sources,
    sortKey: row.sortKey,
  }));
}
