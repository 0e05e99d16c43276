import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { StateCode } from "../vocabulary.js";
import { ROLES, type Role } from "./authenticator.js";
import { splitSecrets } from "./config.js";
import { generateSecret, issueToken } from "./tokens.js";

/** Where the CLI writes: the token (or secret) to `out`, everything else to `err`. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const TOKEN_CLI_USAGE = `usage: npm run token -- --state <SL|SN|ST> --role <editor|viewer> --subject <name> [--expires 30d]
                        [--secret-file <file> | --private-key-file <pem>] [--issuer <iss>] [--audience <aud>]
       npm run token -- --new-secret

Prints a signed bearer token on stdout. The HS256 secret comes from --secret-file, else
AUTH_JWT_SECRET, else the first (newest) entry of AUTH_JWT_SECRETS. Issuer and audience default
to AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE, else "laenderhub". --new-secret prints a fresh random secret.`;

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
        expires: { type: "string", default: "30d" },
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
    const expires = values.expires as string;
    const token = await issueToken({
      ...key,
      state: state!,
      role: role as Role,
      subject: subject!,
      expiresIn: /^\d+$/.test(expires) ? Number(expires) : expires,
      issuer: (values.issuer as string | undefined) ?? (env.AUTH_JWT_ISSUER || "laenderhub"),
      audience: (values.audience as string | undefined) ?? (env.AUTH_JWT_AUDIENCE || "laenderhub"),
    });
    io.out(`${token}\n`);
    return 0;
  } catch (err) {
    io.err(`cannot issue the token: ${(err as Error).message}\n`);
    return 1;
  }
}
