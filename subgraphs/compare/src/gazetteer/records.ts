import { AGS_PREFIX, sortableName, toSource, type RawMunicipality, type Source, type StateCode } from "@laenderhub/shared";
import { Municipality } from "../entities/municipality.entity.js";
import { AgsStatus, DistrictBasis, MunicipalityOrigin } from "../vocabulary.js";
import { findDistrict } from "./districts.js";

/** True when `ags` is eight digits and starts with the state's prefix. */
export function isAgsOfState(ags: string, state: StateCode): boolean {
  return /^\d{8}$/.test(ags) && ags.startsWith(AGS_PREFIX[state]);
}

/** What the gazetteer needs to know to build a record, from whichever origin. */
export interface MunicipalityFacts {
  id: string;
  name: string;
  state: StateCode;
  ags: string | null;
  agsNote: string | null;
  type: string | null;
  districtName: string | null;
  districtNote: string | null;
  agsSources: Source[];
  sources: Source[];
  origin: MunicipalityOrigin;
}

function dedupeSources(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
}

/** Builds a gazetteer record: status of the key and the district are derived here, once, at write time. */
export function buildMunicipality(facts: MunicipalityFacts): Municipality {
  const district = findDistrict({ ags: facts.ags, state: facts.state, districtName: facts.districtName });
  const record = new Municipality();
  Object.assign(record, {
    id: facts.id,
    name: facts.name,
    sortName: sortableName(facts.name),
    ags: facts.ags,
    agsStatus: facts.ags ? AgsStatus.CONFIRMED : AgsStatus.UNCONFIRMED,
    agsNote: facts.agsNote,
    stateCode: facts.state,
    type: facts.type,
    districtNameInSources: facts.districtName,
    districtNote: facts.districtNote,
    districtKey: district?.key ?? null,
    districtBasis: district ? (district.basis === "AGS" ? DistrictBasis.AGS : DistrictBasis.NAME) : null,
    agsSources: facts.ags ? dedupeSources(facts.agsSources) : [],
    sources: dedupeSources(facts.sources),
    origin: facts.origin,
  } satisfies Partial<Municipality>);
  return record;
}

/** A record of the cited dataset (shared/data/municipalities.json). */
export function municipalityFromDataset(raw: RawMunicipality): Municipality {
  if (raw.ags !== null && !isAgsOfState(raw.ags, raw.state)) {
    throw new Error(`dataset municipality ${raw.id} has AGS ${raw.ags}, not an 8-digit key of ${raw.state}`);
  }
  const agsSources = raw.ags_sources.map(toSource);
  const sources = [...agsSources, ...raw.other_sources.map(toSource)];
  if (sources.length === 0) throw new Error(`dataset municipality ${raw.id} has no source`);
  return buildMunicipality({
    id: raw.id,
    name: raw.name,
    state: raw.state,
    ags: raw.ags,
    agsNote: raw.ags_note,
    type: raw.type,
    districtName: raw.landkreis,
    districtNote: raw.landkreis_note,
    agsSources,
    sources,
    origin: MunicipalityOrigin.SEED,
  });
}

/** A municipality as the owning state's contract row gives it (`_comparativeMunicipalities`). */
export function municipalityFromState(
  state: StateCode,
  row: { id: string; name: string; ags: string | null; districtName: string | null; type: string | null; sources: Source[] },
): Municipality | null {
  if (row.sources.length === 0) return null;
  const valid = row.ags !== null && isAgsOfState(row.ags, state);
  return buildMunicipality({
    id: row.id,
    name: row.name,
    state,
    ags: valid ? row.ags : null,
    agsNote:
      row.ags !== null && !valid
        ? `The ${state} subgraph gives the key "${row.ags}", which is not an 8-digit AGS of ${state}; it is not used.`
        : row.ags === null
          ? `The ${state} subgraph records no confirmed key for this municipality.`
          : null,
    type: row.type,
    districtName: row.districtName,
    districtNote: null,
    // The state's row does not say which of its sources states the key, so all of them are kept.
    agsSources: row.sources,
    sources: row.sources,
    origin: MunicipalityOrigin.STATE,
  });
}
