import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPARATIVE_ORDERS, SORT_DIRECTIONS } from "../contract/sql.js";
import { CONTRACT_VIEWS } from "../contract/views.js";
import { isValidIsoPrefix } from "../schema/dates.js";
import type { BaseContext, SubgraphService } from "../server/subgraph.js";
import {
  ActorType, DatePrecision, EventStatus, FieldOfAction, IndicatorQualifier, Instrument, ParticipationStatus,
  PersonBasis, PreventionBodyStatus, ProgrammeKind, SigningFormat, StateCode,
} from "../vocabulary.js";
import { runContractChecks } from "./contract-checks.js";
import { execute } from "./execute.js";

const PAGE_QUERY = /* GraphQL */ `
  query Page($filter: ComparativeFilter, $orderBy: String!, $direction: String!, $first: Int!, $after: ComparativeCursor) {
    _comparativeParticipations(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
      totalCount
      rows { id typename state instrument sortKey sources { url } signatories { name basis } present { name basis } fieldsOfAction signedOn { iso precision } }
    }
  }
`;

interface PageRow { id: string; typename: string; state: string; instrument: string; sortKey: string; sources: { url: string }[] }

/**
 * The contract conformance suite a state subgraph runs on its seeded database (vitest).
 * `create` returns a fresh service (e.g. on ":memory:" with the seed); it is closed afterwards.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any subgraph context extends BaseContext; ApolloServer<T> is invariant in T.
export function describeContractConformance(state: StateCode, create: () => Promise<SubgraphService<any>>): void {
  describe(`comparative contract conformance (${state})`, () => {
    let service: SubgraphService<BaseContext>;
    const sql = <T = Record<string, unknown>>(q: string) => service.dataSource.query(q) as Promise<T[]>;
    const run = (q: string, v: Record<string, unknown> = {}) => execute(service, q, v);

    beforeAll(async () => {
      service = await create();
    });
    afterAll(async () => {
      await service?.close();
    });

    it("creates every cmp_* view with the contract's columns", async () => {
      for (const [view, columns] of Object.entries(CONTRACT_VIEWS)) {
        await expect(sql(`SELECT ${columns.join(", ")} FROM ${view} LIMIT 1`), view).resolves.toBeDefined();
      }
    });

    it("holds data in every view that the state has records for", async () => {
      const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM cmp_participation");
      expect(Number(n)).toBeGreaterThan(0);
      const [{ m }] = await sql<{ m: number }>("SELECT COUNT(*) AS m FROM cmp_programme");
      expect(Number(m)).toBeGreaterThan(0);
    });

    it("maps every value onto the shared vocabulary", async () => {
      const within = (values: unknown[], allowed: object, what: string) => {
        const set = new Set(Object.values(allowed));
        for (const v of values) expect(set.has(v), `${what}: ${String(v)}`).toBe(true);
      };
      const rows = await sql<Record<string, string | null>>("SELECT * FROM cmp_participation");
      for (const r of rows) {
        expect(r.state).toBe(state);
        expect(r.id!.startsWith(`${state}-`), `id ${r.id} is state-prefixed`).toBe(true);
        expect(r.municipality_id!.startsWith(`${state}-M-`), `municipality ${r.municipality_id}`).toBe(true);
        expect(r.typename).toMatch(/^[A-Z][A-Za-z0-9]+$/);
        expect(r.agreement_id).toBeTruthy();
        expect(r.municipality_sort_name).toBeTruthy();
        if (r.signed_on !== null) expect(isValidIsoPrefix(r.signed_on!), `signed_on ${r.signed_on}`).toBe(true);
        if (r.signed_on === null) expect([DatePrecision.UNKNOWN, DatePrecision.DAY_MONTH]).toContain(r.signed_precision);
        if (r.signed_precision === DatePrecision.DAY) expect(r.signed_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (r.signed_precision === DatePrecision.MONTH) expect(r.signed_on).toMatch(/^\d{4}-\d{2}$/);
        if (r.signed_precision === DatePrecision.DAY_MONTH) expect(r.signed_month !== null && r.signed_day !== null).toBe(true);
        if (r.status === ParticipationStatus.ENDED) expect(r.ended_on).toBeTruthy();
        expect(Array.isArray(JSON.parse(r.partners!))).toBe(true);
      }
      within(rows.map((r) => r.instrument), Instrument, "instrument");
      within(rows.map((r) => r.status), ParticipationStatus, "status");
      within(rows.map((r) => r.signed_precision), DatePrecision, "signed_precision");
      within(rows.map((r) => r.programme_kind), ProgrammeKind, "programme_kind");
      within((await sql<{ field: string }>("SELECT field FROM cmp_participation_field")).map((r) => r.field), FieldOfAction, "field");
      within((await sql<{ basis: string }>("SELECT basis FROM cmp_person")).map((r) => r.basis), PersonBasis, "person basis");
      const events = await sql<Record<string, string | null>>("SELECT * FROM cmp_event");
      within(events.map((e) => e.status), EventStatus, "event status");
      within(events.filter((e) => e.format !== null).map((e) => e.format), SigningFormat, "event format");
      within(events.map((e) => e.date_precision), DatePrecision, "event date precision");
      const indicators = await sql<Record<string, string | null>>("SELECT * FROM cmp_indicator");
      within(indicators.map((i) => i.qualifier), IndicatorQualifier, "indicator qualifier");
      const bodies = await sql<Record<string, string | null>>("SELECT * FROM cmp_prevention_body");
      within(bodies.map((b) => b.status), PreventionBodyStatus, "prevention body status");
      within(bodies.flatMap((b) => JSON.parse(b.actor_types!) as string[]), ActorType, "actor type");
      const municipalities = await sql<Record<string, string | null>>("SELECT * FROM cmp_municipality");
      for (const m of municipalities) if (m.ags !== null) expect(m.ags).toMatch(/^\d{8}$/);
      const referenced = new Set(rows.map((r) => r.municipality_id));
      const known = new Set(municipalities.map((m) => m.id));
      for (const id of referenced) expect(known.has(id), `municipality ${id} in cmp_municipality`).toBe(true);
    });

    it("serves at least one source for every row of every view that carries sources", async () => {
      for (const [view, columns] of Object.entries(CONTRACT_VIEWS)) {
        if (!(columns as readonly string[]).includes("sources")) continue;
        for (const r of await sql<{ id: string; sources: string }>(`SELECT id, sources FROM ${view}`)) {
          const sources = JSON.parse(r.sources) as { url: string }[];
          expect(sources.length, `${view} ${r.id} has a source`).toBeGreaterThan(0);
          for (const s of sources) expect(s.url, `${view} ${r.id}`).toMatch(/^https?:\/\//);
        }
      }
    });

    it("pages through all participations in every order without gaps or duplicates", async () => {
      const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM cmp_participation");
      for (const orderBy of COMPARATIVE_ORDERS) {
        for (const direction of SORT_DIRECTIONS) {
          const seen: PageRow[] = [];
          let after: { sortKey: string; id: string } | null = null;
          for (let guard = 0; guard < 1000; guard++) {
            const res = await run(PAGE_QUERY, { orderBy, direction, first: 7, after });
            expect(res.errors).toBeUndefined();
            const page = res.data!._comparativeParticipations as { totalCount: number; rows: PageRow[] };
            expect(page.totalCount).toBe(Number(n));
            seen.push(...page.rows);
            if (page.rows.length < 7) break;
            const last = page.rows[page.rows.length - 1]!;
            after = { sortKey: last.sortKey, id: last.id };
          }
          expect(seen.length, `${orderBy} ${direction}`).toBe(Number(n));
          expect(new Set(seen.map((r) => r.id)).size).toBe(Number(n));
          // The order is total and agrees with plain string comparison (what compare merges by).
          for (let i = 1; i < seen.length; i++) {
            const a = seen[i - 1]!, b = seen[i]!;
            const cmp = a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1;
            expect(direction === "ASC" ? cmp : -cmp, `${orderBy} ${direction}: ${a.id} before ${b.id}`).toBe(-1);
          }
        }
      }
    });

    it("filters by instrument and by date bounds", async () => {
      const rows = await sql<{ instrument: string; signed_on: string | null }>("SELECT instrument, signed_on FROM cmp_participation");
      const instrument = rows[0]!.instrument;
      const res = await run(PAGE_QUERY, { filter: { instruments: [instrument] }, orderBy: "SIGNED_ON", direction: "ASC", first: 500 });
      expect(res.errors).toBeUndefined();
      const got = res.data!._comparativeParticipations.rows as PageRow[];
      expect(got.length).toBe(rows.filter((r) => r.instrument === instrument).length);
      expect(got.every((r) => r.instrument === instrument)).toBe(true);
      const dated = rows.filter((r) => r.signed_on !== null).map((r) => r.signed_on!.slice(0, 4));
      if (dated.length) {
        const year = dated.sort()[0]!;
        const inYear = await run(PAGE_QUERY, { filter: { signedFrom: year, signedTo: year }, orderBy: "SIGNED_ON", direction: "ASC", first: 500 });
        expect(inYear.data!._comparativeParticipations.totalCount).toBe(dated.filter((y) => y === year).length);
      }
      const bad = await run(PAGE_QUERY, { filter: { signedFrom: "2021-13" }, orderBy: "SIGNED_ON", direction: "ASC", first: 5 });
      expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const badOrder = await run(PAGE_QUERY, { orderBy: "NOPE", direction: "ASC", first: 5 });
      expect(badOrder.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });

    it("summarises with totals that agree with the rows", async () => {
      const rows = await sql<{ id: string; signed_on: string | null; instrument: string }>("SELECT id, signed_on, instrument FROM cmp_participation");
      const res = await run(`{ _comparativeSummary(groupBy: ["STATE", "YEAR"]) { state year participations undatedParticipations } }`);
      expect(res.errors).toBeUndefined();
      const summary = res.data!._comparativeSummary as { state: string; year: number | null; participations: number; undatedParticipations: number }[];
      expect(summary.reduce((s, r) => s + r.participations, 0)).toBe(rows.length);
      for (const r of summary) {
        expect(r.state).toBe(state);
        expect(r.participations).toBe(rows.filter((x) => (x.signed_on ? Number(x.signed_on.slice(0, 4)) : null) === r.year).length);
      }
      const byInstrument = await run(`{ _comparativeSummary(groupBy: ["INSTRUMENT"]) { instrument participations } }`);
      for (const r of byInstrument.data!._comparativeSummary as { instrument: string; participations: number }[]) {
        expect(r.participations).toBe(rows.filter((x) => x.instrument === r.instrument).length);
      }
      const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM (SELECT DISTINCT participation_id, field FROM cmp_participation_field) t");
      const byField = await run(`{ _comparativeSummary(groupBy: ["FIELD_OF_ACTION"]) { fieldOfAction participations } }`);
      const fieldRows = byField.data!._comparativeSummary as { fieldOfAction: string | null; participations: number }[];
      expect(fieldRows.filter((r) => r.fieldOfAction !== null).reduce((s, r) => s + r.participations, 0)).toBe(Number(n));
    });

    it("resolves every participation's concrete type through _entities", async () => {
      const rows = await sql<{ id: string; typename: string }>("SELECT id, typename FROM cmp_participation");
      const typenames = [...new Set(rows.map((r) => r.typename))];
      for (const typename of typenames) {
        const reps = rows.filter((r) => r.typename === typename).map((r) => ({ __typename: typename, id: r.id }));
        const res = await run(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { id } } }`, { reps });
        expect(res.errors).toBeUndefined();
        expect((res.data!._entities as { id: string }[]).map((e) => e.id)).toEqual(reps.map((r) => r.id));
      }
    });

    it("passes the checks `npm run check --conformance-url` runs over HTTP", async () => {
      const failed = (await runContractChecks(state, (q, v) => run(q, v))).filter((r) => r.failures.length > 0);
      expect(failed).toEqual([]);
    });

    it("lists people with a known basis and the other contract lists", async () => {
      const people = await run(`{ _comparativePeople { name basis participationId state } }`);
      expect(people.errors).toBeUndefined();
      const [{ n }] = await sql<{ n: number }>("SELECT COUNT(*) AS n FROM cmp_person");
      expect((people.data!._comparativePeople as unknown[]).length).toBe(Number(n));
      for (const q of [
        `{ _comparativeProgrammes { id state sources { url } } }`,
        `{ _comparativeEvents { id state sources { url } } }`,
        `{ _comparativeIndicators { id state sources { url } } }`,
        `{ _comparativeMunicipalities { id name sources { url } } }`,
        `{ _comparativePreventionBodies { id municipalityId sources { url } } }`,
      ]) {
        const res = await run(q);
        expect(res.errors, q).toBeUndefined();
        const list = Object.values(res.data!)[0] as { state?: string; sources: unknown[] }[];
        for (const item of list) {
          if (item.state) expect(item.state).toBe(state);
          expect(item.sources.length).toBeGreaterThan(0);
        }
      }
    });
  });
}
