import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { Source } from "../schema/value-types.js";
import { AGS_PREFIX, StateCode } from "../vocabulary.js";

/**
 * The official municipal register of the states laenderhub covers: Destatis' GV100AD, the project's
 * own copy in shared/data/register (see its README). It tells which 8-digit keys exist, and
 * gives every municipality's population and area, so coverage can be computed against all of
 * them, not only the ones the programme data names.
 */

/** The credit the register's licence (dl-de/by-2-0) asks for, verbatim from its README. */
export const REGISTER_CREDIT = "© Statistisches Bundesamt (Destatis), 2025";

/** Date the register's population figures refer to. */
export const REGISTER_POPULATION_REFERENCE_ON = "2024-12-31";

/** Gebietsstand of the register: keys, names and territory as of this day. */
export const REGISTER_TERRITORY_REFERENCE_ON = "2025-11-30";

/** The register as a source, served with every fact taken from it. */
export const REGISTER_SOURCE: Source = {
  url: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/_inhalt.html",
  publisher: `${REGISTER_CREDIT}; Datenlizenz Deutschland – Namensnennung – Version 2.0 (dl-de/by-2-0)`,
  title: "Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2025: Gemeinden mit Fläche und Bevölkerung am 31.12.2024",
  publishedOn: "2025",
};

/** One municipality (Gemeinde) of the register. */
export interface RegisterMunicipality {
  ags: string;
  /** The official name with its suffix as the register gives it, e.g. "Dresden, Stadt". */
  officialName: string;
  state: StateCode;
  districtKey: string;
  population: number;
  areaKm2: number;
}

const STATE_BY_PREFIX = new Map<string, StateCode>(
  (Object.entries(AGS_PREFIX) as [StateCode, string][]).map(([code, prefix]) => [prefix, code]),
);

const rowSchema = z.object({
  ags: z.string().regex(/^\d{8}$/),
  name: z.string().min(1),
  district_key: z.string().regex(/^\d{5}$/),
  population: z.coerce.number().int().nonnegative(),
  area_km2: z.coerce.number().nonnegative(),
  reference_date: z.literal(REGISTER_TERRITORY_REFERENCE_ON),
});

/** Path of the register's CSV file inside this package. */
export const REGISTER_FILE = fileURLToPath(new URL("../../data/register/gemeinden-sl-sn-st.csv", import.meta.url));

let cached: ReadonlyMap<string, RegisterMunicipality> | undefined;

/**
 * The register by AGS, read and checked once per process. A malformed row, a key outside the
 * three states or a district key that is not the key's own prefix stops the load: the
 * register is the yardstick every key is checked against, so it must not be half-read.
 */
export function loadRegister(): ReadonlyMap<string, RegisterMunicipality> {
  if (cached) return cached;
  const rows = parse(readFileSync(REGISTER_FILE, "utf8"), { columns: true, skip_empty_lines: true }) as unknown[];
  const out = new Map<string, RegisterMunicipality>();
  rows.forEach((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`register row ${i + 2} is malformed: ${parsed.error.issues.map((x) => x.path.join(".")).join(", ")}`);
    const row = parsed.data;
    const state = STATE_BY_PREFIX.get(row.ags.slice(0, 2));
    if (!state || row.district_key !== row.ags.slice(0, 5) || out.has(row.ags)) {
      throw new Error(`register row ${i + 2} (AGS ${row.ags}) is outside the covered states, has a foreign district key, or repeats a key`);
    }
    out.set(row.ags, { ags: row.ags, officialName: row.name, state, districtKey: row.district_key, population: row.population, areaKm2: row.area_km2 });
  });
  cached = out;
  return out;
}

/** The register entry of an AGS, or undefined when the register has no such municipality. */
export function registerEntry(ags: string): RegisterMunicipality | undefined {
  return loadRegister().get(ags);
}

/**
 * Splits a register name into the name people use and the designation the register appends:
 * "Dresden, Stadt" → Dresden / Stadt; "Weißwasser/O.L., Stadt / Běła Woda" → Weißwasser/O.L. /
 * Stadt. A name without a suffix is a plain Gemeinde.
 */
export function splitRegisterName(officialName: string): { name: string; type: string } {
  const comma = officialName.indexOf(", ");
  if (comma < 0) return { name: officialName, type: "Gemeinde" };
  const suffix = officialName.slice(comma + 2).split(",")[0]!.split(" / ")[0]!.trim();
  return { name: officialName.slice(0, comma), type: suffix || "Gemeinde" };
}
