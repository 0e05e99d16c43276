import type { KeyObject } from "node:crypto";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { Principal } from "../server/subgraph.js";
import { StateCode } from "../vocabulary.js";
import { DEFAULT_CLOCK_TOLERANCE_SECONDS, DEFAULT_MAX_LIFETIME_SECONDS, formatLifetime, prepareKeys, stateAudience, type AuthConfig } from "./config.js";

/** Why a request could not be authenticated; carried in `extensions.reason` of the write error. */
export type AuthFailureReason =
  | "NO_KEY_CONFIGURED"
  | "MALFORMED"
  | "ALG_NOT_ALLOWED"
  | "BAD_SIGNATURE"
  | "EXPIRED"
  | "NOT_YET_VALID"
  | "ISSUED_IN_FUTURE"
  | "LIFETIME_TOO_LONG"
  | "WRONG_AUDIENCE"
  | "WRONG_ISSUER"
  | "INVALID_CLAIMS";

/** A token (or the lack of a verification key) that makes writes impossible; reads still work. */
export class AuthError extends Error {
  override name = "AuthError";
  constructor(
    readonly reason: AuthFailureReason,
    message: string,
  ) {
    super(message);
  }
}

export interface AuthResult {
  principal: Principal | null;
  authError: Error | null;
}

/** Verifies the raw `Authorization` header value of one request. */
export type Authenticator = (authorization?: string | null) => Promise<AuthResult>;

export const ROLES = ["editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const ANONYMOUS: AuthResult = { principal: null, authError: null };

/**
 * Creates the per-subgraph token verifier. A missing header is anonymous (reads are public).
 * A header that cannot be verified yields `authError` with a precise reason, never an
 * exception, so reads still work and only writes refuse. Only signed tokens are accepted:
 * HS256 against each configured secret (newest first), asymmetric algorithms against the
 * configured public keys; `alg: none` never. A token must carry `iat` and `exp`, be valid for
 * no longer than the configured maximum lifetime, not be issued in the future (beyond the clock
 * tolerance), and carry this subgraph's audience. When no key is configured at all, every
 * request carries a NO_KEY_CONFIGURED authError, so a write says why it cannot succeed.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const keys = prepareKeys(config);
  const clockTolerance = config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const maxLifetime = config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const noKey = new AuthError(
    "NO_KEY_CONFIGURED",
    "no token verification key is configured on this subgraph (set AUTH_JWT_SECRETS or AUTH_JWT_PUBLIC_KEYS), so writes are disabled",
  );
  const configured = keys.secrets.length > 0 || keys.publicKeys.length > 0;

  return async (authorization) => {
    if (!configured) return { principal: null, authError: noKey };
    if (authorization === undefined || authorization === null || authorization.trim() === "") return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!match) return fail("MALFORMED", "the Authorization header must be `Bearer <token>`");
    const token = match[1]!;

    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      return fail("MALFORMED", "the bearer token is not a well-formed JWT");
    }
    if (!alg || alg.toLowerCase() === "none") return fail("ALG_NOT_ALLOWED", "unsigned tokens (alg none) are not accepted");

    const candidates: Uint8Array[] | KeyObject[] =
      alg === "HS256" ? keys.secrets : keys.publicKeys.filter((k) => k.algorithm === alg).map((k) => k.key);
    if (candidates.length === 0) {
      return fail("ALG_NOT_ALLOWED", `tokens signed with ${alg} are not accepted here (no matching key is configured)`);
    }

    for (const key of candidates) {
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms: [alg],
          issuer: config.issuer,
          audience: config.audience,
          requiredClaims: ["exp", "iat", "sub"],
          clockTolerance,
          // Also makes jose refuse an `iat` in the future (beyond the tolerance) and one older than the maximum lifetime.
          maxTokenAge: maxLifetime,
        });
        if (payload.exp! - payload.iat! > maxLifetime) {
          return fail("LIFETIME_TOO_LONG", `the token is valid for longer (exp - iat) than the ${formatLifetime(maxLifetime)} this subgraph accepts; issue a shorter-lived one`);
        }
        return principalOf(payload);
      } catch (err) {
        // Another configured key may still match (rotation): only a signature mismatch moves on.
        if (err instanceof joseErrors.JWSSignatureVerificationFailed) continue;
        return { principal: null, authError: describe(err, config) };
      }
    }
    return fail("BAD_SIGNATURE", "the token signature does not match any configured key (tampered, or signed with another key)");
  };
}

function fail(reason: AuthFailureReason, message: string): AuthResult {
  return { principal: null, authError: new AuthError(reason, message) };
}

function principalOf(payload: JWTPayload): AuthResult {
  const state = payload.state;
  const role = payload.role;
  if (typeof payload.sub !== "string" || payload.sub.trim() === "") return fail("INVALID_CLAIMS", "the token has no subject (sub)");
  // Claim values are not repeated in messages: whatever a token carries is the caller's input.
  if (typeof state !== "string" || !(Object.values(StateCode) as string[]).includes(state)) {
    return fail("INVALID_CLAIMS", `the token's state claim is not one of ${Object.values(StateCode).join(", ")}`);
  }
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) {
    return fail("INVALID_CLAIMS", `the token's role claim is not one of ${ROLES.join(", ")}`);
  }
  return { principal: { subject: payload.sub, state, role: role as Role }, authError: null };
}

function describe(err: unknown, config: AuthConfig): AuthError {
  if (err instanceof joseErrors.JWTExpired) {
    if (err.claim === "iat") return new AuthError("EXPIRED", "the token was issued longer ago than the maximum lifetime this subgraph accepts");
    const exp = typeof err.payload.exp === "number" ? ` at ${new Date(err.payload.exp * 1000).toISOString()}` : "";
    return new AuthError("EXPIRED", `the token expired${exp}`);
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === "aud") return wrongAudience(err.payload.aud, config.audience);
    if (err.claim === "iss") return new AuthError("WRONG_ISSUER", `the token's issuer is not ${JSON.stringify(config.issuer)}`);
    if (err.claim === "nbf") return new AuthError("NOT_YET_VALID", "the token is not valid yet (nbf)");
    if (err.claim === "iat" && err.reason === "check_failed") {
      return new AuthError("ISSUED_IN_FUTURE", `the token's issue time (iat) lies in the future, beyond the ${config.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS} s of clock skew tolerated`);
    }
    return new AuthError("INVALID_CLAIMS", `the token's ${err.claim} claim is ${err.reason === "missing" ? "missing" : "invalid"}`);
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AuthError("ALG_NOT_ALLOWED", "the token's algorithm is not accepted");
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) {
    return new AuthError("MALFORMED", "the bearer token is not a well-formed JWT");
  }
  return new AuthError("MALFORMED", `the bearer token could not be verified (${(err as Error).message})`);
}

/**
 * WRONG_AUDIENCE, naming another state when the token was issued for one (a token that
 * travelled), without repeating any other audience the token carries.
 */
function wrongAudience(aud: unknown, expected: string): AuthError {
  const audiences = Array.isArray(aud) ? aud : [aud];
  const otherState = Object.values(StateCode).find((state) => stateAudience(state) !== expected && audiences.includes(stateAudience(state)));
  const whose = otherState ? `issued for another state's subgraph (${stateAudience(otherState)})` : "for another audience";
  return new AuthError("WRONG_AUDIENCE", `the token is ${whose}; this subgraph accepts only the audience ${JSON.stringify(expected)}`);
}
