import { createPublicKey, type KeyObject } from "node:crypto";
import { ConfigError } from "../config.js";
import type { Logger } from "../logger.js";
import { StateCode } from "../vocabulary.js";
import { isCommittedSecret } from "./known-secrets.js";

/** Algorithms accepted for asymmetric keys, by key type. `none` is never accepted. */
export type AsymmetricAlgorithm = "RS256" | "PS256" | "ES256" | "ES384" | "ES512" | "EdDSA";

/** HS256 is only as strong as its secret: a secret must be able to carry this many random bits. */
export const MIN_SECRET_BITS = 256;

/** A secret that uses fewer distinct characters than this is a placeholder, not a random string. */
export const MIN_SECRET_DISTINCT_CHARACTERS = 10;

/** The longest a token may be valid (exp - iat) unless AUTH_JWT_MAX_LIFETIME says otherwise: 8 hours. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 8 * 3600;

/** Clock skew tolerated between the token issuer and a subgraph, unless configured otherwise. */
export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

/** Logged at start by a state whose environment holds no key: it serves reads and refuses every write. */
export const READ_ONLY_WARNING = "no AUTH_JWT_SECRETS or AUTH_JWT_PUBLIC_KEYS: this subgraph is read-only, every write is refused";

/**
 * How a subgraph verifies bearer tokens. Rotation: put the new secret (or key) first, re-issue
 * tokens, and drop the old one once the tokens signed with it have expired.
 */
export interface AuthConfig {
  /** HS256 secrets, newest first. */
  secrets: string[];
  /** SPKI PEM public keys for RS256/PS256/ES256/ES384/ES512/EdDSA tokens. */
  publicKeys: string[];
  /** Expected `iss` claim. */
  issuer: string;
  /** Expected `aud` claim: the state's own audience (`stateAudience`), so no token travels between states. */
  audience: string;
  /** Allowed clock skew between issuer and subgraph, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Longest accepted lifetime `exp - iat`, in seconds (default 8 h). */
  maxLifetimeSeconds?: number;
}

/** The env variables of `subgraphEnvSchema` that configure authentication. */
export interface AuthEnv {
  AUTH_JWT_SECRETS?: string | undefined;
  AUTH_JWT_PUBLIC_KEYS?: string | undefined;
  AUTH_JWT_ISSUER?: string | undefined;
  AUTH_JWT_AUDIENCE?: string | undefined;
  AUTH_JWT_MAX_LIFETIME?: string | undefined;
}

/**
 * The audience of a state's tokens: `laenderhub:SL`, `laenderhub:SN`, `laenderhub:ST`. Each state
 * subgraph accepts only its own, so a token that reaches another state's server (a log, a proxy,
 * a shared key) is refused there.
 */
export function stateAudience(state: StateCode | string): string {
  return `laenderhub:${state}`;
}

/**
 * Builds a state subgraph's AuthConfig from its environment, for main.ts. Secrets are
 * comma-separated (newest first); public keys are PEM blocks in one variable; the audience
 * defaults to the state's own (`stateAudience`). Throws one ConfigError listing every problem:
 * a secret too weak or committed to this repository, a key that does not parse, a bad maximum
 * lifetime. Without any key it logs READ_ONLY_WARNING, so a read-only state says so at start.
 */
export function authConfigFromEnv(env: AuthEnv, state: StateCode, logger: Pick<Logger, "warn">): AuthConfig {
  const problems: string[] = [];
  const secrets = splitSecrets(env.AUTH_JWT_SECRETS);
  secrets.forEach((secret, i) => {
    if (isCommittedSecret(secret)) {
      problems.push(`AUTH_JWT_SECRETS: secret #${i + 1} is a test secret committed to the laenderhub repository, so anyone can sign tokens with it; generate one with \`npm run token -- --new-secret\``);
    }
  });
  let publicKeys: string[] = [];
  try {
    publicKeys = splitPemBlocks(env.AUTH_JWT_PUBLIC_KEYS);
  } catch (err) {
    problems.push((err as Error).message);
  }
  let maxLifetimeSeconds = DEFAULT_MAX_LIFETIME_SECONDS;
  if (env.AUTH_JWT_MAX_LIFETIME !== undefined && env.AUTH_JWT_MAX_LIFETIME.trim() !== "") {
    const seconds = parseLifetime(env.AUTH_JWT_MAX_LIFETIME);
    if (seconds === null || seconds <= 0) problems.push("AUTH_JWT_MAX_LIFETIME: must be a positive number of seconds or a span such as 15m, 8h, 1d");
    else maxLifetimeSeconds = seconds;
  }
  const config: AuthConfig = {
    secrets,
    publicKeys,
    issuer: env.AUTH_JWT_ISSUER || "laenderhub",
    audience: env.AUTH_JWT_AUDIENCE || stateAudience(state),
    maxLifetimeSeconds,
  };
  try {
    prepareKeys(config);
  } catch (err) {
    problems.push(...(err as Error).message.split("\n"));
  }
  if (problems.length > 0) throw new ConfigError(`invalid token configuration\n${problems.map((p) => `  ${p}`).join("\n")}`);
  if (!isAuthConfigured(config)) logger.warn(READ_ONLY_WARNING);
  return config;
}

/** True when at least one key is configured; without one, every write is refused. */
export function isAuthConfigured(config: AuthConfig): boolean {
  return config.secrets.length > 0 || config.publicKeys.length > 0;
}

/** Comma-separated secrets, trimmed, empty entries dropped. */
export function splitSecrets(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The PEM blocks in a text. Accepts keys separated by blank lines or not at all, and `\n`
 * written literally (as env files and container platforms often store multi-line values).
 */
export function splitPemBlocks(value: string | undefined): string[] {
  if (!value) return [];
  const text = value.replace(/\\n/g, "\n");
  const blocks = text.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.length === 0 && text.trim() !== "") throw new ConfigError("AUTH_JWT_PUBLIC_KEYS: no PEM block (-----BEGIN PUBLIC KEY-----) found");
  return blocks;
}

export interface PreparedKeys {
  secrets: Uint8Array[];
  publicKeys: Array<{ key: KeyObject; algorithm: AsymmetricAlgorithm }>;
}

/**
 * Decodes the configured keys once, at start; throws ConfigError naming every weak secret and
 * bad key. Secrets are measured by `secretStrengthProblem`; the secret is used as its UTF-8
 * bytes, as issued by `npm run token`, whatever text encoding it is written in.
 */
export function prepareKeys(config: AuthConfig): PreparedKeys {
  const problems: string[] = [];
  const encoder = new TextEncoder();
  const secrets = config.secrets.map((secret, i) => {
    const problem = secretStrengthProblem(secret);
    if (problem) problems.push(`AUTH_JWT_SECRETS: secret #${i + 1} ${problem}`);
    return encoder.encode(secret);
  });
  const publicKeys: PreparedKeys["publicKeys"] = [];
  config.publicKeys.forEach((pem, i) => {
    try {
      const key = createPublicKey(pem);
      publicKeys.push({ key, algorithm: algorithmOfKey(key, `AUTH_JWT_PUBLIC_KEYS: key #${i + 1}`) });
    } catch (err) {
      problems.push(err instanceof ConfigError ? err.message : `AUTH_JWT_PUBLIC_KEYS: key #${i + 1} is not a valid public key (${(err as Error).message})`);
    }
  });
  if (problems.length > 0) throw new ConfigError(problems.join("\n"));
  return { secrets, publicKeys };
}

/**
 * The most random bits a secret can carry, judged by its alphabet: a hex string 4 per
 * character, a base64 or base64url string 6 per character (padding not counted), any other
 * text 8 per UTF-8 byte. So at least 64 hex characters, 43 base64 characters, or 32 bytes of
 * other text. An upper bound: no check can tell a random string from a chosen one.
 */
export function secretBits(secret: string): number {
  if (/^[0-9a-fA-F]+$/.test(secret)) return secret.length * 4;
  const unpadded = secret.replace(/={1,2}$/, "");
  if (/^[A-Za-z0-9+/_-]+$/.test(unpadded)) return unpadded.length * 6;
  return Buffer.byteLength(secret, "utf8") * 8;
}

/**
 * Why an HS256 secret is too weak, or null: it cannot carry MIN_SECRET_BITS (256) random bits,
 * or it repeats so few characters that it is a placeholder. Never includes the secret itself.
 */
export function secretStrengthProblem(secret: string): string | null {
  const bits = secretBits(secret);
  if (bits < MIN_SECRET_BITS) {
    return `can carry at most ${bits} random bits (hex counts 4 bits a character, base64 6, other text 8 a byte); at least ${MIN_SECRET_BITS} are required (32 random bytes): generate one with \`npm run token -- --new-secret\``;
  }
  if (new Set(secret).size < MIN_SECRET_DISTINCT_CHARACTERS) {
    return `uses fewer than ${MIN_SECRET_DISTINCT_CHARACTERS} distinct characters, so it is not random: generate one with \`npm run token -- --new-secret\``;
  }
  return null;
}

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 };

/**
 * A lifetime in seconds from `3600` or a span such as `15m`, `8h`, `30d` (units s, m, h, d, w,
 * y and their long forms); null when it cannot be read. Negative spans (`-1h`) are allowed, for
 * tokens issued in the past by tests.
 */
export function parseLifetime(text: string): number | null {
  const m = /^(-)?\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?|y|yr|yrs|years?)?$/i.exec(text.trim());
  if (!m) return null;
  const unit = (m[3] ?? "s").toLowerCase();
  const factor = unit.startsWith("mi") || unit === "m" ? SECONDS_PER_UNIT.m! : SECONDS_PER_UNIT[unit[0]!]!;
  const seconds = Math.round(Number(m[2]) * factor);
  return m[1] ? -seconds : seconds;
}

/** A lifetime in seconds as a short human span (`8h`, `90m`, `45s`), for messages. */
export function formatLifetime(seconds: number): string {
  if (seconds % 86400 === 0) return `${seconds / 86400}d`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * The JWS algorithm that goes with a key: RSA → RS256, EC by curve → ES256/384/512,
 * Ed25519 → EdDSA. RSA-PSS keys → PS256.
 */
export function algorithmOfKey(key: KeyObject, what = "key"): AsymmetricAlgorithm {
  switch (key.asymmetricKeyType) {
    case "rsa":
      return "RS256";
    case "rsa-pss":
      return "PS256";
    case "ed25519":
      return "EdDSA";
    case "ec": {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === "prime256v1" || curve === "P-256") return "ES256";
      if (curve === "secp384r1" || curve === "P-384") return "ES384";
      if (curve === "secp521r1" || curve === "P-521") return "ES512";
      throw new ConfigError(`${what}: unsupported EC curve ${curve ?? "(unknown)"}`);
    }
    default:
      throw new ConfigError(`${what}: unsupported key type ${key.asymmetricKeyType ?? "(symmetric)"}`);
  }
}
