import { createPrivateKey, randomBytes, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { StateCode } from "../vocabulary.js";
import { algorithmOfKey, DEFAULT_MAX_LIFETIME_SECONDS, formatLifetime, parseLifetime, secretStrengthProblem, stateAudience } from "./config.js";
import { ROLES, type Role } from "./authenticator.js";

export interface IssueTokenOptions {
  /** HS256 secret (able to carry 256 random bits, see `secretStrengthProblem`). Give this or `privateKey`. */
  secret?: string;
  /** PKCS#8 PEM private key (or a KeyObject); the algorithm follows from the key type. */
  privateKey?: string | KeyObject;
  state: StateCode | string;
  role: Role;
  subject: string;
  /** Lifetime: seconds, or a span such as `8h`, `15m`. Every token expires. */
  expiresIn: string | number;
  /** Longest lifetime this issuer hands out, in seconds (default 8 h, as the subgraphs accept). */
  maxLifetimeSeconds?: number;
  issuer?: string;
  /** Default: the state's own audience, `stateAudience(state)` (e.g. `laenderhub:SL`). */
  audience?: string;
  /** Issue time (tests); defaults to now. */
  now?: Date;
}

/**
 * Issues a signed bearer token with the claims a subgraph checks: `sub`, `state`, `role`,
 * `iss`, `aud` (the state's own audience unless told otherwise), `iat` and `exp`. HS256 with a
 * secret, or RS256/PS256/ES256/ES384/ES512/EdDSA with a private key. Refuses a lifetime longer
 * than `maxLifetimeSeconds`, since the subgraph would refuse the token anyway.
 */
export async function issueToken(options: IssueTokenOptions): Promise<string> {
  if (!(Object.values(StateCode) as string[]).includes(options.state)) {
    throw new Error(`unknown state ${JSON.stringify(options.state)}; expected one of ${Object.values(StateCode).join(", ")}`);
  }
  if (!(ROLES as readonly string[]).includes(options.role)) throw new Error(`unknown role ${JSON.stringify(options.role)}; expected editor or viewer`);
  if (!options.subject.trim()) throw new Error("a subject is required");
  if ((options.secret === undefined) === (options.privateKey === undefined)) throw new Error("give exactly one of secret or privateKey");

  let key: Uint8Array | KeyObject;
  let alg: string;
  if (options.secret !== undefined) {
    const problem = secretStrengthProblem(options.secret);
    if (problem) throw new Error(`the secret ${problem}`);
    key = new TextEncoder().encode(options.secret);
    alg = "HS256";
  } else {
    key = typeof options.privateKey === "string" ? createPrivateKey(options.privateKey) : options.privateKey!;
    alg = algorithmOfKey(key, "private key");
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const lifetime = typeof options.expiresIn === "number" ? options.expiresIn : parseLifetime(options.expiresIn);
  if (lifetime === null) throw new Error(`cannot read the lifetime ${JSON.stringify(options.expiresIn)}; use e.g. 3600, 15m, 8h`);
  const max = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  if (lifetime > max) throw new Error(`a lifetime of ${formatLifetime(lifetime)} exceeds the maximum of ${formatLifetime(max)} (AUTH_JWT_MAX_LIFETIME)`);
  return new SignJWT({ state: options.state, role: options.role })
    .setProtectedHeader({ alg, typ: "JWT" })
    .setSubject(options.subject)
    .setIssuer(options.issuer ?? "laenderhub")
    .setAudience(options.audience ?? stateAudience(options.state))
    .setIssuedAt(iat)
    .setExpirationTime(iat + lifetime)
    .sign(key);
}

/** A fresh random HS256 secret (48 random bytes, base64url: 64 characters). */
export function generateSecret(): string {
  return randomBytes(48).toString("base64url");
}
