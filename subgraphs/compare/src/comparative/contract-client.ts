import {
  ActorType,
  DatePrecision,
  EventStatus,
  FieldOfAction,
  IndicatorQualifier,
  Instrument,
  ParticipationStatus,
  PersonBasis,
  PreventionBodyStatus,
  ProgrammeKind,
  SigningFormat,
  StateCode,
  type Logger,
  type StateSubgraph,
  BreakerOpenError,
  CallCancelledError,
  currentRequestId,
  REQUEST_ID_HEADER,
  type CircuitBreakers,
} from "@laenderhub/shared";
import { z } from "zod";

/*
 * A small typed client for the comparative contract (shared/CONTRACT.md). Compare calls each
 * state's contract root fields directly over HTTP, never through the gateway. Several calls to
 * one state travel in ONE request as aliased fields; every answer is checked against the
 * contract's vocabulary, so a state that answers outside the contract is treated like one that
 * does not answer at all.
 */

/** A state that did not answer a contract call: down, timed out, errored or broke the contract. */
export class StateUnavailableError extends Error {
  override name = "StateUnavailableError";
  constructor(
    readonly state: StateCode,
    readonly reason: string,
  ) {
    super(`${state}: ${reason}`);
  }
}

/** One argument of a contract call: its GraphQL input type and value. */
export interface ContractArgument {
  type: string;
  value: unknown;
}

/** One contract root field call, with the selection to fetch and how to check the answer. */
export interface ContractCall<T> {
  field: string;
  args: Record<string, ContractArgument>;
  selection: string;
  parse(data: unknown, state: StateSubgraph): T;
  /** Identical calls share this key and are sent once per request. */
  readonly key: string;
}

function call<T>(field: string, args: Record<string, ContractArgument>, selection: string, schema: z.ZodType<T>, check?: (value: T, state: StateSubgraph) => void): ContractCall<T> {
  const present = Object.fromEntries(Object.entries(args).filter(([, a]) => a.value !== undefined));
  return {
    field,
    args: present,
    selection,
    key: `${field}(${JSON.stringify(Object.entries(present).map(([k, a]) => [k, a.value]))})`,
    parse(data, state) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StateUnavailableError(state.code, `answered ${field} outside the contract (${issue?.path.join(".")}: ${issue?.message})`);
      }
      check?.(parsed.data, state);
      return parsed.data;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Row shapes (the contract's GraphQL types, see shared/src/contract/types.ts)

const sourceSchema = z.object({
  url: z.string(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  publishedOn: z.string().nullable(),
});
const fuzzyDateSchema = z.object({
  iso: z.string().nullable(),
  precision: z.enum(DatePrecision),
  year: z.number().int().nullable(),
  month: z.number().int().nullable(),
  day: z.number().int().nullable(),
  note: z.string().nullable(),
});
const personSchema = z.object({
  name: z.string(),
  role: z.string().nullable(),
  organisation: z.string().nullable(),
  party: z.string().nullable(),
  basis: z.enum(PersonBasis),
});
const sourcesSchema = z.array(sourceSchema).min(1);

const SOURCE = "sources { url publisher title publishedOn }";
const FUZZY = "{ iso precision year month day note }";
const PERSON = "{ name role organisation party basis }";

const participationRowSchema = z.object({
  id: z.string(),
  typename: z.string(),
  state: z.enum(StateCode),
  programmeId: z.string(),
  programmeKind: z.enum(ProgrammeKind),
  municipalityId: z.string(),
  municipalityName: z.string(),
  instrument: z.enum(Instrument),
  instrumentLabel: z.string().nullable(),
  agreementId: z.string(),
  signedOn: fuzzyDateSchema,
  status: z.enum(ParticipationStatus),
  endedOn: z.string().nullable(),
  partners: z.array(z.string()),
  fieldsOfAction: z.array(z.enum(FieldOfAction)),
  signatories: z.array(personSchema),
  present: z.array(personSchema),
  sources: sourcesSchema,
  sortKey: z.string(),
});
export type ContractParticipationRow = z.infer<typeof participationRowSchema>;
const PARTICIPATION_ROW = `id typename state programmeId programmeKind municipalityId municipalityName instrument instrumentLabel
  agreementId signedOn ${FUZZY} status endedOn partners fieldsOfAction signatories ${PERSON} present ${PERSON} ${SOURCE} sortKey`;

const participationPageSchema = z.object({ rows: z.array(participationRowSchema), totalCount: z.number().int() });
export type ContractParticipationPage = z.infer<typeof participationPageSchema>;

const summaryRowSchema = z.object({
  state: z.enum(StateCode).nullable(),
  programmeId: z.string().nullable(),
  year: z.number().int().nullable(),
  quarter: z.string().nullable(),
  instrument: z.enum(Instrument).nullable(),
  fieldOfAction: z.enum(FieldOfAction).nullable(),
  status: z.enum(ParticipationStatus).nullable(),
  municipalityId: z.string().nullable(),
  participations: z.number().int(),
  municipalities: z.number().int(),
  undatedParticipations: z.number().int(),
  firstSignedOn: z.string().nullable(),
  latestSignedOn: z.string().nullable(),
});
export type ContractSummaryRow = z.infer<typeof summaryRowSchema>;

const coverageRowSchema = z.object({
  municipalityId: z.string(),
  status: z.enum(ParticipationStatus),
  signedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
});
/** One distinct (municipality, status, signing date, end date) of the participations matching a filter. */
export type ContractCoverageRow = z.infer<typeof coverageRowSchema>;

const personRowSchema = personSchema.extend({
  participationId: z.string(),
  typename: z.string(),
  state: z.enum(StateCode),
  agreementId: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  signedOn: z.string().nullable(),
});
export type ContractPersonRow = z.infer<typeof personRowSchema>;

const programmeRowSchema = z.object({
  id: z.string(),
  state: z.enum(StateCode),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(ProgrammeKind),
  responsibleMinistry: z.string().nullable(),
  coordinatingBody: z.string().nullable(),
  startOn: fuzzyDateSchema,
  sources: sourcesSchema,
});
export type ContractProgrammeRow = z.infer<typeof programmeRowSchema>;

const eventRowSchema = z.object({
  id: z.string(),
  state: z.enum(StateCode),
  programmeId: z.string(),
  date: fuzzyDateSchema,
  title: z.string(),
  eventType: z.string(),
  format: z.enum(SigningFormat).nullable(),
  place: z.string().nullable(),
  status: z.enum(EventStatus),
  participantsSummary: z.string().nullable(),
  relatedIds: z.array(z.string()),
  sources: sourcesSchema,
});
export type ContractEventRow = z.infer<typeof eventRowSchema>;

const indicatorRowSchema = z.object({
  id: z.string(),
  state: z.enum(StateCode),
  programmeId: z.string(),
  indicator: z.string(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  qualifier: z.enum(IndicatorQualifier),
  referenceOn: fuzzyDateSchema,
  note: z.string().nullable(),
  sources: sourcesSchema,
});
export type ContractIndicatorRow = z.infer<typeof indicatorRowSchema>;

const municipalityRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  ags: z.string().nullable(),
  districtName: z.string().nullable(),
  type: z.string().nullable(),
  sources: z.array(sourceSchema),
});
export type ContractMunicipalityRow = z.infer<typeof municipalityRowSchema>;

const preventionBodyRowSchema = z.object({
  id: z.string(),
  municipalityId: z.string(),
  name: z.string(),
  kind: z.string(),
  status: z.enum(PreventionBodyStatus),
  date: fuzzyDateSchema,
  note: z.string().nullable(),
  actorTypes: z.array(z.enum(ActorType)),
  sources: sourcesSchema,
});
export type ContractPreventionBodyRow = z.infer<typeof preventionBodyRowSchema>;

/** The contract's participation filter (ComparativeFilter). */
export interface ContractFilter {
  ids?: string[] | null;
  programmeIds?: string[] | null;
  programmeKinds?: string[] | null;
  instruments?: string[] | null;
  statuses?: string[] | null;
  signedFrom?: string | null;
  signedTo?: string | null;
  fieldsOfAction?: string[] | null;
  municipalityIds?: string[] | null;
}

export interface ContractEventFilter {
  from?: string | null;
  to?: string | null;
  types?: string[] | null;
  statuses?: string[] | null;
  programmeIds?: string[] | null;
}

export type ContractOrder = "SIGNED_ON" | "STATE" | "MUNICIPALITY_NAME";
export type ContractDirection = "ASC" | "DESC";
export type ContractDimension = "STATE" | "PROGRAMME" | "YEAR" | "QUARTER" | "INSTRUMENT" | "FIELD_OF_ACTION" | "STATUS" | "MUNICIPALITY" | "SIGNED_ON" | "ENDED_ON";

/** The most rows a state returns per page (the contract's MAX_PAGE_SIZE). */
export const CONTRACT_MAX_PAGE = 500;
/** The most people rows compare asks a state for (the contract's limit); grouping by person needs them all. */
export const CONTRACT_MAX_PEOPLE = 10_000;

function rowsOfState<T extends { state: StateCode }>(rows: T[], state: StateSubgraph, field: string): void {
  const stray = rows.find((r) => r.state !== state.code);
  if (stray) throw new StateUnavailableError(state.code, `answered ${field} with a row of state ${stray.state}`);
}

/** Builders for every contract root field, typed by their answers. */
export const contract = {
  participations(args: { filter?: ContractFilter | null; orderBy: ContractOrder; direction: ContractDirection; first: number; after?: { sortKey: string; id: string } | null }): ContractCall<ContractParticipationPage> {
    return call(
      "_comparativeParticipations",
      {
        filter: { type: "ComparativeFilter", value: args.filter ?? undefined },
        orderBy: { type: "String!", value: args.orderBy },
        direction: { type: "String!", value: args.direction },
        first: { type: "Int!", value: args.first },
        after: { type: "ComparativeCursor", value: args.after ?? undefined },
      },
      `{ totalCount rows { ${PARTICIPATION_ROW} } }`,
      participationPageSchema,
      (page, state) => {
        rowsOfState(page.rows, state, "_comparativeParticipations");
        const typename = page.rows.find((r) => !state.participationTypes.includes(r.typename));
        if (typename) throw new StateUnavailableError(state.code, `answered with participation type ${typename.typename}, which its registry entry does not list`);
      },
    );
  },
  summary(filter: ContractFilter | null, groupBy: ContractDimension[]): ContractCall<ContractSummaryRow[]> {
    return call(
      "_comparativeSummary",
      { filter: { type: "ComparativeFilter", value: filter ?? undefined }, groupBy: { type: "[String!]!", value: groupBy } },
      "{ state programmeId year quarter instrument fieldOfAction status municipalityId participations municipalities undatedParticipations firstSignedOn latestSignedOn }",
      z.array(summaryRowSchema),
    );
  },
  /**
   * The signing and end dates of each municipality's participations under a filter, grouped in
   * the state (`_comparativeSummary` by MUNICIPALITY, STATUS, SIGNED_ON, ENDED_ON): what compare
   * needs to tell which municipalities provably took part on a day, and no more.
   */
  coverage(filter: ContractFilter | null): ContractCall<ContractCoverageRow[]> {
    return call(
      "_comparativeSummary",
      { filter: { type: "ComparativeFilter", value: filter ?? undefined }, groupBy: { type: "[String!]!", value: ["MUNICIPALITY", "STATUS", "SIGNED_ON", "ENDED_ON"] } },
      "{ municipalityId status signedOn endedOn }",
      z.array(coverageRowSchema),
    );
  },
  people(search: string | null): ContractCall<ContractPersonRow[]> {
    return call(
      "_comparativePeople",
      { search: { type: "String", value: search ?? undefined }, first: { type: "Int!", value: CONTRACT_MAX_PEOPLE } },
      "{ name role organisation party basis participationId typename state agreementId municipalityId municipalityName signedOn }",
      z.array(personRowSchema),
      (rows, state) => {
        rowsOfState(rows, state, "_comparativePeople");
        // A full answer may have been cut at the limit: report the state rather than count people short.
        if (rows.length >= CONTRACT_MAX_PEOPLE) {
          throw new StateUnavailableError(state.code, `has ${CONTRACT_MAX_PEOPLE} or more people rows for this search; counts per person would be incomplete (narrow the search)`);
        }
      },
    );
  },
  programmes(): ContractCall<ContractProgrammeRow[]> {
    return call("_comparativeProgrammes", {}, `{ id state name shortName kind responsibleMinistry coordinatingBody startOn ${FUZZY} ${SOURCE} }`, z.array(programmeRowSchema), (rows, state) =>
      rowsOfState(rows, state, "_comparativeProgrammes"),
    );
  },
  events(filter: ContractEventFilter | null): ContractCall<ContractEventRow[]> {
    return call(
      "_comparativeEvents",
      { filter: { type: "ComparativeEventFilter", value: filter ?? undefined } },
      `{ id state programmeId date ${FUZZY} title eventType format place status participantsSummary relatedIds ${SOURCE} }`,
      z.array(eventRowSchema),
      (rows, state) => rowsOfState(rows, state, "_comparativeEvents"),
    );
  },
  indicators(programmeId: string | null, indicator: string | null): ContractCall<ContractIndicatorRow[]> {
    return call(
      "_comparativeIndicators",
      { programmeId: { type: "String", value: programmeId ?? undefined }, indicator: { type: "String", value: indicator ?? undefined } },
      `{ id state programmeId indicator label value unit qualifier referenceOn ${FUZZY} note ${SOURCE} }`,
      z.array(indicatorRowSchema),
      (rows, state) => rowsOfState(rows, state, "_comparativeIndicators"),
    );
  },
  municipalities(ids: string[]): ContractCall<ContractMunicipalityRow[]> {
    return call("_comparativeMunicipalities", { ids: { type: "[ID!]", value: ids } }, `{ id name ags districtName type ${SOURCE} }`, z.array(municipalityRowSchema));
  },
  preventionBodies(municipalityIds: string[]): ContractCall<ContractPreventionBodyRow[]> {
    return call(
      "_comparativePreventionBodies",
      { municipalityIds: { type: "[ID!]", value: municipalityIds } },
      `{ id municipalityId name kind status date ${FUZZY} note actorTypes ${SOURCE} }`,
      z.array(preventionBodyRowSchema),
    );
  },
};

export interface ContractClientOptions {
  /** Per HTTP request to a state, unless `stateTimeoutsMs` names the state. */
  timeoutMs: number;
  /** Per-state overrides of `timeoutMs` (a state known to be slow, say). */
  stateTimeoutsMs?: Partial<Record<StateCode, number>>;
  /** The process's circuit breakers, one per state. */
  breakers: CircuitBreakers;
  fetch: typeof fetch;
  logger: Logger;
}

function requestIdHeader(): Record<string, string> {
  const id = currentRequestId();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}

interface GraphQLResponseBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * Sends contract calls to state subgraphs over HTTP, each state behind its circuit breaker.
 * Holds no per-request state: one instance serves every request; per-request batching and
 * deduplication live in `StateContracts`.
 */
export class ContractClient {
  constructor(private readonly options: ContractClientOptions) {}

  /** The timeout of one HTTP request to `state`, in ms. */
  timeoutFor(state: StateCode): number {
    return this.options.stateTimeoutsMs?.[state] ?? this.options.timeoutMs;
  }

  /**
   * Sends `calls` to one state in a single POST (aliases `c0`, `c1`, …) with a timeout. Each
   * result is the parsed answer or a StateUnavailableError; a call never rejects, except with
   * CallCancelledError once `signal` (the asking client went away) aborts.
   */
  async send(state: StateSubgraph, calls: readonly ContractCall<unknown>[], signal?: AbortSignal): Promise<(unknown | StateUnavailableError)[]> {
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const fields = calls.map((c, i) => {
      const args = Object.entries(c.args).map(([name, arg]) => {
        const variable = `c${i}_${name}`;
        definitions.push(`$${variable}: ${arg.type}`);
        variables[variable] = arg.value;
        return `${name}: $${variable}`;
      });
      return `c${i}: ${c.field}${args.length ? `(${args.join(", ")})` : ""} ${c.selection}`;
    });
    const query = `query Comparative${definitions.length ? `(${definitions.join(", ")})` : ""} {\n${fields.join("\n")}\n}`;

    let body: GraphQLResponseBody;
    try {
      body = await this.options.breakers.run(state.code, () => this.post(state, query, variables, signal));
    } catch (err) {
      if (err instanceof CallCancelledError) throw err;
      const failure =
        err instanceof StateUnavailableError ? err : err instanceof BreakerOpenError ? new StateUnavailableError(state.code, err.reason) : new StateUnavailableError(state.code, String(err));
      this.options.logger.warn({ state: state.code, url: state.url, reason: failure.reason }, "state subgraph unavailable");
      return calls.map(() => failure);
    }
    return calls.map((c, i) => {
      const alias = `c${i}`;
      const error = body.errors?.find((e) => e.path?.[0] === alias) ?? (body.data?.[alias] == null ? body.errors?.[0] : undefined);
      if (error || body.data?.[alias] === undefined || body.data?.[alias] === null) {
        const reason = `answered ${c.field} with an error: ${error?.message ?? "no data"}`;
        this.options.logger.warn({ state: state.code, reason }, "state subgraph error");
        return new StateUnavailableError(state.code, reason);
      }
      try {
        return c.parse(body.data[alias], state);
      } catch (err) {
        const failure = err instanceof StateUnavailableError ? err : new StateUnavailableError(state.code, String(err));
        this.options.logger.warn({ state: state.code, reason: failure.reason }, "state subgraph broke the contract");
        return failure;
      }
    });
  }

  private async post(state: StateSubgraph, query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<GraphQLResponseBody> {
    const timeoutMs = this.timeoutFor(state.code);
    const deadline = AbortSignal.timeout(timeoutMs);
    let text: string;
    let status: number;
    try {
      const response = await this.options.fetch(state.url, {
        method: "POST",
        // The request id travels on, so the state's log lines name the request they served.
        headers: { "content-type": "application/json", accept: "application/json", ...requestIdHeader() },
        body: JSON.stringify({ query, variables }),
        signal: signal ? AbortSignal.any([deadline, signal]) : deadline,
      });
      status = response.status;
      text = await response.text();
    } catch (err) {
      // Only the client's going away is not the state's fault; the deadline is.
      if (signal?.aborted && !deadline.aborted) throw new CallCancelledError(`call to ${state.code} abandoned: the client went away`);
      throw new StateUnavailableError(state.code, describe(err, timeoutMs));
    }
    let body: GraphQLResponseBody;
    try {
      body = JSON.parse(text) as GraphQLResponseBody;
    } catch {
      throw new StateUnavailableError(state.code, `HTTP ${status} without a GraphQL answer`);
    }
    if (!body || typeof body !== "object" || (body.data == null && !body.errors?.length)) {
      throw new StateUnavailableError(state.code, `HTTP ${status} without a GraphQL answer`);
    }
    if (body.data == null) throw new StateUnavailableError(state.code, `answered with an error (HTTP ${status}): ${body.errors?.[0]?.message ?? "no data"}`);
    return body;
  }
}

function describe(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return `not reachable (${e?.message ?? String(err)}${cause ? `: ${cause}` : ""})`;
}
