import { createPrivateKey, randomBytes, type KeyObject } from "node:crypto";
import { SignJWT } from "jose";
import { StateCode } from "../vocabulary.js";
import { algorithmOfKey, MIN_SECRET_LENGTH } from "./config.js";
import { ROLES, type Role } from "./authenticator.js";

export interface IssueTokenOptions {
  /** HS256 secret (at least 32 characters). Give this or `privateKey`. */
  secret?: string;
  /** PKCS#8 PEM private key (or a KeyObject); the algorithm follows from the key type. */
  privateKey?: string | KeyObject;
  state: StateCode | string;
  role: Role;
  subject: string;
  /** Lifetime: seconds, or a span such as `30d`, `8h`, `15m`. Every token expires. */
  expiresIn: string | number;
  issuer?: string;
  audience?: string;
  /** Issue time (tests); defaults to now. */
  now?: Date;
}

/**
 * Issues a signed bearer token with the claims a subgraph checks: `sub`, `state`, `role`,
 * `iss`, `aud`, `iat` and `exp`. HS256 with a secret, or RS256/PS256/ES256/ES384/ES512/EdDSA
 * with a private key.
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
    if (options.secret.length < MIN_SECRET_LENGTH) throw new Error(`the secret must have at least ${MIN_SECRET_LENGTH} characters`);
    key = new TextEncoder().encode(options.secret);
    alg = "HS256";
  } else {
    key = typeof options.privateKey === "string" ? createPrivateKey(options.privateKey) : options.privateKey!;
    alg = algorithmOfKey(key, "private key");
  }
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const exp = typeof options.expiresIn === "number" ? iat + options.expiresIn : options.expiresIn;
  return new SignJWT({ state: options.state, role: options.role })
    .setProtectedHeader({ alg, typ: "JWT" })
    .setSubject(options.subject)
    .setIssuer(options.issuer ?? "laenderhub")
    .setAudience(options.audience ?? "laenderhub")
    .setIssuedAt(iat)
    .setExpirationTime(typeof exp === "number" ? exp : relativeTo(iat, exp))
    .sign(key);
}

// jose resolves a span like "30d" against the wall clock; with an explicit `now` it must be
// resolved against that instead, so the span is converted here.
function relativeTo(iat: number, span: string): number {
  const m = /^(-)?\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|y|yr|yrs|years?)$/i.exec(span.trim());
  if (!m) throw new Error(`cannot read the lifetime ${JSON.stringify(span)}; use e.g. 3600, 15m, 8h, 30d`);
  const unit = m[3]!.toLowerCase();
  const factor = unit.startsWith("s") ? 1 : unit.startsWith("mi") || unit === "m" ? 60 : unit.startsWith("h") ? 3600 : unit.startsWith("d") ? 86400 : unit.startsWith("w") ? 604800 : 31557600;
  const seconds = Math.round(Number(m[2]) * factor);
  return iat + (m[1] ? -seconds : seconds);
}

/** A fresh random HS256 secret (48 random bytes, base64url: 64 characters). */
export function generateSecret(): string {
  return randomBytes(48).toString("base64url");
}
