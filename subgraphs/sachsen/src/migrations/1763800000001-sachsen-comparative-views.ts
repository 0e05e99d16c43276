import type { MigrationInterface, QueryRunner } from "typeorm";

/*
 * The eight views of the comparative contract (shared/CONTRACT.md). This is where Sachsen's own
 * concepts meet the shared vocabulary: an ASSKomm stage becomes an Instrument, a Landkreis a
 * district. Portable SQL only (CASE, COALESCE, ||, substr, length), so the same views run on
 * SQLite and PostgreSQL.
 */
const VIEWS: Record<string, string> = {
  cmp_participation: `
    SELECT
      m.id AS id,
      'AsskommMembership' AS typename,
      p.state AS state,
      m.programme_id AS programme_id,
      p.kind AS programme_kind,
      m.municipality_id AS municipality_id,
      g.name AS municipality_name,
      g.sort_name AS municipality_sort_name,
      CASE m.stage
        WHEN 'MODEL_MUNICIPALITY' THEN 'MODEL_MUNICIPALITY'
        WHEN 'PRE_AGREEMENT' THEN 'PRE_AGREEMENT'
        WHEN 'COOPERATION_AGREEMENT' THEN 'COOPERATION_AGREEMENT'
        WHEN 'PARTICIPATION_STATED' THEN 'PARTICIPATION_STATED'
      END AS instrument,
      m.instrument_label AS instrument_label,
      m.signed_on AS signed_on,
      m.signed_precision AS signed_precision,
      m.signed_note AS signed_note,
      CASE WHEN m.signed_precision = 'DAY_MONTH' THEN m.signed_month END AS signed_month,
      CASE WHEN m.signed_precision = 'DAY_MONTH' THEN m.signed_day END AS signed_day,
      m.status AS status,
      m.ended_on AS ended_on,
      m.agreement_id AS agreement_id,
      m.parties AS partners,
      m.sources AS sources
    FROM membership m
    JOIN programme p ON p.id = m.programme_id
    JOIN municipality g ON g.id = m.municipality_id`,

  cmp_participation_field: `
    SELECT f.membership_id AS participation_id, f.field AS field
    FROM membership_field f`,

  cmp_person: `
    SELECT x.membership_id AS participation_id, x.name AS name, x.role AS role,
      x.organisation AS organisation, x.party AS party, x.basis AS basis
    FROM membership_person x`,

  cmp_programme: `
    SELECT id, state, name, short_name, kind, responsible_ministry, coordinating_body,
      start_on, start_precision, start_note, sources
    FROM programme`,

  cmp_event: `
    SELECT e.id AS id, p.state AS state, e.programme_id AS programme_id, e.date_on AS date_on,
      e.date_precision AS date_precision, e.title AS title, e.event_type AS event_type,
      e.format AS format, e.place AS place, e.status AS status,
      e.participants_summary AS participants_summary, e.related_ids AS related_ids, e.sources AS sources
    FROM event e
    JOIN programme p ON p.id = e.programme_id`,

  cmp_indicator: `
    SELECT i.id AS id, p.state AS state, i.programme_id AS programme_id, i.indicator AS indicator,
      i.label AS label, i.value AS value, i.unit AS unit, i.qualifier AS qualifier,
      i.reference_on AS reference_on, i.reference_precision AS reference_precision,
      i.note AS note, i.sources AS sources
    FROM indicator i
    JOIN programme p ON p.id = i.programme_id`,

  cmp_prevention_body: `
    SELECT id, municipality_id, name, kind, status, date_on, note, actor_types, sources
    FROM prevention_body`,

  // sources = ags_sources + other_sources: both columns hold JSON arrays as simple-json writes
  // them (no whitespace), so joining the two texts is a portable JSON array concatenation.
  cmp_municipality: `
    SELECT id, name, ags, landkreis AS district_name, type,
      CASE
        WHEN ags_sources = '[]' THEN other_sources
        WHEN other_sources = '[]' THEN ags_sources
        ELSE substr(ags_sources, 1, length(ags_sources) - 1) || ',' || substr(other_sources, 2)
      END AS sources
    FROM municipality`,
};

/** The comparative contract's `cmp_*` views over Sachsen's tables. */
export class SachsenComparativeViews1763800000001 implements MigrationInterface {
  name = "SachsenComparativeViews1763800000001";

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [name, select] of Object.entries(VIEWS)) await queryRunner.query(`CREATE VIEW ${name} AS ${select.trim()}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of Object.keys(VIEWS).reverse()) await queryRunner.query(`DROP VIEW ${name}`);
  }
}

/** The view names, in creation order. */
export const SACHSEN_COMPARATIVE_VIEWS: readonly string[] = Object.keys(VIEWS);
