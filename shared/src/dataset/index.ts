import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { StateCode } from "../vocabulary.js";

/**
 * The project's own copy of the cited dataset (shared/data, see its README): typed records
 * exactly as the JSON files hold them. Seeds read from here; nothing is fetched at run time.
 */

export interface RawSource {
  url: string;
  publisher: string | null;
  published: string | null;
  title?: string | null;
}

export interface RawPerson {
  name: string;
  role: string | null;
  organisation: string | null;
  party: string | null;
  basis: string;
}

export interface RawParticipation {
  id: string;
  state: StateCode;
  state_name: string;
  programme: string;
  programme_id: string;
  municipality_id: string;
  municipality_name: string;
  ags: string | null;
  landkreis: string | null;
  instrument: string;
  instrument_label: string;
  agreement_id: string;
  group: { name: string; kind: string } | null;
  signed_date: string | null;
  signed_date_precision: "day" | "month" | "day_month" | "unknown";
  signed_date_note: string | null;
  effective_date: string | null;
  ordinal: number | null;
  ordinal_basis: string | null;
  format: string | null;
  place: string | null;
  parties: string[];
  signatories: RawPerson[];
  present: RawPerson[];
  notes: string[];
  sources: RawSource[];
}

export interface RawPreventionBody {
  name: string;
  kind: string;
  status: string;
  date: string | null;
  note: string | null;
  sources: RawSource[];
}

export interface RawMunicipality {
  id: string;
  name: string;
  ags: string | null;
  state: StateCode;
  state_name: string;
  landkreis: string | null;
  landkreis_note: string | null;
  type: string;
  ags_sources: RawSource[];
  ags_note: string | null;
  other_sources: RawSource[];
  prevention_bodies: RawPreventionBody[];
}

export interface RawFrameworkDocument {
  title: string;
  date: string | null;
  date_note?: string | null;
  parties: string[];
  persons?: RawPerson[];
  description?: string;
  sources: RawSource[];
}

export interface RawFundingStatement {
  amount_eur: number;
  qualifier: string | null;
  period: string | null;
  statement_date: string | null;
  description: string | null;
  sources: RawSource[];
}

export interface RawProgramme {
  id: string;
  state: StateCode;
  state_name: string;
  name: string;
  short_name: string;
  kind: string;
  kind_description: string;
  responsible_ministry: string;
  coordinating_body: string;
  coordinating_body_sources: RawSource[];
  start_date: string | null;
  start_date_precision: string;
  start_period: string | null;
  start_note: string | null;
  framework_documents: RawFrameworkDocument[];
  funding_statements: RawFundingStatement[];
  funding_note?: string;
  funding_note_sources?: RawSource[];
  fields_of_action: string[];
  fields_of_action_sources: RawSource[];
  participation_count_recorded: number;
  notes: string[];
  offers?: string[];
  offers_sources?: RawSource[];
  sources: RawSource[];
}

export interface RawEvent {
  id: string;
  state: StateCode;
  state_name: string;
  programme: string;
  programme_id: string;
  date: string | null;
  date_precision: string;
  additional_dates: string[];
  title: string;
  event_type: string;
  format: string | null;
  place: string | null;
  status: string;
  participants_summary: string;
  related_records: string[];
  sources: RawSource[];
}

export interface RawIndicator {
  id: string;
  state: StateCode;
  programme: string;
  programme_id: string;
  indicator: string;
  label: string;
  value: number;
  unit: string;
  qualifier: string | null;
  reference_date: string | null;
  reference_date_precision: string;
  note: string | null;
  sources: RawSource[];
}

export interface Dataset {
  programmes: RawProgramme[];
  participations: RawParticipation[];
  municipalities: RawMunicipality[];
  events: RawEvent[];
  indicators: RawIndicator[];
}

/** Absolute path of the dataset folder inside this package. */
export const DATASET_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

let cached: Dataset | undefined;

/** Loads the whole dataset once per process. */
export function loadDataset(): Dataset {
  if (!cached) {
    const read = <T>(file: string): T => JSON.parse(readFileSync(`${DATASET_DIR}${file}`, "utf8")) as T;
    cached = {
      programmes: read("programmes.json"),
      participations: read("participations.json"),
      municipalities: read("municipalities.json"),
      events: read("events.json"),
      indicators: read("indicators.json"),
    };
  }
  return cached;
}

/** The records of one state. */
export function loadStateDataset(state: StateCode): Dataset {
  const all = loadDataset();
  return {
    programmes: all.programmes.filter((r) => r.state === state),
    participations: all.participations.filter((r) => r.state === state),
    municipalities: all.municipalities.filter((r) => r.state === state),
    events: all.events.filter((r) => r.state === state),
    indicators: all.indicators.filter((r) => r.state === state),
  };
}

/** Maps a raw citation to the served Source shape. */
export function toSource(raw: RawSource): { url: string; publisher: string | null; title: string | null; publishedOn: string | null } {
  return { url: raw.url, publisher: raw.publisher ?? null, title: raw.title ?? null, publishedOn: raw.published ?? null };
}
