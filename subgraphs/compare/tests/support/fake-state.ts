import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  createLogger,
  fieldsOfActionFromText,
  loadDataset,
  sortableName,
  startGraphQLHttpServer,
  STATE_SUBGRAPHS,
  toSource,
  type RawParticipation,
  type RunningServer,
  type StateCode,
  type StateSubgraph,
} from "@laenderhub/shared";
import { parse } from "graphql";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/*
 * A fake state subgraph for the comparative tests: the contract's root fields written in plain
 * SDL with JavaScript resolvers over the cited dataset, independent of the shared SQL
 * implementation. It records every contract call, so tests can prove what compare pushes down.
 */

/** Months the sources give where the day is missing (README, "Not confirmed"). */
export const MONTH_ONLY: Record<string, string> = { "SL-P-01": "2017-01", "SN-P-001": "2020-07", "ST-P-04": "2021-07" };

const SIGNING = new Set(["SIGNED", "CONCLUDED_BY", "IN_OFFICE", "ANNOUNCED_SIGNER"]);

/** The signing date the fake serves for a dataset record: the day, or the month where only that is known. */
export function signedIsoOf(p: RawParticipation): string | null {
  return p.signed_date ?? MONTH_ONLY[p.id] ?? null;
}

export interface FakeRow {
  id: string;
  typename: string;
  state: string;
  programmeId: string;
  programmeKind: string;
  municipalityId: string;
  municipalityName: string;
  sortName: string;
  instrument: string;
  instrumentLabel: string | null;
  agreementId: string;
  signedOn: { iso: string | null; precision: string; year: number | null; month: number | null; day: number | null; note: string | null };
  status: string;
  endedOn: string | null;
  partners: string[];
  fieldsOfAction: string[];
  signatories: Person[];
  present: Person[];
  sources: { url: string; publisher: string | null; title: string | null; publishedOn: string | null }[];
}
interface Person { name: string; role: string | null; organisation: string | null; party: string | null; basis: string }

/** The contract rows of one state, derived from the dataset. */
export function fakeRows(state: StateCode): FakeRow[] {
  const data = loadDataset();
  const typename = STATE_SUBGRAPHS.find((s) => s.code === state)!.participationTypes[0]!;
  return data.participations
    .filter((p) => p.state === state)
    .map((p) => {
      const iso = signedIsoOf(p);
      const people = [...p.signatories, ...p.present].map((x) => ({ name: x.name, role: x.role, organisation: x.organisation, party: x.party, basis: x.basis.toUpperCase() }));
      return {
        id: p.id,
        typename,
        state: p.state,
        programmeId: p.programme_id,
        programmeKind: data.programmes.find((g) => g.id === p.programme_id)!.kind,
        municipalityId: p.municipality_id,
        municipalityName: p.municipality_name,
        sortName: sortableName(p.municipality_name),
        instrument: p.instrument,
        instrumentLabel: p.instrument_label,
        agreementId: p.agreement_id,
        signedOn: {
          iso,
          precision: iso === null ? "UNKNOWN" : iso.length === 7 ? "MONTH" : "DAY",
          year: iso ? Number(iso.slice(0, 4)) : null,
          month: iso ? Number(iso.slice(5, 7)) : null,
          day: iso && iso.length === 10 ? Number(iso.slice(8, 10)) : null,
          note: p.signed_date_note,
        },
        status: "ACTIVE",
        endedOn: null,
        partners: p.parties,
        fieldsOfAction: fieldsOfActionFromText(p.notes),
        signatories: people.filter((x) => SIGNING.has(x.basis)),
        present: people.filter((x) => !SIGNING.has(x.basis)),
        sources: p.sources.map(toSource),
      };
    });
}

function sortKey(row: FakeRow, order: string, direction: string): string {
  const signed = row.signedOn.iso ?? (direction === "ASC" ? "~" : "");
  return order === "SIGNED_ON" ? signed : order === "STATE" ? `${row.state}|${signed}` : row.sortName;
}

interface Filter { ids?: string[]; programmeIds?: string[]; programmeKinds?: string[]; instruments?: string[]; statuses?: string[]; signedFrom?: string; signedTo?: string; fieldsOfAction?: string[]; municipalityIds?: string[] }

function matches(row: FakeRow, f: Filter | null | undefined): boolean {
  if (!f) return true;
  const inList = (value: string, list?: string[] | null) => list == null || list.includes(value);
  if (!inList(row.id, f.ids) || !inList(row.programmeId, f.programmeIds) || !inList(row.programmeKind, f.programmeKinds)) return false;
  if (!inList(row.instrument, f.instruments) || !inList(row.status, f.statuses) || !inList(row.municipalityId, f.municipalityIds)) return false;
  const iso = row.signedOn.iso;
  if (f.signedFrom != null && (iso === null || iso.slice(0, f.signedFrom.length) < f.signedFrom)) return false;
  if (f.signedTo != null && (iso === null || iso.slice(0, f.signedTo.length) > f.signedTo)) return false;
  if (f.fieldsOfAction != null && !row.fieldsOfAction.some((x) => f.fieldsOfAction!.includes(x))) return false;
  return true;
}

const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@shareable", "@inaccessible"])
  type Source { url: String! publisher: String title: String publishedOn: String }
  type FuzzyDate { iso: String precision: String! year: Int month: Int day: Int note: String }
  type Signatory { name: String! role: String organisation: String party: String basis: String! }
  input ComparativeFilter { ids: [ID!] programmeIds: [String!] programmeKinds: [String!] instruments: [String!] statuses: [String!] signedFrom: String signedTo: String fieldsOfAction: [String!] municipalityIds: [ID!] }
  input ComparativeCursor { sortKey: String! id: ID! }
  input ComparativeEventFilter { from: String to: String types: [String!] statuses: [String!] programmeIds: [String!] }
  type ComparativeParticipationRow { id: ID! typename: String! state: String! programmeId: String! programmeKind: String! municipalityId: ID! municipalityName: String!
    instrument: String! instrumentLabel: String agreementId: String! signedOn: FuzzyDate! status: String! endedOn: String partners: [String!]! fieldsOfAction: [String!]!
    signatories: [Signatory!]! present: [Signatory!]! sources: [Source!]! sortKey: String! }
  type ComparativeParticipationPage { rows: [ComparativeParticipationRow!]! totalCount: Int! }
  type ComparativeSummaryRow { state: String programmeId: String year: Int quarter: String instrument: String fieldOfAction: String status: String municipalityId: ID
    signedOn: String endedOn: String participations: Int! municipalities: Int! undatedParticipations: Int! firstSignedOn: String latestSignedOn: String }
  type ComparativePersonRow { name: String! role: String organisation: String party: String basis: String! participationId: ID! typename: String! state: String!
    agreementId: String! municipalityId: ID! municipalityName: String! signedOn: String }
  type ComparativeProgrammeRow { id: ID! state: String! name: String! shortName: String! kind: String! responsibleMinistry: String coordinatingBody: String startOn: FuzzyDate! sources: [Source!]! }
  type ComparativeEventRow { id: ID! state: String! programmeId: String! date: FuzzyDate! title: String! eventType: String! format: String place: String status: String!
    participantsSummary: String relatedIds: [ID!]! sources: [Source!]! }
  type ComparativeIndicatorRow { id: ID! state: String! programmeId: String! indicator: String! label: String! value: Float! unit: String! qualifier: String! referenceOn: FuzzyDate! note: String sources: [Source!]! }
  type ComparativeMunicipalityRow { id: ID! name: String! ags: String districtName: String type: String sources: [Source!]! }
  type ComparativePreventionBodyRow { id: ID! municipalityId: ID! name: String! kind: String! status: String! date: FuzzyDate! note: String actorTypes: [String!]! sources: [Source!]! }
  type Query {
    _comparativeParticipations(filter: ComparativeFilter, orderBy: String! = "SIGNED_ON", direction: String! = "ASC", first: Int! = 50, after: ComparativeCursor): ComparativeParticipationPage!
    _comparativeSummary(filter: ComparativeFilter, groupBy: [String!]!): [ComparativeSummaryRow!]!
    _comparativePeople(search: String, first: Int! = 1000): [ComparativePersonRow!]!
    _comparativeProgrammes: [ComparativeProgrammeRow!]!
    _comparativeEvents(filter: ComparativeEventFilter): [ComparativeEventRow!]!
    _comparativeIndicators(programmeId: String, indicator: String): [ComparativeIndicatorRow!]!
    _comparativeMunicipalities(ids: [ID!]): [ComparativeMunicipalityRow!]!
    _comparativePreventionBodies(municipalityIds: [ID!]): [ComparativePreventionBodyRow!]!
  }
`;

const fuzzy = (iso: string | null, precision: string) => ({
  iso,
  precision: iso === null ? "UNKNOWN" : precision,
  year: iso ? Number(iso.slice(0, 4)) : null,
  month: iso && iso.length >= 7 ? Number(iso.slice(5, 7)) : null,
  day: iso && iso.length === 10 ? Number(iso.slice(8, 10)) : null,
  note: null,
});
const precisionOf = (iso: string | null) => (iso === null ? "UNKNOWN" : iso.length === 4 ? "YEAR" : iso.length === 7 ? "MONTH" : "DAY");

export interface FakeCall { field: string; args: Record<string, any> }

export interface FakeStateOptions {
  /** Rows to serve instead of the dataset's (e.g. to reference a municipality the gazetteer lacks). */
  rows?: FakeRow[];
  /** Extra municipalities in the state's register. */
  municipalities?: { id: string; name: string; ags: string | null; districtName: string | null; type: string | null; sources: FakeRow["sources"] }[];
  /** Every resolver throws (the state answers with GraphQL errors). */
  failing?: boolean;
}

/** Builds the fake state's resolvers over its rows; `calls` records every contract call. */
function resolvers(state: StateCode, options: FakeStateOptions, calls: FakeCall[]) {
  const data = loadDataset();
  const rows = options.rows ?? fakeRows(state);
  const record = (field: string, args: Record<string, any>) => {
    calls.push({ field, args });
    if (options.failing) throw new Error(`${state} database is broken`);
  };
  const municipalities = [
    ...data.municipalities
      .filter((m) => m.state === state)
      .map((m) => ({ id: m.id, name: m.name, ags: m.ags, districtName: m.landkreis, type: m.type, sources: [...m.ags_sources, ...m.other_sources].map(toSource) })),
    ...(options.municipalities ?? []),
  ];
  return {
    Query: {
      _comparativeParticipations(_: unknown, args: { filter?: Filter; orderBy: string; direction: string; first: number; after?: { sortKey: string; id: string } }) {
        record("_comparativeParticipations", args);
        const sign = args.direction === "ASC" ? 1 : -1;
        const cmp = (a: { k: string; id: string }, b: { k: string; id: string }) => sign * (a.k < b.k ? -1 : a.k > b.k ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
        const keyed = rows.filter((r) => matches(r, args.filter)).map((r) => ({ row: r, k: sortKey(r, args.orderBy, args.direction), id: r.id }));
        keyed.sort(cmp);
        const after = args.after;
        const rest = after ? keyed.filter((x) => cmp(x, { k: after.sortKey, id: after.id }) > 0) : keyed;
        return { totalCount: keyed.length, rows: rest.slice(0, args.first).map((x) => ({ ...x.row, sortKey: x.k })) };
      },
      _comparativeSummary(_: unknown, args: { filter?: Filter; groupBy: string[] }) {
        record("_comparativeSummary", args);
        const matching = rows.filter((r) => matches(r, args.filter));
        const dims = [...new Set(args.groupBy)];
        const expanded = dims.includes("FIELD_OF_ACTION")
          ? matching.flatMap((r) => (r.fieldsOfAction.length ? r.fieldsOfAction.map((f) => ({ r, field: f as string | null })) : [{ r, field: null }]))
          : matching.map((r) => ({ r, field: null as string | null }));
        const groups = new Map<string, { values: Record<string, unknown>; items: FakeRow[] }>();
        for (const { r, field } of expanded) {
          const iso = r.signedOn.iso;
          const values: Record<string, unknown> = {};
          for (const d of dims) {
            if (d === "STATE") values.state = r.state;
            if (d === "PROGRAMME") values.programmeId = r.programmeId;
            if (d === "YEAR") values.year = iso ? Number(iso.slice(0, 4)) : null;
            if (d === "QUARTER") values.quarter = iso && iso.length >= 7 ? `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}` : null;
            if (d === "INSTRUMENT") values.instrument = r.instrument;
            if (d === "FIELD_OF_ACTION") values.fieldOfAction = field;
            if (d === "STATUS") values.status = r.status;
            if (d === "MUNICIPALITY") values.municipalityId = r.municipalityId;
            if (d === "SIGNED_ON") values.signedOn = iso;
            if (d === "ENDED_ON") values.endedOn = r.endedOn;
          }
          const key = JSON.stringify(values);
          const g = groups.get(key) ?? { values, items: [] };
          g.items.push(r);
          groups.set(key, g);
        }
        return [...groups.values()].map(({ values, items }) => {
          const unique = [...new Map(items.map((i) => [i.id, i])).values()];
          const dated = unique.map((i) => i.signedOn.iso).filter((d): d is string => d !== null).sort();
          return {
            state: null, programmeId: null, year: null, quarter: null, instrument: null, fieldOfAction: null, status: null, municipalityId: null,
            signedOn: null, endedOn: null,
            ...values,
            participations: unique.length,
            municipalities: new Set(unique.map((i) => i.municipalityId)).size,
            undatedParticipations: unique.filter((i) => i.signedOn.iso === null).length,
            firstSignedOn: dated[0] ?? null,
            latestSignedOn: dated[dated.length - 1] ?? null,
          };
        });
      },
      _comparativePeople(_: unknown, args: { search?: string; first: number }) {
        record("_comparativePeople", args);
        return rows
          .flatMap((r) => [...r.signatories, ...r.present].map((p) => ({ ...p, participationId: r.id, typename: r.typename, state: r.state, agreementId: r.agreementId, municipalityId: r.municipalityId, municipalityName: r.municipalityName, signedOn: r.signedOn.iso })))
          .filter((p) => !args.search || p.name.toLowerCase().includes(args.search.toLowerCase()))
          .slice(0, args.first);
      },
      _comparativeProgrammes() {
        record("_comparativeProgrammes", {});
        return data.programmes
          .filter((p) => p.state === state)
          .map((p) => ({ id: p.id, state: p.state, name: p.name, shortName: p.short_name, kind: p.kind, responsibleMinistry: p.responsible_ministry, coordinatingBody: p.coordinating_body, startOn: fuzzy(p.start_date, precisionOf(p.start_date)), sources: p.sources.map(toSource) }));
      },
      _comparativeEvents(_: unknown, args: { filter?: { from?: string; to?: string; types?: string[]; statuses?: string[] } }) {
        record("_comparativeEvents", args);
        const f = args.filter ?? {};
        return data.events
          .filter((e) => e.state === state)
          .filter((e) => (f.from == null || (e.date !== null && e.date.slice(0, f.from.length) >= f.from)) && (f.to == null || (e.date !== null && e.date.slice(0, f.to.length) <= f.to)))
          .filter((e) => (!f.types || f.types.includes(e.event_type)) && (!f.statuses || f.statuses.includes(e.status)))
          .map((e) => ({ id: e.id, state: e.state, programmeId: e.programme_id, date: fuzzy(e.date, precisionOf(e.date)), title: e.title, eventType: e.event_type, format: e.format, place: e.place, status: e.status, participantsSummary: e.participants_summary, relatedIds: e.related_records, sources: e.sources.map(toSource) }));
      },
      _comparativeIndicators(_: unknown, args: { programmeId?: string; indicator?: string }) {
        record("_comparativeIndicators", args);
        return data.indicators
          .filter((i) => i.state === state && (!args.programmeId || i.programme_id === args.programmeId) && (!args.indicator || i.indicator === args.indicator))
          .map((i) => ({ id: i.id, state: i.state, programmeId: i.programme_id, indicator: i.indicator, label: i.label, value: i.value, unit: i.unit, qualifier: i.qualifier === "more than" ? "MORE_THAN" : i.qualifier === "about" ? "ABOUT" : "EXACT", referenceOn: fuzzy(i.reference_date, precisionOf(i.reference_date)), note: i.note, sources: i.sources.map(toSource) }));
      },
      _comparativeMunicipalities(_: unknown, args: { ids?: string[] }) {
        record("_comparativeMunicipalities", args);
        return municipalities.filter((m) => !args.ids || args.ids.includes(m.id));
      },
      _comparativePreventionBodies(_: unknown, args: { municipalityIds?: string[] }) {
        record("_comparativePreventionBodies", args);
        return data.municipalities
          .filter((m) => m.state === state && (!args.municipalityIds || args.municipalityIds.includes(m.id)))
          .flatMap((m) => m.prevention_bodies.map((b, i) => ({ id: `${m.id}-PB-${i + 1}`, municipalityId: m.id, name: b.name, kind: b.kind, status: b.status.toUpperCase(), date: fuzzy(b.date, precisionOf(b.date)), note: b.note, actorTypes: [], sources: b.sources.map(toSource) })));
      },
    },
  };
}

export interface FakeState {
  entry: StateSubgraph;
  calls: FakeCall[];
  /** HTTP requests received (one per batch of contract calls). */
  requests: number;
  stop(): Promise<void>;
}

/** Serves a fake state subgraph over HTTP on port 0. */
export async function startFakeState(state: StateCode, options: FakeStateOptions = {}): Promise<FakeState> {
  const calls: FakeCall[] = [];
  const schema = buildSubgraphSchema([{ typeDefs: parse(SDL), resolvers: resolvers(state, options, calls) as never }]);
  const fake = { requests: 0 } as FakeState;
  const running: RunningServer = await startGraphQLHttpServer(
    { name: `fake-${state}`, schema, logger: createLogger(`fake-${state}`, "silent"), context: () => { fake.requests++; return {}; } },
    { port: 0 },
  );
  const registry = STATE_SUBGRAPHS.find((s) => s.code === state)!;
  return Object.assign(fake, {
    entry: { code: registry.code, name: registry.name, subgraph: registry.subgraph, entryField: registry.entryField, participationTypes: registry.participationTypes, url: running.url },
    calls,
    stop: () => running.stop(),
  });
}

/** A state whose server accepts connections and never answers. */
export async function startHangingState(state: StateCode): Promise<{ entry: StateSubgraph; stop(): Promise<void> }> {
  const server: Server = createServer(() => {
    // Never answers: compare must give up after its timeout.
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  const registry = STATE_SUBGRAPHS.find((s) => s.code === state)!;
  return {
    entry: { code: registry.code, name: registry.name, subgraph: registry.subgraph, entryField: registry.entryField, participationTypes: registry.participationTypes, url: `http://127.0.0.1:${port}/graphql` },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A registry entry for a state whose subgraph is down (nothing listens on the port). */
export async function downState(state: StateCode): Promise<StateSubgraph> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  const registry = STATE_SUBGRAPHS.find((s) => s.code === state)!;
  return { code: registry.code, name: registry.name, subgraph: registry.subgraph, entryField: registry.entryField, participationTypes: registry.participationTypes, url: `http://127.0.0.1:${port}/graphql` };
}

/** A fake state that can be made to hang (accept requests and never answer) and to answer again. */
export interface SwitchableState {
  entry: StateSubgraph;
  /** HTTP requests that reached the server, hanging or not. */
  readonly requests: number;
  /** Requests held while hanging whose connection the caller closed before any answer. */
  readonly abandoned: number;
  /** Requests being held right now. */
  readonly held: number;
  hang(): void;
  /** Answers every request from now on (held ones stay unanswered, like a resumed process's lost requests). */
  answer(): void;
  stop(): Promise<void>;
}

/**
 * A loopback server in front of a fake state: while hanging it accepts requests and never
 * answers, recording when the caller gives up on one; while answering it forwards to the fake.
 */
export async function startSwitchableState(state: StateCode, options: FakeStateOptions = {}): Promise<SwitchableState> {
  const fake = await startFakeState(state, options);
  let hanging = false;
  const counts = { requests: 0, abandoned: 0, held: 0 };
  const server: Server = createServer((req, res) => {
    counts.requests++;
    if (hanging) {
      counts.held++;
      res.once("close", () => {
        counts.held--;
        if (!res.writableFinished) counts.abandoned++;
      });
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      fetch(fake.entry.url, { method: "POST", headers: { "content-type": "application/json" }, body: Buffer.concat(chunks) })
        .then(async (r) => {
          res.writeHead(r.status, { "content-type": r.headers.get("content-type") ?? "application/json" });
          res.end(await r.text());
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    entry: { ...fake.entry, url: `http://127.0.0.1:${port}/graphql` },
    get requests() {
      return counts.requests;
    },
    get abandoned() {
      return counts.abandoned;
    },
    get held() {
      return counts.held;
    },
    hang: () => {
      hanging = true;
    },
    answer: () => {
      hanging = false;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await fake.stop();
    },
  };
}
