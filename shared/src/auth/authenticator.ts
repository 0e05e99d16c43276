import type { KeyObject } from "node:crypto";
import { decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import type { Principal } from "../server/subgraph.js";
import { StateCode } from "../vocabulary.js";
import { prepareKeys, type AuthConfig } from "./config.js";

/** Why a request could not be authenticated; carried in `extensions.reason` of the write error. */
export type AuthFailureReason =
  | "NO_KEY_CONFIGURED"
  | "MALFORMED"
  | "ALG_NOT_ALLOWED"
  | "BAD_SIGNATURE"
  | "EXPIRED"
  | "NOT_YET_VALID"
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
 * configured public keys; `alg: none` never. When no key is configured at all, every request
 * carries a NO_KEY_CONFIGURED authError, so a write says why it cannot succeed.
 */
export function createAuthenticator(config: AuthConfig): Authenticator {
  const keys = prepareKeys(config);
  const clockTolerance = config.clockToleranceSeconds ?? 30;
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
          requiredClaims: ["exp", "sub"],
          clockTolerance,
        });
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
  if (typeof state !== "string" || !(Object.values(StateCode) as string[]).includes(state)) {
    return fail("INVALID_CLAIMS", `the token's state claim ${JSON.stringify(state ?? null)} is not one of ${Object.values(StateCode).join(", ")}`);
  }
  if (typeof role !== "string" || !(ROLES as readonly string[]).includes(role)) {
    return fail("INVALID_CLAIMS", `the token's role claim ${JSON.stringify(role ?? null)} is not one of ${ROLES.join(", ")}`);
  }
  return { principal: { subject: payload.sub, state, role: role as Role }, authError: null };
}

function describe(err: unknown, config: AuthConfig): AuthError {
  if (err instanceof joseErrors.JWTExpired) {
    const exp = typeof err.payload.exp === "number" ? ` at ${new Date(err.payload.exp * 1000).toISOString()}` : "";
    return new AuthError("EXPIRED", `the token expired${exp}`);
  }
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    const got = JSON.stringify(err.payload[err.claim] ?? null);
    if (err.claim === "aud") return new AuthError("WRONG_AUDIENCE", `the token audience ${got} is not ${JSON.stringify(config.audience)}`);
    if (err.claim === "iss") return new AuthError("WRONG_ISSUER", `the token issuer ${got} is not ${JSON.stringify(config.issuer)}`);
    if (err.claim === "nbf") return new AuthError("NOT_YET_VALID", "the token is not valid yet (nbf)");
    return new AuthError("INVALID_CLAIMS", `the token's ${err.claim} claim is ${err.reason === "missing" ? "missing" : "invalid"}`);
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return new AuthError("ALG_NOT_ALLOWED", "the token's algorithm is not accepted");
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) {
    return new AuthError("MALFORMED", "the bearer token is not a well-formed JWT");
  }
  return new AuthError("MALFORMED", `the bearer token could not be verified (${(err as Error).message})`);
}
