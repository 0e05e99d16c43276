import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "@laenderhub/shared";
import type { GraphQLFormattedError, GraphQLSchema } from "graphql";
import { budgetExceeded, estimateOperation } from "../comparative/budget.js";
import type { CompareContext } from "../context.js";

/** The error entry that names the states missing from an answer. */
export function stateUnavailableError(failures: ReturnType<CompareContext["stateFailures"]["list"]>): GraphQLFormattedError {
  return {
    message: `No answer from ${failures.map((f) => `${f.name} (${f.state})`).join(", ")}: the result holds only the states that answered`,
    extensions: {
      code: ErrorCode.STATE_UNAVAILABLE,
      states: failures.map((f) => f.state),
      reasons: Object.fromEntries(failures.map((f) => [f.state, f.reason])),
    },
  };
}

/**
 * Guards and completes every request. Before any work, refuses an operation whose fields,
 * aliases and page sizes already exceed the request budget (BUDGET_EXCEEDED). When a budget is
 * spent while resolving, answers with that error alone rather than a cut-off answer. When
 * states failed, appends ONE STATE_UNAVAILABLE error naming them (the data holds what the
 * other states answered).
 */
export function compareResponsePlugin(options: { schema: GraphQLSchema; states: number }): ApolloServerPlugin<CompareContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d] as const] : [])),
          );
          const estimate = estimateOperation(options.schema, operation, fragments, request.variables ?? {}, options.states);
          const limits = contextValue.budget.limits;
          if (estimate.contractCalls > limits.maxContractCalls) throw budgetExceeded("contractCalls", limits.maxContractCalls, "estimated");
          if (estimate.rows > limits.maxRows) throw budgetExceeded("rows", limits.maxRows, "estimated");
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const spent = contextValue?.budget?.exceeded;
          if (spent) {
            // The work stopped at the limit: what was resolved so far is no answer to the query.
            delete result.data;
            result.errors = [{ message: spent.message, extensions: { code: ErrorCode.BUDGET_EXCEEDED, budget: spent.extensions.budget, limit: spent.extensions.limit } }];
            return;
          }
          const failures = contextValue?.stateFailures?.list() ?? [];
          if (failures.length) result.errors = [...(result.errors ?? []), stateUnavailableError(failures)];
        },
      };
    },
  };
}
