// The contract conformance checks as plain functions, with no test runner: `npm run check
// --conformance-url` runs them against a ministry's running subgraph over HTTP, and
// describeContractConformance runs the same list in every state's tests. They see only what the
// contract serves (a remote subgraph has no SQL to look into); the checks on the cmp_* views'
// columns stay in describeContractConformance.
import { z } from "zod";
import { COMPARATIVE_ORDERS, MAX_PAGE_SIZE, SORT_DIRECTIONS } from "../contract/sql.js";
import { isValidIsoPrefix } from "../schema/dates.js";
import {
  ActorType, DatePrecision, EventStatus, FieldOfAction, IndicatorQualifier, Instrument, ParticipationStatus,
  PersonBasis, PreventionBodyStatus, ProgrammeKind, SigningFormat,
} from "../vocabulary.js";

/** One GraphQL answer as a subgraph sends it. */
export interface ContractAnswer {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Runs one operation against the state subgraph under test (in process or over HTTP). */
export type ContractClient = (query: string, variables?: Record<string, unknown>) => Promise<ContractAnswer>;

/** The outcome of one named check: no failures means it passed. */
export interface ContractCheckResult {
  name: string;
  failures: string[];
}

const SOURCE = z.object({ url: z.string() });
const DATE = z.object({ iso: z.string().nullable(), precision: z.string(), month: z.number().nullable(), day: z.number().nullable() });
const SIGNATORY = z.object({ name: z.string(), basis: z.string() });
const ROW = z.object({
  id: z.string(), typename: z.string(), state: z.string(), programmeKind: z.string(), municipalityId: z.string(),
  municipalityName: z.string(), instrument: z.string(), agreementId: z.string(), signedOn: DATE, status: z.string(),
  endedOn: z.string().nullable(), fieldsOfAction: z.array(z.string()), signatories: z.array(SIGNATORY),
  present: z.array(SIGNATORY), sources: z.array(SOURCE), sortKey: z.string(),
});
type Row = z.infer<typeof ROW>;
const PAGE = z.object({ totalCount: z.number(), rows: z.array(ROW) });
type Page = z.infer<typeof PAGE>;

const ROW_FIELDS = `id typename state programmeKind municipalityId municipalityName instrument agreementId
  signedOn { iso precision month day } status endedOn fieldsOfAction signatories { name basis } present { name basis }
  sources { url } sortKey`;
const PAGE_QUERY = /* GraphQL */ `
  query Page($filter: ComparativeFilter, $orderBy: String!, $direction: String!, $first: Int!, $after: ComparativeCursor) {
    _comparativeParticipations(filter: $filter, orderBy: $orderBy, direction: $direction, first: $first, after: $after) {
      totalCount
      rows { ${ROW_FIELDS} }
    }
  }
`;

interface ListSpec<T> {
  field: string;
  query: string;
  row: z.ZodType<T>;
}
const listSpec = <T>(field: string, selection: string, row: z.ZodType<T>): ListSpec<T> => ({ field, query: `{ ${field} { ${selection} } }`, row });
const LISTS = {
  programmes: listSpec("_comparativeProgrammes", "id state kind sources { url }", z.object({ id: z.string(), state: z.string(), kind: z.string(), sources: z.array(SOURCE) })),
  events: listSpec(
    "_comparativeEvents",
    "id state status format date { precision } sources { url }",
    z.object({ id: z.string(), state: z.string(), status: z.string(), format: z.string().nullable(), date: z.object({ precision: z.string() }), sources: z.array(SOURCE) }),
  ),
  indicators: listSpec("_comparativeIndicators", "id state qualifier sources { url }", z.object({ id: z.string(), state: z.string(), qualifier: z.string(), sources: z.array(SOURCE) })),
  preventionBodies: listSpec(
    "_comparativePreventionBodies",
    "id municipalityId status actorTypes sources { url }",
    z.object({ id: z.string(), municipalityId: z.string(), status: z.string(), actorTypes: z.array(z.string()), sources: z.array(SOURCE) }),
  ),
  people: listSpec("_comparativePeople", "name basis participationId state", z.object({ name: z.string(), basis: z.string(), participationId: z.string(), state: z.string() })),
};
type Lists = typeof LISTS;
type ListRow<K extends keyof Lists> = Lists[K] extends ListSpec<infer T> ? T : never;
const MUNICIPALITIES_QUERY = `query ($ids: [ID!]) { _comparativeMunicipalities(ids: $ids) { id ags sources { url } } }`;
const MUNICIPALITY = z.object({ id: z.string(), ags: z.string().nullable(), sources: z.array(SOURCE) });

/** A check stops collecting after this many failures: the first ones say what is wrong. */
const MAX_FAILURES = 20;

class Failures {
  readonly list: string[] = [];
  private more = 0;
  add(message: string): void {
    if (this.list.length < MAX_FAILURES) this.list.push(message);
    else this.more++;
  }
  expect(ok: boolean, message: string): void {
    if (!ok) this.add(message);
  }
  result(name: string): ContractCheckResult {
    return { name, failures: this.more ? [...this.list, `… and ${this.more} more`] : this.list };
  }
}

/** An answer's `data[field]` checked against `schema`, or an Error naming what was wrong. */
async function ask<T>(client: ContractClient, field: string, schema: z.ZodType<T>, query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await client(query, variables);
  if (answer.errors?.length) {
    throw new Error(`${field} answered with errors: ${answer.errors.map((e) => `[${String(e.extensions?.code ?? "NO_CODE")}] ${e.message}`).join("; ")}`);
  }
  const parsed = schema.safeParse(answer.data?.[field]);
  if (!parsed.success) throw new Error(`${field} does not have the contract's shape: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

const page = (client: ContractClient, variables: Record<string, unknown>): Promise<Page> =>
  ask(client, "_comparativeParticipations", PAGE, PAGE_QUERY, variables);

/** Every participation the state serves, read once in pages of the contract's maximum size. */
async function allParticipations(client: ContractClient): Promise<Row[]> {
  const rows: Row[] = [];
  let after: { sortKey: string; id: string } | null = null;
  for (;;) {
    const p = await page(client, { orderBy: "SIGNED_ON", direction: "ASC", first: MAX_PAGE_SIZE, after });
    rows.push(...p.rows);
    const last = p.rows.at(-1);
    if (p.rows.length < MAX_PAGE_SIZE || !last || rows.length >= p.totalCount) return rows;
    after = { sortKey: last.sortKey, id: last.id };
  }
}

interface Subject {
  client: ContractClient;
  state: string;
  /** Every participation, read once per run. */
  rows: () => Promise<Row[]>;
  /** One of the contract's other lists, read once per run. */
  list: <K extends keyof Lists>(key: K) => Promise<ListRow<K>[]>;
}

type Check = (subject: Subject, f: Failures) => Promise<void>;

const inVocabulary = (f: Failures, values: Iterable<string | null>, allowed: object, what: string): void => {
  const set = new Set<unknown>(Object.values(allowed));
  for (const v of values) f.expect(set.has(v), `${what}: ${String(v)} is not in the shared vocabulary`);
};

const CHECKS: ReadonlyArray<readonly [string, Check]> = [
  ["serves participations and programmes", async ({ rows, list }, f) => {
    f.expect((await rows()).length > 0, "_comparativeParticipations serves no rows");
    f.expect((await list("programmes")).length > 0, "_comparativeProgrammes serves no programme");
  }],

  ["maps every value onto the shared vocabulary", async ({ client, state, rows, list }, f) => {
    const participations = await rows();
    for (const r of participations) {
      f.expect(r.state === state, `${r.id}: state ${r.state}, expected ${state}`);
      f.expect(r.id.startsWith(`${state}-`), `${r.id}: id is not prefixed with ${state}-`);
      f.expect(r.municipalityId.startsWith(`${state}-M-`), `${r.id}: municipality ${r.municipalityId} is not prefixed with ${state}-M-`);
      f.expect(/^[A-Z][A-Za-z0-9]+$/.test(r.typename), `${r.id}: typename ${r.typename} is not a GraphQL type name`);
      f.expect(r.agreementId.length > 0, `${r.id}: no agreementId`);
      f.expect(r.municipalityName.length > 0, `${r.id}: no municipalityName`);
      const d = r.signedOn;
      if (d.iso !== null) f.expect(isValidIsoPrefix(d.iso), `${r.id}: signedOn ${d.iso} is not an ISO prefix`);
      else f.expect(d.precision === DatePrecision.UNKNOWN || d.precision === DatePrecision.DAY_MONTH, `${r.id}: signedOn without a date has precision ${d.precision}`);
      if (d.precision === DatePrecision.DAY) f.expect(/^\d{4}-\d{2}-\d{2}$/.test(d.iso ?? ""), `${r.id}: DAY precision on ${String(d.iso)}`);
      if (d.precision === DatePrecision.MONTH) f.expect(/^\d{4}-\d{2}$/.test(d.iso ?? ""), `${r.id}: MONTH precision on ${String(d.iso)}`);
      if (d.precision === DatePrecision.DAY_MONTH) f.expect(d.month !== null && d.day !== null, `${r.id}: DAY_MONTH precision without month and day`);
      if (r.status === ParticipationStatus.ENDED) f.expect(Boolean(r.endedOn), `${r.id}: ENDED without endedOn`);
    }
    inVocabulary(f, participations.map((r) => r.instrument), Instrument, "instrument");
    inVocabulary(f, participations.map((r) => r.status), ParticipationStatus, "status");
    inVocabulary(f, participations.map((r) => r.signedOn.precision), DatePrecision, "signedOn precision");
    inVocabulary(f, participations.map((r) => r.programmeKind), ProgrammeKind, "programmeKind");
    inVocabulary(f, participations.flatMap((r) => r.fieldsOfAction), FieldOfAction, "fieldOfAction");
    inVocabulary(f, participations.flatMap((r) => [...r.signatories, ...r.present].map((s) => s.basis)), PersonBasis, "signatory basis");
    inVocabulary(f, (await list("programmes")).map((p) => p.kind), ProgrammeKind, "programme kind");
    const events = await list("events");
    inVocabulary(f, events.map((e) => e.status), EventStatus, "event status");
    inVocabulary(f, events.flatMap((e) => (e.format === null ? [] : [e.format])), SigningFormat, "event format");
    inVocabulary(f, events.map((e) => e.date.precision), DatePrecision, "event date precision");
    inVocabulary(f, (await list("indicators")).map((i) => i.qualifier), IndicatorQualifier, "indicator qualifier");
    const bodies = await list("preventionBodies");
    inVocabulary(f, bodies.map((b) => b.status), PreventionBodyStatus, "prevention body status");
    inVocabulary(f, bodies.flatMap((b) => b.actorTypes), ActorType, "actor type");
    for (const x of [...events, ...(await list("indicators")), ...(await list("programmes"))]) f.expect(x.state === state, `${x.id}: state ${x.state}, expected ${state}`);
    // Compare's gazetteer asks the owning state for the municipalities its rows name.
    const referenced = [...new Set(participations.map((r) => r.municipalityId))];
    const municipalities = await ask(client, "_comparativeMunicipalities", z.array(MUNICIPALITY), MUNICIPALITIES_QUERY, { ids: referenced });
    const known = new Set(municipalities.map((m) => m.id));
    for (const id of referenced) f.expect(known.has(id), `municipality ${id} is referenced but not served by _comparativeMunicipalities`);
    for (const m of municipalities) if (m.ags !== null) f.expect(/^\d{8}$/.test(m.ags), `municipality ${m.id}: ags ${m.ags} is not 8 digits`);
  }],

  ["serves at least one http(s) source for every row that carries sources", async ({ client, rows, list }, f) => {
    const sourced: { what: string; id: string; sources: { url: string }[] }[] = [
      ...(await rows()).map((r) => ({ what: "participation", ...r })),
      ...(await list("programmes")).map((r) => ({ what: "programme", ...r })),
      ...(await list("events")).map((r) => ({ what: "event", ...r })),
      ...(await list("indicators")).map((r) => ({ what: "indicator", ...r })),
      ...(await list("preventionBodies")).map((r) => ({ what: "prevention body", ...r })),
      ...(await ask(client, "_comparativeMunicipalities", z.array(MUNICIPALITY), MUNICIPALITIES_QUERY, {})).map((r) => ({ what: "municipality", ...r })),
    ];
    for (const r of sourced) {
      f.expect(r.sources.length > 0, `${r.what} ${r.id} has no source`);
      for (const s of r.sources) f.expect(/^https?:\/\//.test(s.url), `${r.what} ${r.id}: source ${s.url} is not an http(s) URL`);
    }
  }],

  ["pages through all participations in every order without gaps or duplicates", async ({ client, rows }, f) => {
    const total = (await rows()).length;
    const size = 7;
    for (const orderBy of COMPARATIVE_ORDERS) {
      for (const direction of SORT_DIRECTIONS) {
        const order = `${orderBy} ${direction}`;
        const seen: Row[] = [];
        let after: { sortKey: string; id: string } | null = null;
        for (let guard = 0; guard <= total / size + 1; guard++) {
          const p = await page(client, { orderBy, direction, first: size, after });
          f.expect(p.totalCount === total, `${order}: totalCount ${p.totalCount}, expected ${total}`);
          seen.push(...p.rows);
          const last = p.rows.at(-1);
          if (p.rows.length < size || !last) break;
          after = { sortKey: last.sortKey, id: last.id };
        }
        f.expect(seen.length === total, `${order}: paging returned ${seen.length} rows, expected ${total}`);
        f.expect(new Set(seen.map((r) => r.id)).size === seen.length, `${order}: a row came twice`);
        // The order is total and agrees with plain string comparison (what compare merges by).
        for (let i = 1; i < seen.length; i++) {
          const a = seen[i - 1]!, b = seen[i]!;
          const cmp = a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
          f.expect((direction === "ASC" ? cmp : -cmp) === -1, `${order}: ${a.id} comes before ${b.id}`);
        }
      }
    }
  }],

  ["filters by instrument and by date bounds, and refuses bad options with BAD_USER_INPUT", async ({ client, rows }, f) => {
    const all = await rows();
    const instrument = all[0]?.instrument;
    if (instrument) {
      const got = await page(client, { filter: { instruments: [instrument] }, orderBy: "SIGNED_ON", direction: "ASC", first: MAX_PAGE_SIZE });
      const expected = all.filter((r) => r.instrument === instrument).length;
      f.expect(got.totalCount === expected, `instrument ${instrument}: totalCount ${got.totalCount}, expected ${expected}`);
      f.expect(got.rows.every((r) => r.instrument === instrument), `instrument ${instrument}: a row of another instrument`);
    }
    const years = all.flatMap((r) => (r.signedOn.iso ? [r.signedOn.iso.slice(0, 4)] : [])).sort();
    const year = years[0];
    if (year) {
      const got = await page(client, { filter: { signedFrom: year, signedTo: year }, orderBy: "SIGNED_ON", direction: "ASC", first: 1 });
      const expected = years.filter((y) => y === year).length;
      f.expect(got.totalCount === expected, `signed in ${year}: totalCount ${got.totalCount}, expected ${expected}`);
    }
    for (const [what, variables] of [
      ["signedFrom 2021-13", { filter: { signedFrom: "2021-13" }, orderBy: "SIGNED_ON", direction: "ASC", first: 5 }],
      ["orderBy NOPE", { orderBy: "NOPE", direction: "ASC", first: 5 }],
    ] as const) {
      const answer = await client(PAGE_QUERY, variables);
      const code = answer.errors?.[0]?.extensions?.code;
      f.expect(code === "BAD_USER_INPUT", `${what}: answered ${code === undefined ? "without an error code" : `with ${String(code)}`}, expected BAD_USER_INPUT`);
    }
  }],

  ["summarises with totals that agree with the rows", async ({ client, state, rows }, f) => {
    const all = await rows();
    const yearOf = (r: Row) => (r.signedOn.iso ? Number(r.signedOn.iso.slice(0, 4)) : null);
    const SUMMARY = z.array(z.object({ state: z.string().nullable().optional(), year: z.number().nullable().optional(), instrument: z.string().nullable().optional(), fieldOfAction: z.string().nullable().optional(), participations: z.number() }));
    const byYear = await ask(client, "_comparativeSummary", SUMMARY, `{ _comparativeSummary(groupBy: ["STATE", "YEAR"]) { state year participations } }`);
    f.expect(byYear.reduce((s, r) => s + r.participations, 0) === all.length, `STATE, YEAR: the groups do not add up to ${all.length}`);
    for (const r of byYear) {
      f.expect(r.state === state, `STATE, YEAR: a group of state ${String(r.state)}`);
      const expected = all.filter((x) => yearOf(x) === r.year).length;
      f.expect(r.participations === expected, `STATE, YEAR ${String(r.year)}: ${r.participations}, expected ${expected}`);
    }
    const byInstrument = await ask(client, "_comparativeSummary", SUMMARY, `{ _comparativeSummary(groupBy: ["INSTRUMENT"]) { instrument participations } }`);
    for (const r of byInstrument) {
      const expected = all.filter((x) => x.instrument === r.instrument).length;
      f.expect(r.participations === expected, `INSTRUMENT ${String(r.instrument)}: ${r.participations}, expected ${expected}`);
    }
    const pairs = all.reduce((n, r) => n + new Set(r.fieldsOfAction).size, 0);
    const byField = await ask(client, "_comparativeSummary", SUMMARY, `{ _comparativeSummary(groupBy: ["FIELD_OF_ACTION"]) { fieldOfAction participations } }`);
    const counted = byField.filter((r) => r.fieldOfAction != null).reduce((s, r) => s + r.participations, 0);
    f.expect(counted === pairs, `FIELD_OF_ACTION: ${counted} participation-field pairs, expected ${pairs}`);
  }],

  ["resolves every participation's concrete type through _entities", async ({ client, rows }, f) => {
    const all = await rows();
    for (const typename of new Set(all.map((r) => r.typename))) {
      const representations = all.filter((r) => r.typename === typename).map((r) => ({ __typename: typename, id: r.id }));
      const entities = await ask(client, "_entities", z.array(z.object({ id: z.string() }).nullable()), `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${typename} { id } } }`, { reps: representations });
      const got = entities.map((e) => e?.id ?? null);
      const expected = representations.map((r) => r.id);
      f.expect(got.length === expected.length && got.every((id, i) => id === expected[i]), `${typename}: _entities answered ${got.filter((id, i) => id !== expected[i]).length} of ${expected.length} representations wrongly`);
    }
  }],

  ["lists people with a known basis, each tied to a served participation", async ({ state, rows, list }, f) => {
    const ids = new Set((await rows()).map((r) => r.id));
    const people = await list("people");
    inVocabulary(f, people.map((p) => p.basis), PersonBasis, "person basis");
    for (const p of people) {
      f.expect(p.state === state, `person ${p.name}: state ${p.state}, expected ${state}`);
      f.expect(ids.has(p.participationId), `person ${p.name}: participation ${p.participationId} is not served`);
    }
  }],
];

/** The names of the checks {@link runContractChecks} runs, in order. */
export const CONTRACT_CHECK_NAMES: readonly string[] = CHECKS.map(([name]) => name);

/**
 * Runs every contract conformance check against one state subgraph through `client` and
 * returns each check's failures (none means it passed). A check that cannot run (the subgraph
 * does not answer, or answers in another shape) fails with the reason; the others still run.
 */
export async function runContractChecks(state: string, client: ContractClient): Promise<ContractCheckResult[]> {
  let participations: Promise<Row[]> | undefined;
  const lists = new Map<keyof Lists, Promise<unknown[]>>();
  const list = <K extends keyof Lists>(key: K): Promise<ListRow<K>[]> => {
    if (!lists.has(key)) {
      const spec = LISTS[key] as ListSpec<ListRow<K>>;
      lists.set(key, ask(client, spec.field, z.array(spec.row), spec.query));
    }
    return lists.get(key) as Promise<ListRow<K>[]>;
  };
  const subject: Subject = { client, state, rows: () => (participations ??= allParticipations(client)), list };
  const results: ContractCheckResult[] = [];
  for (const [name, check] of CHECKS) {
    const f = new Failures();
    try {
      await check(subject, f);
    } catch (err) {
      const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined)?.code : undefined;
      f.add(`could not run: ${err instanceof Error ? err.message : String(err)}${typeof cause === "string" ? ` (${cause})` : ""}`);
    }
    results.push(f.result(name));
  }
  return results;
}

const ANSWER = z.object({
  data: z.record(z.string(), z.unknown()).nullable().optional(),
  errors: z.array(z.object({ message: z.string(), extensions: z.record(z.string(), z.unknown()).optional() })).optional(),
});

/**
 * A {@link ContractClient} that POSTs each operation as JSON to a subgraph's `/graphql` URL,
 * each request bounded by `timeoutMs`.
 */
export function httpContractClient(url: string, options: { timeoutMs?: number; headers?: Record<string, string> } = {}): ContractClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (query, variables = {}) => {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...options.headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await res.json().catch(() => undefined);
    const parsed = ANSWER.safeParse(body);
    if (!parsed.success) throw new Error(`the subgraph answered HTTP ${res.status} without a GraphQL response`);
    return parsed.data as ContractAnswer;
  };
}
