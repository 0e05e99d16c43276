/**
 * The columns of each view a state subgraph creates for the contract (CONTRACT.md, section 1).
 * The conformance kit checks them; a state's migration must provide at least these.
 */
export const CONTRACT_VIEWS = {
  cmp_participation: [
    "id", "typename", "state", "programme_id", "programme_kind", "municipality_id", "municipality_name",
    "municipality_sort_name", "instrument", "instrument_label", "signed_on", "signed_precision", "signed_note",
    "signed_month", "signed_day", "status", "ended_on", "agreement_id", "partners", "sources",
  ],
  cmp_participation_field: ["participation_id", "field"],
  cmp_person: ["participation_id", "name", "role", "organisation", "party", "basis"],
  cmp_programme: [
    "id", "state", "name", "short_name", "kind", "responsible_ministry", "coordinating_body", "start_on",
    "start_precision", "start_note", "sources",
  ],
  cmp_event: [
    "id", "state", "programme_id", "date_on", "date_precision", "title", "event_type", "format", "place", "status",
    "participants_summary", "related_ids", "sources",
  ],
  cmp_indicator: [
    "id", "state", "programme_id", "indicator", "label", "value", "unit", "qualifier", "reference_on",
    "reference_precision", "note", "sources",
  ],
  cmp_municipality: ["id", "name", "ags", "district_name", "type", "sources"],
  cmp_prevention_body: ["id", "municipality_id", "name", "kind", "status", "date_on", "note", "actor_types", "sources"],
} as const;

export type ContractView = keyof typeof CONTRACT_VIEWS;
