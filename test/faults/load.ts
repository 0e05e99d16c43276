import type { StateCode as StateCodeEnum } from "@laenderhub/shared";

/** A state's code as it appears in answers ("SL", "SN", "ST"). */
export type StateCode = `${StateCodeEnum}`;

/** The part of the federation a fault takes away: one state subgraph, or the compare subgraph. */
export type Part = { kind: "state"; code: StateCode } | { kind: "compare" };

/** One query of the load, with what a complete answer to it is. */
export interface LoadQuery {
  name: string;
  query: string;
  /**
   * Who answers it: "comparative" fields are compare's and need every state; a state
   * namespace is that state's alone (`saarland { … }`).
   */
  owner: "comparative" | StateCode;
  /** The root field, which is null when its owner is missing. */
  field: string;
  /** Whether a body (a parsed JSON object) is the whole answer: no error, nothing missing. */
  complete(body: GraphQLBody): boolean;
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const noErrors = (body: GraphQLBody) => body.errors === undefined || body.errors.length === 0;

/** The load: the two comparative fields dashboards use, and one namespace query per state. */
export const LOAD_QUERIES: readonly LoadQuery[] = [
  {
    name: "comparison",
    query: "{ comparison { states { state participations } unavailableStates { state reason } } }",
    owner: "comparative",
    field: "comparison",
    complete: (b) => noErrors(b) && b.data?.comparison?.states?.length === 3 && b.data?.comparison?.unavailableStates?.length === 0,
  },
  {
    name: "participations",
    query: "{ participations(first: 5) { totalCount unavailableStates { state } } }",
    owner: "comparative",
    field: "participations",
    complete: (b) => noErrors(b) && b.data?.participations?.totalCount > 0 && b.data?.participations?.unavailableStates?.length === 0,
  },
  {
    name: "saarland",
    query: "{ saarland { partnershipByOrdinal(n: 10) { id } } }",
    owner: "SL",
    field: "saarland",
    complete: (b) => noErrors(b) && b.data?.saarland?.partnershipByOrdinal?.id === "SL-P-10",
  },
  {
    name: "sachsen",
    query: "{ sachsen { memberships(first: 1) { totalCount } } }",
    owner: "SN",
    field: "sachsen",
    complete: (b) => noErrors(b) && b.data?.sachsen?.memberships?.totalCount > 0,
  },
  {
    name: "sachsenAnhalt",
    query: "{ sachsenAnhalt { partnerships(first: 1) { totalCount } } }",
    owner: "ST",
    field: "sachsenAnhalt",
    complete: (b) => noErrors(b) && b.data?.sachsenAnhalt?.partnerships?.totalCount > 0,
  },
];

/** How one answer is counted. */
export type Verdict =
  /** The whole answer. */
  | "complete"
  /** Not complete, and it names the missing part and nothing else. */
  | "named"
  /** A comparative or the missing part's own answer that is neither complete nor names the missing part. */
  | "unnamed"
  /** A namespace of a state that was not taken away, not answered completely. */
  | "other-state-failure"
  /** A response whose body is not well-formed JSON. */
  | "not-json"
  /** No response at all within the client's deadline, or the connection failed. */
  | "no-answer";

/** One request of the load and what came back. */
export interface Answer {
  query: LoadQuery;
  /** ms since the epoch. */
  sentAt: number;
  receivedAt: number;
  status: number | null;
  body: GraphQLBody | null;
  /** Why there is no body: "not-json" (with the start of the text) or "no-answer" (with the error). */
  failure: { kind: "not-json" | "no-answer"; detail: string } | null;
}

const names = (error: { extensions?: Record<string, unknown> }, code: StateCode): boolean => {
  const ext = error.extensions ?? {};
  const states = Array.isArray(ext.states) ? ext.states : typeof ext.state === "string" ? [ext.state] : [];
  return states.length === 1 && states[0] === code;
};

/**
 * Whether a body that is not complete says what is missing, and nothing but that: every error
 * is the missing part's unavailability (STATE_UNAVAILABLE naming exactly that state, or
 * COMPARE_UNAVAILABLE), every `unavailableStates` entry is that state, and at least one of them
 * is there. An `Internal server error`, or a state named that was not taken away, does not count.
 */
export function namesMissingPart(body: GraphQLBody, field: string, missing: Part): boolean {
  const errors = body.errors ?? [];
  const errorsName = errors.every((e) =>
    missing.kind === "compare" ? e.extensions?.code === "COMPARE_UNAVAILABLE" : e.extensions?.code === "STATE_UNAVAILABLE" && names(e, missing.code),
  );
  if (!errorsName) return false;
  const listed: unknown = body.data?.[field]?.unavailableStates;
  const entries = Array.isArray(listed) ? (listed as { state?: string }[]) : [];
  if (missing.kind === "compare") return errors.length > 0 && entries.length === 0;
  if (!entries.every((entry) => entry.state === missing.code)) return false;
  return errors.length > 0 || entries.length > 0;
}

/** The verdict on one answer while `missing` is (or was just) taken away. */
export function judge(answer: Answer, missing: Part): Verdict {
  if (answer.failure) return answer.failure.kind;
  const body = answer.body!;
  const { owner, field } = answer.query;
  if (answer.query.complete(body)) return "complete";
  if (owner === "comparative") return namesMissingPart(body, field, missing) ? "named" : "unnamed";
  if (missing.kind === "state" && missing.code === owner) {
    // The missing state's own namespace: null, with that state named.
    return body.data?.[field] == null && namesMissingPart(body, field, missing) ? "named" : "unnamed";
  }
  return "other-state-failure";
}

/** POSTs one query to the gateway and records what came back (never throws). */
export async function send(gateway: string, query: LoadQuery, timeoutMs: number): Promise<Answer> {
  const sentAt = Date.now();
  let res: Response;
  let text: string;
  try {
    res = await fetch(gateway, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: query.query }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { query, sentAt, receivedAt: Date.now(), status: null, body: null, failure: { kind: "no-answer", detail: `${e.name}: ${e.cause?.code ?? e.message}` } };
  }
  const receivedAt = Date.now();
  try {
    const body = JSON.parse(text) as unknown;
    if (body === null || typeof body !== "object" || Array.isArray(body)) throw new Error("not an object");
    return { query, sentAt, receivedAt, status: res.status, body: body as GraphQLBody, failure: null };
  } catch {
    return { query, sentAt, receivedAt, status: res.status, body: null, failure: { kind: "not-json", detail: `HTTP ${res.status}: ${text.slice(0, 200)}` } };
  }
}

/**
 * A bounded load on the gateway: `loopsPerQuery` closed loops per query of LOAD_QUERIES, each
 * sending its next request when the last one is answered, so that a state that hangs holds up
 * its own loop only and the load never exceeds `queries × loopsPerQuery` requests in flight.
 */
export class Load {
  private running = false;
  private loops: Promise<void>[] = [];
  readonly answers: Answer[] = [];

  constructor(
    private readonly gateway: string,
    private readonly options: { loopsPerQuery: number; requestTimeoutMs: number },
  ) {}

  start(): void {
    this.running = true;
    this.loops = LOAD_QUERIES.flatMap((query) =>
      Array.from({ length: this.options.loopsPerQuery }, async () => {
        while (this.running) this.answers.push(await send(this.gateway, query, this.options.requestTimeoutMs));
      }),
    );
  }

  /** Stops sending and waits for the requests in flight (each bounded by the request timeout). */
  async stop(): Promise<Answer[]> {
    this.running = false;
    await Promise.all(this.loops);
    return this.answers;
  }
}
