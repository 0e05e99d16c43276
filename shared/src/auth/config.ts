import { createPublicKey, type KeyObject } from "node:crypto";
import { ConfigError } from "../config.js";

/** Algorithms accepted for asymmetric keys, by key type. `none` is never accepted. */
export type AsymmetricAlgorithm = "RS256" | "PS256" | "ES256" | "ES384" | "ES512" | "EdDSA";

/** HMAC secrets shorter than this are refused: HS256 is only as strong as its secret. */
export const MIN_SECRET_LENGTH = 32;

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
  /** Expected `aud` claim. */
  audience: string;
  /** Allowed clock skew between issuer and subgraph, in seconds (default 30). */
  clockToleranceSeconds?: number;
}

/** The env variables of `subgraphEnvSchema` that configure authentication. */
export interface AuthEnv {
  AUTH_JWT_SECRETS?: string | undefined;
  AUTH_JWT_PUBLIC_KEYS?: string | undefined;
  AUTH_JWT_ISSUER?: string | undefined;
  AUTH_JWT_AUDIENCE?: string | undefined;
}

/**
 * Builds the AuthConfig from a subgraph's parsed environment. Secrets are comma-separated
 * (newest first); public keys are PEM blocks in one variable. Throws ConfigError for a secret
 * that is too short or a key that does not parse, so a bad deployment fails on start.
 */
export function authConfigFromEnv(env: AuthEnv): AuthConfig {
  const config: AuthConfig = {
    secrets: splitSecrets(env.AUTH_JWT_SECRETS),
    publicKeys: splitPemBlocks(env.AUTH_JWT_PUBLIC_KEYS),
    issuer: env.AUTH_JWT_ISSUER || "laenderhub",
    audience: env.AUTH_JWT_AUDIENCE || "laenderhub",
  };
  prepareKeys(config);
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

/** Decodes the configured keys once, at start; throws ConfigError on a weak secret or bad key. */
export function prepareKeys(config: AuthConfig): PreparedKeys {
  const encoder = new TextEncoder();
  const secrets = config.secrets.map((secret, i) => {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new ConfigError(`AUTH_JWT_SECRETS: secret #${i + 1} has ${secret.length} characters; at least ${MIN_SECRET_LENGTH} are required`);
    }
    return encoder.encode(secret);
  });
  const publicKeys = config.publicKeys.map((pem, i) => {
    let key: KeyObject;
    try {
      key = createPublicKey(pem);
    } catch (err) {
      throw new ConfigError(`AUTH_JWT_PUBLIC_KEYS: key #${i + 1} is not a valid public key (${(err as Error).message})`);
    }
    return { key, algorithm: algorithmOfKey(key, `AUTH_JWT_PUBLIC_KEYS: key #${i + 1}`) };
  });
  return { secrets, publicKeys };
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
