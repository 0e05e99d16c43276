import { ErrorCode, LaenderhubError } from "../errors.js";
import type { BaseContext, Principal } from "../server/subgraph.js";
import { AuthError } from "./authenticator.js";

/** The part of a resolver context that authorisation reads. */
export type AuthContext = Pick<BaseContext, "principal" | "authError">;

/**
 * Guards a write: returns the calling editor of `state`, or throws a LaenderhubError:
 * UNAUTHENTICATED (HTTP 401) when no token was sent or it could not be verified (with the
 * reason in `extensions.reason`), FORBIDDEN (HTTP 403) for a viewer or another state's editor.
 * Call it first in every mutation, before validation and before any SQL.
 */
export function requireEditor(ctx: AuthContext, state: string): Principal {
  if (ctx.authError) {
    const reason = ctx.authError instanceof AuthError ? ctx.authError.reason : "INVALID";
    throw new LaenderhubError(ErrorCode.UNAUTHENTICATED, `Not authenticated: ${ctx.authError.message}`, { reason });
  }
  const principal = ctx.principal;
  if (!principal) {
    throw new LaenderhubError(
      ErrorCode.UNAUTHENTICATED,
      `Not authenticated: writes need an editor token of ${state} (Authorization: Bearer <token>)`,
      { reason: "NO_TOKEN" },
    );
  }
  if (principal.state !== state) {
    throw new LaenderhubError(
      ErrorCode.FORBIDDEN,
      `Forbidden: ${principal.subject} is a ${principal.role} of ${principal.state} and may not change records of ${state}`,
      { reason: "OTHER_STATE" },
    );
  }
  if (principal.role !== "editor") {
    throw new LaenderhubError(ErrorCode.FORBIDDEN, `Forbidden: ${principal.subject} is a ${principal.role} of ${state}; writes need the editor role`, {
      reason: "NOT_EDITOR",
    });
  }
  return principal;
}
