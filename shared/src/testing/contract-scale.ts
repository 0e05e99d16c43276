import { randomBytes } from "node:crypto";
import { DataSource, type QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryParticipationPage, querySummary, type ComparativeDimension } from "../contract/sql.js";
import { TALLY_DIRTY_TABLE, tallyIsCurrent, type TallyTables } from "../contract/tally.js";
import type { ComparativeFilter } from "../contract/types.js";
import type { BaseContext, SubgraphService } from "../server/subgraph.js";
import { withWriteTransaction } from "../write/transaction.js";

/** The five summaries compare asks every state for one `comparison` (comparative/comparison.ts). */
export const COMPARISON_GROUPINGS: readonly ComparativeDimension[][] = [["STATE"], ["MUNICIPALITY"], ["YEAR", "QUARTER"], ["INSTRUMENT"], ["FIELD_OF_ACTION"]];

// What compare sends when the public query has no filter: every member present and null.
const NO_FILTER: ComparativeFilter = {
  ids: null, programmeIds: null, programmeKinds: null, instruments: null, statuses: null,
  signedFrom: null, signedTo: null, fieldsOfAction: null, municipalityIds: null,
} as ComparativeFilter;

interface Statement {
  sql: string;
  params: unknown[];
}

/**
 * Runs `fn` and returns the statements it sent that read contract data (the views or the
 * tally), by wrapping the query method of the data source's query runner class for its
 * duration. The tally's one-row "is anything marked" probe and catalogue lookups are left out.
 */
export async function captureContractStatements(dataSource: DataSource, fn: () => Promise<unknown>): Promise<Statement[]> {
  const probe = dataSource.createQueryRunner();
  const proto = Object.getPrototypeOf(probe) as QueryRunner;
  await probe.release();
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: QueryRunner, sql: string, params?: unknown[], ...rest: unknown[]) {
    if (/\bcmp_(participation|participation_field|person|tally)\b/.test(sql) && !sql.includes(TALLY_DIRTY_TABLE)) seen.push({ sql, params: params ?? [] });
    return (original as (...a: unknown[]) => Promise<unknown>).call(this, sql, params, ...rest);
  } as QueryRunner["query"];
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return seen;
}

/**
 * The query plan of a statement, one line per step. SQLite: `EXPLAIN QUERY PLAN` details.
 * PostgreSQL: `EXPLAIN (FORMAT JSON)` with sequential scans disabled (on a small table it would
 * prefer one to any index), one line per node: `Seq Scan on t`, `Index Scan on t`, with
 * `[bounded]` where an index condition or a `Limit` above it keeps the scan from reading the
 * whole table.
 */
export async function queryPlan(dataSource: DataSource, statement: Statement): Promise<string[]> {
  if (dataSource.options.type !== "postgres") {
    const rows = (await dataSource.query(`EXPLAIN QUERY PLAN ${statement.sql}`, statement.params)) as { detail: string }[];
    return rows.map((r) => r.detail);
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query("SET enable_seqscan = off");
    const rows = (await runner.query(`EXPLAIN (FORMAT JSON) ${statement.sql}`, statement.params)) as { "QUERY PLAN": unknown }[];
    const raw = rows[0]!["QUERY PLAN"];
    const [root] = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PgPlanNode }[];
    const lines: string[] = [];
    const walk = (node: PgPlanNode, limited: boolean) => {
      const bounded = limited || node["Index Cond"] !== undefined;
      const relation = node["Relation Name"] ? ` on ${node["Relation Name"]}` : "";
      lines.push(`${node["Node Type"]}${relation}${/Index/.test(node["Node Type"]) && bounded ? " [bounded]" : ""}`);
      for (const child of node.Plans ?? []) walk(child, limited || node["Node Type"] === "Limit");
    };
    walk(root!.Plan, false);
    return lines;
  } finally {
    await runner.query("RESET enable_seqscan");
    await runner.release();
  }
}

interface PgPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Cond"?: string;
  Plans?: PgPlanNode[];
}

/**
 * The plan steps that read a whole table: SQLite's `SCAN x` without an index, PostgreSQL's
 * `Seq Scan` and an index scan with neither a condition nor a limit (the whole index).
 */
export function wholeTableScans(plan: readonly string[]): string[] {
  return plan.filter((line) => /^\s*SCAN \S+\s*$/.test(line) || /Seq Scan/.test(line) || (/Index (Only )?Scan on/.test(line) && !line.endsWith("[bounded]")));
}

/**
 * Checks a state's contract stays cheap as its records grow (vitest): the hot statements of a
 * dashboard (the summaries of `comparison`, a page of participations in SIGNED_ON order, with
 * and without a cursor) read no whole table, and the tally they read agrees with the views
 * after the seed, after writes through the write path and after a rolled-back one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any subgraph context extends BaseContext; ApolloServer<T> is invariant in T.
export function describeContractScale(name: string, create: () => Promise<SubgraphService<any>>, tables: TallyTables): void {
  describe(`comparative contract at scale (${name})`, () => {
    let service: SubgraphService<BaseContext>;
    let ds: DataSource;
    const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => ds.query(q, p) as Promise<T[]>;

    /** Each grouping answered from the tally and from the views (a marked municipality sends it there). */
    async function bothWays(groupBy: ComparativeDimension[], filter: ComparativeFilter | null = NO_FILTER) {
      expect(await tallyIsCurrent(ds)).toBe(true);
      const fromTally = await querySummary(ds, { filter, groupBy });
      await sql(`INSERT INTO ${TALLY_DIRTY_TABLE} (municipality_id) VALUES ('-')`);
      try {
        expect(await tallyIsCurrent(ds)).toBe(false);
        return { fromTally, fromViews: await querySummary(ds, { filter, groupBy }) };
      } finally {
        await sql(`DELETE FROM ${TALLY_DIRTY_TABLE} WHERE municipality_id = '-'`);
      }
    }

    async function expectTallyMatchesViews() {
      const groupings: ComparativeDimension[][] = [
        [], ...COMPARISON_GROUPINGS, ["PROGRAMME"], ["STATUS"], ["YEAR"], ["QUARTER"], ["STATE", "YEAR"], ["MUNICIPALITY", "INSTRUMENT"],
      ];
      for (const groupBy of groupings) {
        const { fromTally, fromViews } = await bothWays(groupBy);
        expect(fromTally, groupBy.join("+") || "no grouping").toEqual(fromViews);
      }
      const [{ municipality_id: one }] = await sql<{ municipality_id: string }>("SELECT municipality_id FROM cmp_participation ORDER BY id LIMIT 1");
      const { fromTally, fromViews } = await bothWays(["YEAR"], { ...NO_FILTER, municipalityIds: [one!] } as ComparativeFilter);
      expect(fromTally).toEqual(fromViews);
    }

    beforeAll(async () => {
      service = await create();
      ds = service.dataSource;
      // The seed may write outside the write path; the first write through it brings the tally up to date.
      await withWriteTransaction(ds, async () => undefined);
    });
    afterAll(async () => {
      await service?.close();
    });

    it("answers every summary from the tally exactly as from the views", async () => {
      await expectTallyMatchesViews();
    });

    it("keeps the tally in step with writes through the write path, and out of a rolled-back one", async () => {
      const [target] = await sql<{ id: string; municipality_id: string }>("SELECT id, municipality_id FROM cmp_participation WHERE signed_on IS NOT NULL ORDER BY id LIMIT 1");
      const [field] = await sql<{ participation_id: string }>("SELECT participation_id FROM cmp_participation_field ORDER BY participation_id LIMIT 1");
      const before = await querySummary(ds, { filter: NO_FILTER, groupBy: ["YEAR"] });

      await expect(
        withWriteTransaction(ds, async (manager) => {
          await manager.query(`UPDATE ${tables.participationTable} SET signed_on = NULL WHERE id = ${placeholder(ds, 1)}`, [target!.id]);
          throw new Error("rolled back on purpose");
        }),
      ).rejects.toThrow("rolled back on purpose");
      expect(await tallyIsCurrent(ds)).toBe(true);
      expect(await querySummary(ds, { filter: NO_FILTER, groupBy: ["YEAR"] })).toEqual(before);

      await withWriteTransaction(ds, async (manager) => {
        await manager.query(`UPDATE ${tables.participationTable} SET signed_on = NULL WHERE id = ${placeholder(ds, 1)}`, [target!.id]);
        await manager.query(`DELETE FROM ${tables.fieldTable} WHERE ${tables.fieldParticipationColumn} = ${placeholder(ds, 1)}`, [field!.participation_id]);
      });
      const after = await querySummary(ds, { filter: NO_FILTER, groupBy: ["YEAR"] });
      const undated = (rows: typeof after) => rows.find((r) => r.year === null)?.participations ?? 0;
      expect(undated(after)).toBe(undated(before) + 1);
      await expectTallyMatchesViews();
    });

    it("reads no whole table in the statements of a comparison", async () => {
      const statements = await captureContractStatements(ds, async () => {
        for (const groupBy of COMPARISON_GROUPINGS) await querySummary(ds, { filter: NO_FILTER, groupBy });
      });
      expect(statements.length).toBe(COMPARISON_GROUPINGS.length);
      for (const s of statements) expect(wholeTableScans(await queryPlan(ds, s)), s.sql).toEqual([]);
    });

    it("reads a page of participations in SIGNED_ON order, and the page after its cursor, by index", async () => {
      for (const direction of ["ASC", "DESC"] as const) {
        let cursor: { sortKey: string; id: string } | null = null;
        for (const step of ["first page", "after a cursor"]) {
          const statements = await captureContractStatements(ds, async () => {
            const page = await queryParticipationPage(ds, { filter: NO_FILTER, orderBy: "SIGNED_ON", direction, first: 2, after: cursor });
            const last = page.rows[page.rows.length - 1]!;
            cursor = { sortKey: last.sortKey, id: last.id };
          });
          // count (tally), page, fields of action, people
          expect(statements.length, `${direction} ${step}`).toBe(4);
          for (const s of statements) {
            const plan = await queryPlan(ds, s);
            expect(wholeTableScans(plan), `${direction} ${step}: ${s.sql}`).toEqual([]);
            // Sorting every row to cut the page would cost as much as a scan.
            if (s.sql.includes("LIMIT")) expect(plan.filter((l) => /TEMP B-TREE FOR ORDER BY|^(Incremental )?Sort$/.test(l)), `${direction} ${step}`).toEqual([]);
          }
        }
      }
    });
  });
}

function placeholder(dataSource: DataSource, i: number): string {
  return dataSource.options.type === "postgres" ? `$${i}` : "?";
}

async function admin(baseUrl: string, statement: string): Promise<void> {
  const server = await new DataSource({ type: "postgres", url: baseUrl }).initialize();
  try {
    await server.query(statement);
  } finally {
    await server.destroy();
  }
}

/**
 * `describeContractScale` on PostgreSQL, in a database of its own that is dropped afterwards;
 * skipped unless TEST_POSTGRES_URL names a server where the user may create databases.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
export function describeContractScaleOnPostgres(name: string, create: (databaseUrl: string) => Promise<SubgraphService<any>>, tables: TallyTables): void {
  const baseUrl = process.env.TEST_POSTGRES_URL;
  if (!baseUrl) {
    describe.skip(`comparative contract at scale (${name} on PostgreSQL: TEST_POSTGRES_URL not set)`, () => undefined);
    return;
  }
  const database = `scale_${randomBytes(4).toString("hex")}`;
  const url = Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();
  let created = false;
  describeContractScale(`${name} on PostgreSQL`, async () => {
    await admin(baseUrl, `CREATE DATABASE ${database}`);
    created = true;
    return create(url);
  }, tables);
  afterAll(async () => {
    if (created) await admin(baseUrl, `DROP DATABASE IF EXISTS ${database}`);
  });
}
