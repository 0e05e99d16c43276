import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The comparative contract's eight views (shared/CONTRACT.md): Sachsen-Anhalt's own tables
 * mapped onto the contract's fixed columns. Portable SQL only (CAST, CASE, joins), so the
 * same statements run on SQLite and PostgreSQL. Literals are cast to text because
 * PostgreSQL would otherwise give view columns of an unknown type.
 */
export const SACHSEN_ANHALT_CONTRACT_VIEWS: ReadonlyArray<readonly [name: string, select: string]> = [
  [
    "cmp_participation",
    `SELECT p.id AS id,
       CAST('SachsenAnhaltLocalPartnership' AS TEXT) AS typename,
       CAST('ST' AS TEXT) AS state,
       p.programme_id AS programme_id,
       pr.kind AS programme_kind,
       p.municipality_id AS municipality_id,
       m.name AS municipality_name,
       m.sort_name AS municipality_sort_name,
       p.instrument AS instrument,
       p.instrument_label AS instrument_label,
       p.signed_on AS signed_on,
       p.signed_precision AS signed_precision,
       p.signed_note AS signed_note,
       p.signed_month AS signed_month,
       p.signed_day AS signed_day,
       p.status AS status,
       p.ended_on AS ended_on,
       p.agreement_id AS agreement_id,
       p.partners AS partners,
       p.sources AS sources
     FROM st_partnership p
     JOIN st_programme pr ON pr.id = p.programme_id
     JOIN st_municipality m ON m.id = p.municipality_id`,
  ],
  ["cmp_participation_field", `SELECT f.partnership_id AS participation_id, f.field AS field FROM st_partnership_field f`],
  [
    "cmp_person",
    // Someone listed as present never counts as a signatory, whatever basis the source gave.
    `SELECT pp.partnership_id AS participation_id, pp.name AS name, pp.role AS role,
       pp.organisation AS organisation, pp.party AS party,
       CASE WHEN pp.listing = 'PRESENT' THEN CAST('PRESENT' AS TEXT) ELSE pp.basis END AS basis
     FROM st_partnership_person pp`,
  ],
  [
    "cmp_programme",
    `SELECT pr.id AS id, CAST('ST' AS TEXT) AS state, pr.name AS name, pr.short_name AS short_name,
       pr.kind AS kind, pr.responsible_ministry AS responsible_ministry,
       pr.coordinating_body AS coordinating_body, pr.start_on AS start_on,
       pr.start_precision AS start_precision, pr.start_note AS start_note, pr.sources AS sources
     FROM st_programme pr`,
  ],
  [
    "cmp_event",
    `SELECT e.id AS id, CAST('ST' AS TEXT) AS state, e.programme_id AS programme_id, e.date_on AS date_on,
       e.date_precision AS date_precision, e.title AS title, e.event_type AS event_type,
       e.format AS format, e.place AS place, e.status AS status,
       e.participants_summary AS participants_summary, e.related_ids AS related_ids, e.sources AS sources
     FROM st_event e`,
  ],
  [
    "cmp_indicator",
    `SELECT i.id AS id, CAST('ST' AS TEXT) AS state, i.programme_id AS programme_id, i.indicator AS indicator,
       i.label AS label, i.value AS value, i.unit AS unit, i.qualifier AS qualifier,
       i.reference_on AS reference_on, i.reference_precision AS reference_precision,
       i.note AS note, i.sources AS sources
     FROM st_indicator i`,
  ],
  [
    "cmp_prevention_body",
    `SELECT b.id AS id, b.municipality_id AS municipality_id, b.name AS name, b.kind AS kind,
       b.status AS status, b.date_on AS date_on, b.note AS note,
       b.actor_types AS actor_types, b.sources AS sources
     FROM st_prevention_body b`,
  ],
  [
    "cmp_municipality",
    `SELECT m.id AS id, m.name AS name, m.ags AS ags, m.landkreis AS district_name,
       m.type AS type, m.sources AS sources
     FROM st_municipality m`,
  ],
];

/** Creates the comparative contract's views over the Sachsen-Anhalt tables. */
export class SachsenAnhaltContractViews1763726400001 implements MigrationInterface {
  name = "SachsenAnhaltContractViews1763726400001";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, select] of SACHSEN_ANHALT_CONTRACT_VIEWS) await queryRunner.query(`CREATE VIEW ${name} AS ${select}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of [...SACHSEN_ANHALT_CONTRACT_VIEWS].reverse()) await queryRunner.query(`DROP VIEW ${name}`);
  }
}
