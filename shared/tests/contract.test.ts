import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Directive, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import {
  ComparativeContractResolver, createDataSource, createLogger, createSubgraphService, buildFederatedSchema,
  QueryCounter, StateCode, type BaseContext, type SubgraphService,
} from "../src/index.js";
import { describeContractConformance, execute } from "../src/testing/index.js";

/*
 * A synthetic state: plain tables named like the contract's views, filled with generated
 * rows. It proves the shared contract implementation on its own (paging, grouping, filters)
 * and that its SQL statement count does not grow with the data.
 */

@ObjectType("SyntheticParticipation")
@Directive('@key(fields: "id")')
class SyntheticParticipation {
  @Field(() => ID) id!: string;
}

@Resolver()
class SyntheticResolver {
  @Query(() => String) synthetic(): string {
    return "ok";
  }
}

const INSTRUMENTS = ["LETTER_OF_INTENT", "COOPERATION_AGREEMENT", "PRE_AGREEMENT"];
const FIELDS = ["GRAFFITI", "VANDALISM", "DRUG_ABUSE", "YOUTH_WORK"];
const src = JSON.stringify([{ url: "https://example.org/source", publisher: "Example", title: null, publishedOn: "2020" }]);

async function createSyntheticState(n: number, counter?: QueryCounter): Promise<SubgraphService<BaseContext>> {
  const logger = createLogger("synthetic", "silent");
  const dataSource = await createDataSource({ url: ":memory:", entities: [], migrations: [], ...(counter ? { counter } : {}) });
  const q = (s: string, p: unknown[] = []) => dataSource.query(s, p);
  await q(`CREATE TABLE cmp_participation (id TEXT PRIMARY KEY, typename TEXT, state TEXT, programme_id TEXT, programme_kind TEXT,
    municipality_id TEXT, municipality_name TEXT, municipality_sort_name TEXT, instrument TEXT, instrument_label TEXT,
    signed_on TEXT, signed_precision TEXT, signed_note TEXT, signed_month INTEGER, signed_day INTEGER, status TEXT,
    ended_on TEXT, agreement_id TEXT, partners TEXT, sources TEXT)`);
  await q(`CREATE TABLE cmp_participation_field (participation_id TEXT, field TEXT)`);
  await q(`CREATE TABLE cmp_person (participation_id TEXT, name TEXT, role TEXT, organisation TEXT, party TEXT, basis TEXT)`);
  await q(`CREATE TABLE cmp_programme (id TEXT, state TEXT, name TEXT, short_name TEXT, kind TEXT, responsible_ministry TEXT,
    coordinating_body TEXT, start_on TEXT, start_precision TEXT, start_note TEXT, sources TEXT)`);
  await q(`CREATE TABLE cmp_event (id TEXT, state TEXT, programme_id TEXT, date_on TEXT, date_precision TEXT, title TEXT,
    event_type TEXT, format TEXT, place TEXT, status TEXT, participants_summary TEXT, related_ids TEXT, sources TEXT)`);
  await q(`CREATE TABLE cmp_indicator (id TEXT, state TEXT, programme_id TEXT, indicator TEXT, label TEXT, value REAL, unit TEXT,
    qualifier TEXT, reference_on TEXT, reference_precision TEXT, note TEXT, sources TEXT)`);
  await q(`CREATE TABLE cmp_municipality (id TEXT, name TEXT, ags TEXT, district_name TEXT, type TEXT, sources TEXT)`);
  await q(`CREATE TABLE cmp_prevention_body (id TEXT, municipality_id TEXT, name TEXT, kind TEXT, status TEXT, date_on TEXT,
    note TEXT, actor_types TEXT, sources TEXT)`);
  await dataSource.transaction(async (m) => {
    for (let i = 0; i < n; i++) {
      const id = `SL-P-${String(i).padStart(5, "0")}`;
      // Every 7th participation has no known date; some share a date, so ties are broken by id.
      const year = 2015 + (i % 9);
      const signed = i % 7 === 0 ? null : i % 5 === 0 ? `${year}` : `${year}-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
      const precision = signed === null ? "UNKNOWN" : signed.length === 4 ? "YEAR" : "DAY";
      const muni = `SL-M-${String(10041000 + (i % 40))}`;
      await m.query(`INSERT INTO cmp_participation VALUES (?, 'SyntheticParticipation', 'SL', 'SL-PRG-X', 'BILATERAL_STATE_MUNICIPAL_PARTNERSHIP', ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL, 'ACTIVE', NULL, ?, '[]', ?)`,
        [id, muni, `Gemeinde ${i % 40}`, `gemeinde ${String(i % 40).padStart(2, "0")}`, INSTRUMENTS[i % 3], signed, precision, id, src]);
      await m.query(`INSERT INTO cmp_participation_field VALUES (?, ?)`, [id, FIELDS[i % 4]]);
      if (i % 2 === 0) await m.query(`INSERT INTO cmp_participation_field VALUES (?, ?)`, [id, FIELDS[(i + 1) % 4]]);
      await m.query(`INSERT INTO cmp_person VALUES (?, ?, 'Bürgermeister', NULL, NULL, 'SIGNED')`, [id, `Person ${i % 13}`]);
      await m.query(`INSERT INTO cmp_person VALUES (?, 'Minister', 'Minister', NULL, NULL, 'PRESENT')`, [id]);
    }
    for (let j = 0; j < 40; j++) await m.query(`INSERT INTO cmp_municipality VALUES (?, ?, ?, NULL, 'Gemeinde', ?)`, [`SL-M-${10041000 + j}`, `Gemeinde ${j}`, `${10041000 + j}`, src]);
    await m.query(`INSERT INTO cmp_programme VALUES ('SL-PRG-X', 'SL', 'Synthetic', 'SYN', 'BILATERAL_STATE_MUNICIPAL_PARTNERSHIP', NULL, NULL, '2015', 'YEAR', NULL, ?)`, [src]);
    await m.query(`INSERT INTO cmp_event VALUES ('SL-E-1', 'SL', 'SL-PRG-X', '2020-11-04', 'DAY', 'Round table', 'ROUND_TABLE', 'IN_PERSON', NULL, 'HELD', NULL, '[]', ?)`, [src]);
    await m.query(`INSERT INTO cmp_indicator VALUES ('SL-I-1', 'SL', 'SL-PRG-X', 'partnerships_total', 'Partnerships', 11, 'partnerships', 'EXACT', '2022-09', 'MONTH', NULL, ?)`, [src]);
    await m.query(`INSERT INTO cmp_prevention_body VALUES ('SL-B-1', 'SL-M-10041000', 'Rat', 'PREVENTION_COUNCIL', 'EXISTING', NULL, NULL, '["POLICE"]', ?)`, [src]);
  });
  const schema = await buildFederatedSchema(
    { resolvers: [SyntheticResolver, ComparativeContractResolver], orphanedTypes: [SyntheticParticipation] },
    { SyntheticParticipation: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  );
  return createSubgraphService({
    name: "synthetic", schema, dataSource, logger,
    createContext: async () => ({ principal: null, authError: null, logger, dataSource }),
  });
}

describeContractConformance(StateCode.SL, () => createSyntheticState(60));

describe("comparative contract: SQL statements do not grow with the data", () => {
  const small = { counter: new QueryCounter(), service: undefined as SubgraphService<BaseContext> | undefined };
  const large = { counter: new QueryCounter(), service: undefined as SubgraphService<BaseContext> | undefined };
  beforeAll(async () => {
    small.service = await createSyntheticState(30, small.counter);
    large.service = await createSyntheticState(3000, large.counter);
  });
  afterAll(async () => {
    await small.service?.close();
    await large.service?.close();
  });

  const measure = async (s: typeof small, query: string) => {
    s.counter.start();
    const res = await execute(s.service!, query);
    const n = s.counter.stop();
    expect(res.errors).toBeUndefined();
    return { n, data: res.data! };
  };

  it("summary: one GROUP BY statement for 30 and for 3000 participations", async () => {
    const q = `{ _comparativeSummary(groupBy: ["STATE", "QUARTER", "FIELD_OF_ACTION"]) { quarter fieldOfAction participations } }`;
    const a = await measure(small, q);
    const b = await measure(large, q);
    expect(a.n).toBe(1);
    expect(b.n).toBe(a.n);
    const total = (b.data._comparativeSummary as { participations: number }[]).reduce((s, r) => s + r.participations, 0);
    // 3000 participations, every one has one field, every second one a second field.
    expect(total).toBe(3000 + 1500);
  });

  it("page: the same statements for a page of 5 and of 200", async () => {
    const q = (first: number) => `{ _comparativeParticipations(first: ${first}) { totalCount rows { id signatories { name } present { name } fieldsOfAction } } }`;
    const a = await measure(large, q(5));
    const b = await measure(large, q(200));
    expect((b.data._comparativeParticipations as { rows: unknown[] }).rows).toHaveLength(200);
    expect(a.n).toBe(4);
    expect(b.n).toBe(a.n);
  });

  it("keeps signatories and people present apart", async () => {
    const res = await execute(large.service!, `{ _comparativeParticipations(first: 1) { rows { signatories { name basis } present { name basis } } } }`);
    const row = (res.data!._comparativeParticipations as { rows: { signatories: { basis: string }[]; present: { basis: string }[] }[] }).rows[0]!;
    expect(row.signatories.map((s) => s.basis)).toEqual(["SIGNED"]);
    expect(row.present.map((s) => s.basis)).toEqual(["PRESENT"]);
  });
});
