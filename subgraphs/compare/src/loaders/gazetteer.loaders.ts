import DataLoader from "dataloader";
import { stateOfId, type Logger, type StateCode } from "@laenderhub/shared";
import { In, type DataSource } from "typeorm";
import { contract } from "../comparative/contract-client.js";
import type { StateContracts } from "../comparative/state-contracts.js";
import { Municipality } from "../entities/municipality.entity.js";
import { stateOfAgs } from "../gazetteer/districts.js";
import { municipalityFromState } from "../gazetteer/records.js";
import { findMunicipalitiesByIds, storeMunicipalities } from "../gazetteer/store.js";
import { groupBy } from "../util/group-by.js";

/** Per-request gazetteer lookups, each batched into one SQL statement per tick. */
export interface GazetteerLoaders {
  /** By id; an id the gazetteer does not know is asked of the owning state and stored. */
  municipalityById: DataLoader<string, Municipality | null>;
  /** By AGS; an unknown key is tried as the id `<state>-M-<AGS>` at the owning state. */
  municipalityByAgs: DataLoader<string, Municipality | null>;
  municipalitiesByDistrict: DataLoader<string, Municipality[]>;
  municipalitiesByState: DataLoader<StateCode, Municipality[]>;
}

const byName = (a: Municipality, b: Municipality) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1);

/** Creates the gazetteer loaders of one request. */
export function createGazetteerLoaders(dataSource: DataSource, contracts: StateContracts, logger: Logger): GazetteerLoaders {
  async function fetchFromStates(ids: readonly string[]): Promise<Municipality[]> {
    const byState = groupBy(ids, (id) => stateOfId(id));
    const fetched = await Promise.all(
      [...byState].map(async ([code, stateIds]) => {
        const state = code ? contracts.entry(code) : undefined;
        if (!code || !state) return [];
        try {
          const rows = await contracts.call(state, contract.municipalities(stateIds));
          return rows
            .filter((r) => stateIds.includes(r.id))
            .map((r) => municipalityFromState(code, r))
            .filter((m): m is Municipality => m !== null);
        } catch {
          // Recorded as STATE_UNAVAILABLE for the response; the lookup answers null.
          return [];
        }
      }),
    );
    const records = fetched.flat();
    if (records.length === 0) return [];
    await storeMunicipalities(dataSource, records);
    const stored = await findMunicipalitiesByIds(dataSource, records.map((r) => r.id));
    for (const r of records) {
      if (!stored.some((s) => s.id === r.id)) logger.warn({ id: r.id, ags: r.ags }, "municipality from a state not stored: its AGS belongs to another gazetteer record");
    }
    if (stored.length) logger.info({ ids: stored.map((s) => s.id) }, "gazetteer: stored municipalities fetched from their states");
    return stored;
  }

  const municipalityById = new DataLoader<string, Municipality | null>(async (ids) => {
    const found = new Map((await findMunicipalitiesByIds(dataSource, ids)).map((m) => [m.id, m]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) for (const m of await fetchFromStates(missing)) found.set(m.id, m);
    return ids.map((id) => found.get(id) ?? null);
  });

  const municipalityByAgs = new DataLoader<string, Municipality | null>(async (keys) => {
    const rows = await dataSource.getRepository(Municipality).findBy({ ags: In([...keys]) });
    const found = new Map(rows.map((m) => [m.ags!, m]));
    for (const m of rows) municipalityById.prime(m.id, m);
    const missing = keys.filter((k) => !found.has(k));
    const candidates = missing.flatMap((ags) => {
      const state = stateOfAgs(ags);
      return state ? [`${state}-M-${ags}`] : [];
    });
    for (const m of await municipalityById.loadMany(candidates)) {
      if (m && !(m instanceof Error) && m.ags && missing.includes(m.ags)) found.set(m.ags, m);
    }
    return keys.map((k) => found.get(k) ?? null);
  });

  const municipalitiesByDistrict = new DataLoader<string, Municipality[]>(async (keys) => {
    const rows = await dataSource.getRepository(Municipality).findBy({ districtKey: In([...keys]) });
    const grouped = groupBy(rows.sort(byName), (m) => m.districtKey);
    return keys.map((k) => grouped.get(k) ?? []);
  });

  const municipalitiesByState = new DataLoader<StateCode, Municipality[]>(async (codes) => {
    const rows = await dataSource.getRepository(Municipality).findBy({ stateCode: In([...codes]) });
    const grouped = groupBy(rows.sort(byName), (m) => m.stateCode);
    return codes.map((c) => grouped.get(c) ?? []);
  });

  return { municipalityById, municipalityByAgs, municipalitiesByDistrict, municipalitiesByState };
}
