import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";

/**
 * The contract's summaries read a small per-state tally instead of grouping every row of
 * `cmp_participation` (CONTRACT.md, section 4). `cmp_tally` holds, per slice of the data (all
 * rows, or by programme, period, instrument, status, field of action), per value and per
 * municipality: how many participations, how many undated, the first and latest signing date.
 * Its size is bounded by the register and the vocabulary, not by the number of records, and
 * every dimension the contract groups by is a slice value or the municipality, so a summary is
 * an indexed range of that table.
 *
 * Keeping it exact: triggers on the state's participation and field tables only mark the
 * municipalities they touch in `cmp_tally_dirty`; the shared write path
 * (`withWriteTransaction`) recomputes the tally rows of those municipalities from the views
 * before it commits, in the same transaction, so records, audit entries and tally commit
 * together or not at all. A write that bypasses the write path (the seed, a hand-run statement)
 * leaves municipalities marked, and the contract reads the views instead until the next write
 * through the write path catches up: the tally is only read when nothing is marked.
 */
export const TALLY_TABLE = "cmp_tally";
export const TALLY_DIRTY_TABLE = "cmp_tally_dirty";

/** The slices of the tally and the value each row of `cmp_participation p` has in them. */
export const TALLY_SLICES = {
  ALL: "''",
  PROGRAMME: "p.programme_id",
  PERIOD:
    "CASE WHEN p.signed_on IS NULL THEN '' WHEN length(p.signed_on) >= 7 THEN substr(p.signed_on, 1, 4) || '-Q' || " +
    "CAST((CAST(substr(p.signed_on, 6, 2) AS INTEGER) + 2) / 3 AS TEXT) ELSE substr(p.signed_on, 1, 4) END",
  INSTRUMENT: "p.instrument",
  STATUS: "p.status",
  FIELD_OF_ACTION: "COALESCE(f.field, '')",
} as const;
export type TallySlice = keyof typeof TALLY_SLICES;

/** Where a state keeps the rows behind `cmp_participation` and `cmp_participation_field`. */
export interface TallyTables {
  /** The table with one row per participation (`partnership`, `membership`, …). */
  participationTable: string;
  /** Its column holding the municipality id (the one `cmp_participation.municipality_id` shows). */
  municipalityColumn: string;
  /** The table behind `cmp_participation_field`. */
  fieldTable: string;
  /** Its column holding the participation id. */
  fieldParticipationColumn: string;
}

const isPostgres = (runner: { connection: DataSource }) => runner.connection.options.type === "postgres";

function triggerStatements(postgres: boolean, t: TallyTables): string[] {
  const mark = (expr: string) => `INSERT INTO ${TALLY_DIRTY_TABLE} (municipality_id) ${expr} ON CONFLICT DO NOTHING`;
  const ofParticipation = (ref: "NEW" | "OLD") =>
    mark(`SELECT ${t.municipalityColumn} FROM ${t.participationTable} WHERE id = ${ref}.${t.fieldParticipationColumn}`);
  if (postgres) {
    return [
      `CREATE FUNCTION cmp_tally_mark_${t.participationTable}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'DELETE' THEN ${mark(`VALUES (NEW.${t.municipalityColumn})`)}; END IF;
         IF TG_OP <> 'INSERT' THEN ${mark(`VALUES (OLD.${t.municipalityColumn})`)}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER cmp_tally_${t.participationTable} AFTER INSERT OR UPDATE OR DELETE ON ${t.participationTable}
         FOR EACH ROW EXECUTE FUNCTION cmp_tally_mark_${t.participationTable}()`,
      `CREATE FUNCTION cmp_tally_mark_${t.fieldTable}() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'DELETE' THEN ${ofParticipation("NEW")}; END IF;
         IF TG_OP <> 'INSERT' THEN ${ofParticipation("OLD")}; END IF;
         RETURN NULL;
       END $$`,
      `CREATE TRIGGER cmp_tally_${t.fieldTable} AFTER INSERT OR UPDATE OR DELETE ON ${t.fieldTable}
         FOR EACH ROW EXECUTE FUNCTION cmp_tally_mark_${t.fieldTable}()`,
    ];
  }
  const sqlite = (table: string, event: string, body: string[]) =>
    `CREATE TRIGGER cmp_tally_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${body.map((s) => `${s};`).join(" ")} END`;
  const own = (ref: "NEW" | "OLD") => mark(`VALUES (${ref}.${t.municipalityColumn})`);
  return [
    sqlite(t.participationTable, "INSERT", [own("NEW")]),
    sqlite(t.participationTable, "UPDATE", [own("NEW"), own("OLD")]),
    sqlite(t.participationTable, "DELETE", [own("OLD")]),
    sqlite(t.fieldTable, "INSERT", [ofParticipation("NEW")]),
    sqlite(t.fieldTable, "UPDATE", [ofParticipation("NEW"), ofParticipation("OLD")]),
    sqlite(t.fieldTable, "DELETE", [ofParticipation("OLD")]),
  ];
}

/**
 * Creates the tally, its triggers and fills it from the views. For a state's migration, after
 * the contract views exist; the same statements on SQLite and PostgreSQL except the triggers.
 */
export async function createContractTally(queryRunner: QueryRunner, tables: TallyTables): Promise<void> {
  await queryRunner.query(`CREATE TABLE ${TALLY_TABLE} (
    slice text NOT NULL, value text NOT NULL, municipality_id text NOT NULL, state text NOT NULL,
    participations integer NOT NULL, undated integer NOT NULL, first_signed_on text NULL, latest_signed_on text NULL,
    PRIMARY KEY (slice, value, municipality_id))`);
  await queryRunner.query(`CREATE TABLE ${TALLY_DIRTY_TABLE} (municipality_id text NOT NULL PRIMARY KEY)`);
  for (const sql of triggerStatements(isPostgres(queryRunner), tables)) await queryRunner.query(sql);
  await queryRunner.query(`INSERT INTO ${TALLY_DIRTY_TABLE} (municipality_id) SELECT DISTINCT municipality_id FROM cmp_participation`);
  await refreshTally((sql, params) => queryRunner.query(sql, params));
}

/** Drops what `createContractTally` created (a migration's `down`). */
export async function dropContractTally(queryRunner: QueryRunner, tables: TallyTables): Promise<void> {
  if (isPostgres(queryRunner)) {
    for (const table of [tables.participationTable, tables.fieldTable]) {
      await queryRunner.query(`DROP TRIGGER cmp_tally_${table} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION cmp_tally_mark_${table}()`);
    }
  } else {
    for (const table of [tables.participationTable, tables.fieldTable]) {
      for (const event of ["insert", "update", "delete"]) await queryRunner.query(`DROP TRIGGER cmp_tally_${table}_${event}`);
    }
  }
  await queryRunner.query(`DROP TABLE ${TALLY_DIRTY_TABLE}`);
  await queryRunner.query(`DROP TABLE ${TALLY_TABLE}`);
}

/**
 * Indexes on the participation table for the contract's page in SIGNED_ON order: the sort key
 * expressions of `sql.ts` (unknown dates last in either direction) with the id as tie-breaker,
 * so that a page, and the page after a cursor, is an index range read up to its limit. On
 * PostgreSQL they carry the byte-order collation the contract sorts with.
 */
export async function createContractSortIndexes(queryRunner: QueryRunner, participationTable: string): Promise<void> {
  const c = isPostgres(queryRunner) ? ' COLLATE "C"' : "";
  for (const [suffix, unknown] of SORT_KEYS) {
    await queryRunner.query(
      `CREATE INDEX cmp_sort_${suffix}_${participationTable} ON ${participationTable} ((COALESCE(signed_on, '${unknown}'))${c}, id${c})`,
    );
  }
}

/** Drops what `createContractSortIndexes` created. */
export async function dropContractSortIndexes(queryRunner: QueryRunner, participationTable: string): Promise<void> {
  for (const [suffix] of SORT_KEYS) await queryRunner.query(`DROP INDEX cmp_sort_${suffix}_${participationTable}`);
}

const SORT_KEYS = [
  ["asc", "~"],
  ["desc", ""],
] as const;

type Run = (sql: string, params?: unknown[]) => Promise<unknown>;

async function refreshTally(run: Run): Promise<void> {
  const dirty = `SELECT municipality_id FROM ${TALLY_DIRTY_TABLE}`;
  await run(`DELETE FROM ${TALLY_TABLE} WHERE municipality_id IN (${dirty})`);
  // Positional GROUP BY: PostgreSQL refuses a constant (the ALL slice's value) by name.
  const selects = (Object.keys(TALLY_SLICES) as TallySlice[]).map((slice) => {
    const join = slice === "FIELD_OF_ACTION" ? " LEFT JOIN cmp_participation_field f ON f.participation_id = p.id" : "";
    const value = TALLY_SLICES[slice];
    return `SELECT '${slice}', ${value}, p.municipality_id, MIN(p.state), COUNT(DISTINCT p.id),
              COUNT(DISTINCT CASE WHEN p.signed_on IS NULL THEN p.id END), MIN(p.signed_on), MAX(p.signed_on)
              FROM cmp_participation p${join}
             WHERE p.municipality_id IN (${dirty})
             GROUP BY 2, 3`;
  });
  await run(
    `INSERT INTO ${TALLY_TABLE} (slice, value, municipality_id, state, participations, undated, first_signed_on, latest_signed_on) ${selects.join(" UNION ALL ")}`,
  );
  await run(`DELETE FROM ${TALLY_DIRTY_TABLE}`);
}

/**
 * A state's migration that adds the sort indexes and the tally (one per state, after its
 * views). The write path and the contract recognise a data source with a tally by this
 * migration in its list, without a statement: migrations run when the database is opened.
 */
export abstract class ContractTallyMigration implements MigrationInterface {
  abstract readonly name: string;
  /** Where the state keeps the rows behind its participation views. */
  abstract readonly tables: TallyTables;
  readonly contractTally = true;

  async up(queryRunner: QueryRunner): Promise<void> {
    await createContractSortIndexes(queryRunner, this.tables.participationTable);
    await createContractTally(queryRunner, this.tables);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropContractTally(queryRunner, this.tables);
    await dropContractSortIndexes(queryRunner, this.tables.participationTable);
  }
}

/** The names `ContractTallyMigration` gives the sort indexes of a table (for an entity's `@Index(name, { synchronize: false })`). */
export const contractSortIndexNames = (participationTable: string): string[] => SORT_KEYS.map(([suffix]) => `cmp_sort_${suffix}_${participationTable}`);

// Duck-typed rather than instanceof: the check must hold whichever copy of this module (built
// or source) the state's migration class was loaded from.
function tallyExists(dataSource: DataSource): boolean {
  return dataSource.migrations.some((m) => (m as Partial<ContractTallyMigration>).contractTally === true);
}

/**
 * Brings the tally up to date for the municipalities marked since the last refresh, inside the
 * caller's transaction: three statements, cheap when nothing is marked, so that every write
 * costs the same number. The write path calls it before every commit; a data source without a
 * tally is left alone.
 */
export async function refreshContractTally(manager: EntityManager): Promise<void> {
  if (tallyExists(manager.connection)) await refreshTally((sql, params) => manager.query(sql, params));
}

/**
 * True when the tally exists and matches the views (no municipality is marked): only then may
 * the contract answer from it.
 */
export async function tallyIsCurrent(dataSource: DataSource): Promise<boolean> {
  if (!tallyExists(dataSource)) return false;
  const marked = (await dataSource.query(`SELECT municipality_id FROM ${TALLY_DIRTY_TABLE} LIMIT 1`)) as unknown[];
  return marked.length === 0;
}
