import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode } from "@laenderhub/shared";
import type { GraphQLFormattedError } from "graphql";
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
 * Completes every response: when states failed during the request, appends ONE
 * STATE_UNAVAILABLE error naming them (the data holds what the other states answered).
 */
export function compareResponsePlugin(): ApolloServerPlugin<CompareContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const failures = contextValue?.stateFailures?.list() ?? [];
          if (failures.length) result.errors = [...(result.errors ?? []), stateUnavailableError(failures)];
        },
      };
    },
  };
}
