import { ErrorCode, LaenderhubError } from "@laenderhub/shared";
import { Kind, valueFromASTUntyped, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

/** What one request may cost compare: calls to the states' contracts and rows served. */
export interface BudgetLimits {
  /** Contract calls (aliased root fields sent to the states) per request. */
  maxContractCalls: number;
  /** Rows (participations, people, programmes, events, indicators, municipalities) per request. */
  maxRows: number;
}

/**
 * Far above the queries of the README and the tests (the partial-failure test's query costs 21
 * contract calls; `people(first: 200)` with every agreement's participations and their
 * municipalities' participations serves 521 rows), far below what hurts: 1,000 `comparison`
 * aliases are 15,000 calls, and districts and participations nested four times, 34,131 rows.
 */
export const DEFAULT_BUDGET: BudgetLimits = { maxContractCalls: 300, maxRows: 10_000 };

type BudgetKind = "contractCalls" | "rows";
const WORDS: Record<BudgetKind, { noun: string; variable: string }> = {
  contractCalls: { noun: "contract calls to the states", variable: "MAX_CONTRACT_CALLS_PER_REQUEST" },
  rows: { noun: "rows", variable: "MAX_ROWS_PER_REQUEST" },
};

/** The BUDGET_EXCEEDED error: which budget, its limit, never the query. */
export function budgetExceeded(kind: BudgetKind, limit: number, when: "estimated" | "spent"): LaenderhubError {
  const { noun, variable } = WORDS[kind];
  return new LaenderhubError(
    ErrorCode.BUDGET_EXCEEDED,
    `This request ${when === "estimated" ? "would need" : "needed"} more than ${limit} ${noun}, the limit per request (${variable}); ` +
      "split it into smaller requests (fewer aliases, smaller pages, less nesting)",
    // 200 like any GraphQL answer with errors, so that the gateway passes the code on.
    { budget: kind, limit, http: { status: 200 } },
  );
}

/**
 * The spending of one request. Contract calls are counted before they are sent, rows as
 * resolvers return them; once a budget is spent every further call and row is refused, and the
 * response plugin answers with the BUDGET_EXCEEDED error alone instead of a partial answer.
 */
export class RequestBudget {
  private calls = 0;
  private rowCount = 0;
  /** The error that ended the request, once a budget is spent. */
  exceeded: LaenderhubError | null = null;

  constructor(readonly limits: BudgetLimits) {}

  /** Spends `n` contract calls; throws BUDGET_EXCEEDED when that goes over the limit. */
  spendCalls(n: number): void {
    this.check();
    this.calls += n;
    if (this.calls > this.limits.maxContractCalls) this.fail("contractCalls");
  }

  /** Counts `list` as rows served and returns it; throws BUDGET_EXCEEDED when over the limit. */
  rows<T>(list: T[]): T[] {
    this.check();
    this.rowCount += list.length;
    if (this.rowCount > this.limits.maxRows) this.fail("rows");
    return list;
  }

  /** Throws the BUDGET_EXCEEDED error once a budget is spent. */
  check(): void {
    if (this.exceeded) throw this.exceeded;
  }

  private fail(kind: BudgetKind): never {
    this.exceeded = budgetExceeded(kind, kind === "rows" ? this.limits.maxRows : this.limits.maxContractCalls, "spent");
    throw this.exceeded;
  }
}

/** Contract calls per state of a comparative field, by parent type and field name. */
const CALLS_PER_STATE: Record<string, number> = {
  "Query.participations": 1,
  "Query.comparison": 5,
  "Query.people": 1,
  "Query.programmes": 1,
  "Query.events": 1,
  "Query.indicators": 1,
  "State.programmes": 1,
  // Nested lists are batched per request: one call per state and occurrence, whatever the list.
  "Municipality.participations": 1,
  "Municipality.preventionBodies": 1,
  "District.participations": 1,
  "PersonAgreement.participations": 1,
  "PersonAgreement.sources": 1,
};

/** Row lists whose size the operation states (`first`), with their schema default. */
const PAGED: Record<string, number> = {
  "Query.participations": 50,
  "Query.people": 50,
  "Query.municipalities": 50,
};

/** A type with fields (object or interface). */
interface Composite {
  name: string;
  getFields(): Record<string, GraphQLField<unknown, unknown>>;
}

// Structural checks rather than graphql-js's instanceof helpers: type-graphql may load another
// copy of graphql (CommonJS next to ESM), whose types fail those checks.
function composite(type: unknown): Composite | null {
  let t = type as { ofType?: unknown; getFields?: unknown } | null | undefined;
  while (t && t.ofType) t = t.ofType as typeof t;
  return t && typeof t.getFields === "function" && !("parseValue" in t) ? (t as unknown as Composite) : null;
}

/** What an operation will cost at least, known from its text before any work. */
export interface BudgetEstimate {
  contractCalls: number;
  rows: number;
}

/**
 * Estimates an operation's cost from its fields, aliases and page sizes: every occurrence of
 * a comparative field costs its contract calls times the number of states (aliases are counted
 * one by one), and a page of `first` rows inside another page counts `first` times per row of
 * the outer one. Lists without a stated size (a district's participations) are counted while
 * they are served.
 */
export function estimateOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  states: number,
): BudgetEstimate {
  const estimate: BudgetEstimate = { contractCalls: 0, rows: 0 };
  const root = operation.operation === "query" ? composite(schema.getQueryType()) : null;
  if (!root) return estimate;
  // Fragments are inlined as they are met; one visited set per path stops a cycle.
  const walk = (selectionSet: SelectionSetNode, parent: Composite, multiplier: number, visiting: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const type = composite(schema.getType(fragment.typeCondition.name.value));
        if (type) walk(fragment.selectionSet, type, multiplier, new Set([...visiting, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? composite(schema.getType(selection.typeCondition.name.value)) : parent;
        if (type) walk(selection.selectionSet, type, multiplier, visiting);
        continue;
      }
      const field = parent.getFields()[selection.name.value];
      if (!field) continue;
      const key = `${parent.name}.${field.name}`;
      estimate.contractCalls += (CALLS_PER_STATE[key] ?? 0) * states;
      let inner = multiplier;
      if (PAGED[key] !== undefined) {
        const arg = selection.arguments?.find((a) => a.name.value === "first");
        const first = arg ? Number(valueFromASTUntyped(arg.value, variables)) : PAGED[key];
        const size = Number.isFinite(first) && first > 0 ? first : PAGED[key];
        inner = multiplier * size;
        estimate.rows += inner;
      }
      const type = composite(field.type);
      if (selection.selectionSet && type) walk(selection.selectionSet, type, inner, visiting);
    }
  };
  walk(operation.selectionSet, root, 1, new Set());
  return estimate;
}
