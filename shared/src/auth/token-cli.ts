import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { StateCode } from "../vocabulary.js";
import { ROLES, type Role } from "./authenticator.js";
import { DEFAULT_MAX_LIFETIME_SECONDS, formatLifetime, parseLifetime, splitSecrets, stateAudience } from "./config.js";
import { generateSecret, issueToken } from "./tokens.js";

/** Where the CLI writes: the token (or secret) to `out`, everything else to `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const TOKEN_CLI_USAGE = `usage: npm run token -- --state <SL|SN|ST> --role <editor|viewer> --subject <name> [--expires 8h]
                        [--secret-file <file> | --private-key-file <pem>] [--issuer <iss>] [--audience <aud>]
       npm run token -- --new-secret

Prints a signed bearer token on stdout. The HS256 secret comes from --secret-file, else
AUTH_JWT_SECRET, else the first (newest) entry of AUTH_JWT_SECRETS. --expires defaults to, and
may not exceed, AUTH_JWT_MAX_LIFETIME (default 8h), the longest lifetime the subgraphs accept.
The issuer defaults to AUTH_JWT_ISSUER, else "laenderhub"; the audience to AUTH_JWT_AUDIENCE,
else the state's own, laenderhub:<state>. --new-secret prints a fresh random secret.`;

/**
 * The token CLI for a ministry's admin: issues a token for a state and role. Returns the exit
 * code (0 ok, 1 failure, 2 usage); prints only the token on stdout so it can be piped.
 */
export async function runTokenCli(argv: string[], env: Record<string, string | undefined>, io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        state: { type: "string" },
        role: { type: "string" },
        subject: { type: "string" },
        expires: { type: "string" },
        "secret-file": { type: "string" },
        "private-key-file": { type: "string" },
        issuer: { type: "string" },
        audience: { type: "string" },
        "new-secret": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${TOKEN_CLI_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.out(`${TOKEN_CLI_USAGE}\n`);
    return 0;
  }
  if (values["new-secret"]) {
    io.out(`${generateSecret()}\n`);
    return 0;
  }
  const state = values.state as string | undefined;
  const role = values.role as string | undefined;
  const subject = values.subject as string | undefined;
  const problems: string[] = [];
  if (!state || !(Object.values(StateCode) as string[]).includes(state)) problems.push(`--state must be one of ${Object.values(StateCode).join(", ")}`);
  if (!role || !(ROLES as readonly string[]).includes(role)) problems.push(`--role must be one of ${ROLES.join(", ")}`);
  if (!subject?.trim()) problems.push("--subject is required (the person or service the token is for)");
  if (values["secret-file"] && values["private-key-file"]) problems.push("give --secret-file or --private-key-file, not both");
  // The subgraphs refuse tokens that live longer than their maximum, so none is issued.
  const maxLifetime = env.AUTH_JWT_MAX_LIFETIME?.trim() ? parseLifetime(env.AUTH_JWT_MAX_LIFETIME) : DEFAULT_MAX_LIFETIME_SECONDS;
  const expires = values.expires === undefined ? maxLifetime : parseLifetime(values.expires as string);
  if (maxLifetime === null || maxLifetime <= 0) problems.push("AUTH_JWT_MAX_LIFETIME must be a positive number of seconds or a span such as 15m, 8h, 1d");
  else if (expires === null || expires <= 0) problems.push("--expires must be a positive number of seconds or a span such as 15m, 8h");
  else if (expires > maxLifetime) problems.push(`--expires ${formatLifetime(expires)} is longer than the maximum token lifetime of ${formatLifetime(maxLifetime)} (AUTH_JWT_MAX_LIFETIME)`);
  if (problems.length > 0) {
    io.err(`${problems.join("\n")}\n${TOKEN_CLI_USAGE}\n`);
    return 2;
  }

  try {
    const privateKeyFile = values["private-key-file"] as string | undefined;
    const secretFile = values["secret-file"] as string | undefined;
    const key = privateKeyFile
      ? { privateKey: readFileSync(privateKeyFile, "utf8") }
      : { secret: secretFile ? readFileSync(secretFile, "utf8").trim() : (env.AUTH_JWT_SECRET?.trim() || splitSecrets(env.AUTH_JWT_SECRETS)[0]) };
    if ("secret" in key && !key.secret) {
      io.err("no signing secret: pass --secret-file, or set AUTH_JWT_SECRET or AUTH_JWT_SECRETS\n");
      return 2;
    }
    const token = await issueToken({
      ...key,
      state: state!,
      role: role as Role,
      subject: subject!,
      expiresIn: expires!,
      maxLifetimeSeconds: maxLifetime!,
      issuer: (values.issuer as string | undefined) ?? (env.AUTH_JWT_ISSUER || "laenderhub"),
      audience: (values.audience as string | undefined) ?? (env.AUTH_JWT_AUDIENCE || stateAudience(state!)),
    });
    io.out(`${token}\n`);
    return 0;
  } catch (err) {
    io.err(`cannot issue the token: ${(err as Error).message}\n`);
    return 1;
  }
}
