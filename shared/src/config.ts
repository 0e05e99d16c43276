import { z } from "zod";

/**
 * Parses environment variables with a zod model and reports every bad variable at once,
 * so a misconfigured deployment fails on start with one complete message.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: Record<string, string | undefined>, service: string): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new ConfigError(`${service}: invalid configuration\n${lines.join("\n")}`);
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A TCP port; 0 picks a free one (tests). */
export const portSchema = z.coerce.number().int().min(0).max(65535);

/** Environment of a state subgraph process. */
export function subgraphEnvSchema(defaultPort: number, defaultDatabase: string) {
  return z.object({
    PORT: portSchema.default(defaultPort),
    HOST: z.string().min(1).default("127.0.0.1"),
    /** SQLite file path, `:memory:`, or a postgres:// URL. */
    DATABASE_URL: z.string().min(1).default(defaultDatabase),
    /** Load the cited seed data into an empty database on first start. */
    SEED: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
    /** HS256 secrets (comma-separated, newest first) that editor tokens are signed with. */
    AUTH_JWT_SECRETS: z.string().optional(),
    /** SPKI PEM public keys (separated by a blank line) for RS256/ES256/EdDSA tokens. */
    AUTH_JWT_PUBLIC_KEYS: z.string().optional(),
    AUTH_JWT_ISSUER: z.string().default("laenderhub"),
    /** Expected `aud`; unset, the state's own (`laenderhub:SL` etc., see authConfigFromEnv). */
    AUTH_JWT_AUDIENCE: z.string().optional(),
    /** Longest token lifetime (exp - iat) accepted: seconds or a span such as 8h (default). */
    AUTH_JWT_MAX_LIFETIME: z.string().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  });
}
export type SubgraphEnv = z.infer<ReturnType<typeof subgraphEnvSchema>>;
