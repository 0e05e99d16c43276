import { createRequire } from "node:module";
import { AGS_PREFIX, STATE_NAMES, StateCode, type Source } from "@laenderhub/shared";

/** A district (Landkreis, kreisfreie Stadt, Regionalverband) with its Destatis figures. */
export interface DistrictRecord {
  /** Five-digit Kreisschlüssel, the first five digits of every AGS in the district. */
  key: string;
  /** The common designation, e.g. "Landkreis Görlitz", "Erzgebirgskreis", "Chemnitz". */
  name: string;
  /** The name exactly as Destatis lists it, e.g. "Görlitz", "Chemnitz, Stadt". */
  officialName: string;
  /** Destatis type: Landkreis, Kreisfreie Stadt, Regionalverband, … */
  type: string;
  nuts3: string;
  state: StateCode;
  population: number;
  areaKm2: number;
  /** Inhabitants per km² as Destatis publishes it (rounded). */
  populationPerKm2: number;
}

/** A state with the totals of its districts. */
export interface StateRecord {
  code: StateCode;
  name: string;
  agsPrefix: string;
  population: number;
  areaKm2: number;
}

/** Reference date of every district figure. */
export const DISTRICT_REFERENCE_DATE = "2018-12-31";

/** The credit the package's licence (CC BY 4.0) asks for; served as every district's source. */
export const DISTRICT_SOURCE: Source = {
  url: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html",
  publisher: "Statistisches Bundesamt (Destatis), GV-ISys, via the landkreise-deutschland package (CC BY 4.0)",
  title: "Kreisfreie Städte und Landkreise nach Fläche, Bevölkerung und Bevölkerungsdichte",
  publishedOn: DISTRICT_REFERENCE_DATE,
};

interface PackageDistrict {
  AGS: string | number;
  type: string;
  name: string;
  NUTS3: string;
  area_km2: number;
  population: number;
  population_per_km2: number;
}

// The package is CommonJS without an ESM entry point.
const require = createRequire(import.meta.url);
const landkreise = require("landkreise-deutschland") as { getDistricts(): PackageDistrict[] };

const STATE_BY_PREFIX = new Map<string, StateCode>(
  (Object.entries(AGS_PREFIX) as [StateCode, string][]).map(([code, prefix]) => [prefix, code]),
);

/**
 * The designation people and the sources use. Destatis lists a Landkreis by its bare name
 * ("Görlitz") and a city with a suffix ("Chemnitz, Stadt"); the sources say "Landkreis Görlitz"
 * and "Chemnitz". Names that already carry "kreis" (Erzgebirgskreis, Saarpfalz-Kreis) keep it.
 */
function commonName(officialName: string, type: string): string {
  if (type === "Landkreis" && !/kreis/i.test(officialName)) return `Landkreis ${officialName}`;
  if (type === "Kreisfreie Stadt") return officialName.replace(/, (Stadt|Landeshauptstadt|Wissenschaftsstadt)$/, "");
  return officialName;
}

function load(): DistrictRecord[] {
  const out: DistrictRecord[] = [];
  for (const d of landkreise.getDistricts()) {
    // The JSON stores keys without a leading zero as numbers.
    const key = String(d.AGS).padStart(5, "0");
    const state = STATE_BY_PREFIX.get(key.slice(0, 2));
    if (!state) continue;
    out.push({
      key,
      name: commonName(d.name, d.type),
      officialName: d.name,
      type: d.type,
      nuts3: d.NUTS3,
      state,
      population: d.population,
      areaKm2: d.area_km2,
      populationPerKm2: d.population_per_km2,
    });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The districts of the states laenderhub knows, by key (read once from the package). */
export const DISTRICTS: ReadonlyMap<string, DistrictRecord> = new Map(load().map((d) => [d.key, d]));

/** The districts of one state, ordered by key. */
export function districtsOfState(state: StateCode): DistrictRecord[] {
  return [...DISTRICTS.values()].filter((d) => d.state === state);
}

/** The states with population and area summed over their districts. */
export const STATES: ReadonlyMap<StateCode, StateRecord> = new Map(
  Object.values(StateCode).map((code) => {
    const districts = districtsOfState(code);
    return [
      code,
      {
        code,
        name: STATE_NAMES[code],
        agsPrefix: AGS_PREFIX[code],
        population: districts.reduce((sum, d) => sum + d.population, 0),
        areaKm2: Math.round(districts.reduce((sum, d) => sum + d.areaKm2, 0) * 100) / 100,
      },
    ];
  }),
);

/** The state an AGS (or district key) belongs to by its two-digit prefix, or null. */
export function stateOfAgs(ags: string): StateCode | null {
  return STATE_BY_PREFIX.get(ags.slice(0, 2)) ?? null;
}

/**
 * Finds a municipality's district: by the first five digits of its AGS; only where the AGS is
 * unknown, by exact equality of the district name the sources give with a district's common or
 * official name within the same state (never a fuzzy match). Null when neither applies.
 */
export function findDistrict(
  municipality: { ags: string | null; state: StateCode; districtName: string | null },
): { key: string; basis: "AGS" | "NAME" } | null {
  if (municipality.ags) {
    const district = DISTRICTS.get(municipality.ags.slice(0, 5));
    return district ? { key: district.key, basis: "AGS" } : null;
  }
  if (!municipality.districtName) return null;
  const name = municipality.districtName.trim();
  const matches = districtsOfState(municipality.state).filter((d) => d.name === name || d.officialName === name);
  // Two districts of one name (Landkreis Leipzig and the city) never match ambiguously.
  return matches.length === 1 ? { key: matches[0]!.key, basis: "NAME" } : null;
}
