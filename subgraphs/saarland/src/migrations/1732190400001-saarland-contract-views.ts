import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The comparative contract's views (CONTRACT.md, section 1) over the Saarland tables. Plain
 * SQL that SQLite and PostgreSQL both read; JSON columns pass through as the text that
 * TypeORM's simple-json columns store. Literals are cast so PostgreSQL types them as text.
 */
const VIEWS: Record<string, string> = {
  cmp_participation: `
    SELECT p.id AS id,
           CAST('SaarlandSecurityPartnership' AS text) AS typename,
           p.state AS state,
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
           p.parties AS partners,
           p.sources AS sources
      FROM partnership p
      JOIN programme pr ON pr.id = p.programme_id
      JOIN municipality m ON m.id = p.municipality_id`,
  cmp_participation_field: `
    SELECT f.partnership_id AS participation_id, f.field AS field
      FROM partnership_field_of_action f`,
  // Listing keeps people present apart; their basis (PRESENT) is what the contract reads.
  cmp_person: `
    SELECT pp.partnership_id AS participation_id, pp.name AS name, pp.role AS role,
           pp.organisation AS organisation, pp.party AS party, pp.basis AS basis
      FROM partnership_person pp`,
  cmp_programme: `
    SELECT id, state, name, short_name, kind, responsible_ministry, coordinating_body,
           start_on, start_precision, start_note, sources
      FROM programme`,
  cmp_event: `
    SELECT id, state, programme_id, date_on, date_precision, title, event_type, format, place,
           status, participants_summary, related_ids, sources
      FROM event`,
  cmp_indicator: `
    SELECT id, state, programme_id, indicator, label, value, unit, qualifier, reference_on,
           reference_precision, note, sources
      FROM indicator`,
  cmp_prevention_body: `
    SELECT id, municipality_id, name, kind, status, date_on, note, actor_types, sources
      FROM prevention_body`,
  cmp_municipality: `
    SELECT id, name, ags, district_name, type, sources
      FROM municipality`,
};

/** Creates the eight `cmp_*` views that the shared comparative contract resolver reads. */
export class SaarlandContractViews1732190400001 implements MigrationInterface {
  name = "SaarlandContractViews1732190400001";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [view, select] of Object.entries(VIEWS)) await queryRunner.query(`CREATE VIEW ${view} AS ${select}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const view of Object.keys(VIEWS).reverse()) await queryRunner.query(`DROP VIEW ${view}`);
  }
}
