import { loadRegister, REGISTER_POPULATION_REFERENCE_ON, REGISTER_SOURCE, splitRegisterName, type RegisterMunicipality, type Source } from "@laenderhub/shared";
import type { EntityManager } from "typeorm";
import { Municipality } from "../entities/municipality.entity.js";
import { AgsStatus, DistrictBasis, MunicipalityOrigin } from "../vocabulary.js";
import { buildMunicipality } from "./records.js";

/**
 * The dataset's municipalities without a confirmed key whose key the register gives (the
 * register's README names both). Written out rather than matched by name, and each checked at
 * every sync against the register's own name and the district the dataset's sources give.
 */
export const KEYS_FROM_REGISTER: ReadonlyArray<{ id: string; ags: string; officialName: string }> = [
  { id: "SN-M-SCHNEEBERG", ags: "14521530", officialName: "Schneeberg, Stadt" },
  { id: "SN-M-KRAUSCHWITZ", ags: "14626250", officialName: "Krauschwitz i.d. O.L. / Krušwica" },
];

/** The id a register municipality gets when no record of the data names it: `<state>-M-<AGS>`, as the states mint them. */
export function registerId(entry: RegisterMunicipality): string {
  return `${entry.state}-M-${entry.ags}`;
}

const withSource = (sources: Source[], source: Source): Source[] => (sources.some((s) => s.url === source.url) ? sources : [...sources, source]);

/** Sets the register's figures on a record; true when anything changed. */
function applyFigures(record: Municipality, entry: RegisterMunicipality): boolean {
  const next = {
    officialName: entry.officialName,
    population: entry.population,
    populationReferenceOn: REGISTER_POPULATION_REFERENCE_ON,
    areaKm2: entry.areaKm2,
    sources: withSource(record.sources, REGISTER_SOURCE),
  };
  const changed =
    record.officialName !== next.officialName ||
    record.population !== next.population ||
    record.populationReferenceOn !== next.populationReferenceOn ||
    record.areaKm2 === null || Math.abs(record.areaKm2 - next.areaKm2) > 1e-6 ||
    record.sources.length !== next.sources.length;
  Object.assign(record, next);
  return changed;
}

/** A gazetteer record for a register municipality that no programme record names. */
export function municipalityFromRegister(entry: RegisterMunicipality): Municipality {
  const { name, type } = splitRegisterName(entry.officialName);
  const record = buildMunicipality({
    id: registerId(entry),
    name,
    state: entry.state,
    ags: entry.ags,
    agsNote: null,
    type,
    districtName: null,
    districtNote: null,
    agsSources: [REGISTER_SOURCE],
    sources: [REGISTER_SOURCE],
    origin: MunicipalityOrigin.REGISTER,
  });
  applyFigures(record, entry);
  return record;
}

/** Gives a dataset record without a key the register's key, after checking it is the same town. */
function applyKey(record: Municipality, entry: RegisterMunicipality, expectedName: string): void {
  if (entry.officialName !== expectedName) {
    throw new Error(`register: ${entry.ags} is "${entry.officialName}", not "${expectedName}", so it is not the key of ${record.id}`);
  }
  if (record.districtKey !== null && record.districtKey !== entry.districtKey) {
    throw new Error(`register: ${entry.ags} lies in district ${entry.districtKey}, but the sources of ${record.id} place it in ${record.districtKey}`);
  }
  const before = record.agsNote ? `${record.agsNote} ` : "";
  Object.assign(record, {
    ags: entry.ags,
    agsStatus: AgsStatus.CONFIRMED,
    agsNote: `${before}The key ${entry.ags} is taken from the municipal register (Destatis GV100AD, Gebietsstand 30.11.2025), which lists "${entry.officialName}" in district ${entry.districtKey}.`,
    agsSources: [REGISTER_SOURCE],
    districtKey: entry.districtKey,
    districtBasis: DistrictBasis.AGS,
  } satisfies Partial<Municipality>);
}

/** What a register sync did. */
export interface RegisterSync {
  inserted: number;
  updated: number;
}

/**
 * Brings the gazetteer in line with the register, inside the caller's transaction: the
 * register's figures on every record it holds, its key on the dataset's records listed in
 * KEYS_FROM_REGISTER, and a record for every register municipality no record names yet.
 * Ids already in the gazetteer are kept. Idempotent: a second run writes nothing.
 */
export async function syncRegister(manager: EntityManager): Promise<RegisterSync> {
  const register = loadRegister();
  const repository = manager.getRepository(Municipality);
  const records = await repository.find();
  const changed: Municipality[] = [];
  const keyed = new Map(KEYS_FROM_REGISTER.map((k) => [k.id, k]));
  const held = new Set<string>();
  for (const record of records) {
    const key = keyed.get(record.id);
    if (record.ags === null && key) {
      const entry = register.get(key.ags);
      if (!entry) throw new Error(`register: it has no municipality ${key.ags} for ${record.id}`);
      applyKey(record, entry, key.officialName);
    }
    const entry = record.ags ? register.get(record.ags) : undefined;
    if (!entry) continue;
    held.add(entry.ags);
    if (applyFigures(record, entry) || key) changed.push(record);
  }
  const missing = [...register.values()].filter((entry) => !held.has(entry.ags)).map(municipalityFromRegister);
  // Chunked: SQLite binds at most 32,766 values per statement, and a record binds 19.
  for (let i = 0; i < missing.length; i += 200) await repository.insert(missing.slice(i, i + 200));
  if (changed.length) await repository.save(changed, { chunk: 200 });
  return { inserted: missing.length, updated: changed.length };
}
