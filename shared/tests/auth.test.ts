import { spawnSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeJwt, SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  authConfigFromEnv,
  AuthError,
  ConfigError,
  createAuthenticator,
  ErrorCode,
  issueToken,
  LaenderhubError,
  requireEditor,
  runTokenCli,
  StateCode,
  type AuthConfig,
} from "../src/index.js";

const SECRET = "a-test-secret-of-more-than-32-characters-0001";
const OLD_SECRET = "an-older-secret-of-more-than-32-characters-02";
const config: AuthConfig = { secrets: [SECRET], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" };
const editor = (state = StateCode.SL, extra: Partial<Parameters<typeof issueToken>[0]> = {}) =>
  issueToken({ secret: SECRET, state, role: "editor", subject: "alice", expiresIn: "1h", ...extra });

function reasonOf(result: { authError: Error | null }): string | undefined {
  return result.authError instanceof AuthError ? result.authError.reason : undefined;
}

describe("createAuthenticator", () => {
  const authenticate = createAuthenticator(config);

  it("treats a missing header as anonymous", async () => {
    expect(await authenticate(undefined)).toEqual({ principal: null, authError: null });
    expect(await authenticate("")).toEqual({ principal: null, authError: null });
  });

  it("accepts a valid editor token and reads state, role and subject", async () => {
    const result = await authenticate(`Bearer ${await editor()}`);
    expect(result.authError).toBeNull();
    expect(result.principal).toEqual({ subject: "alice", state: "SL", role: "editor" });
  });

  it("rejects an expired token", async () => {
    const token = await editor(StateCode.SL, { expiresIn: "1h", now: new Date(Date.now() - 3 * 3600_000) });
    const result = await authenticate(`Bearer ${token}`);
    expect(result.principal).toBeNull();
    expect(reasonOf(result)).toBe("EXPIRED");
    expect(result.authError!.message).toMatch(/expired at \d{4}-/);
  });

  it("rejects a tampered token (payload changed, signature kept)", async () => {
    const [header, , signature] = (await editor(StateCode.SN)).split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "alice", state: "SL", role: "editor", iss: "laenderhub", aud: "laenderhub", exp: Math.floor(Date.now() / 1000) + 3600 })).toString("base64url");
    const result = await authenticate(`Bearer ${header}.${forged}.${signature}`);
    expect(result.principal).toBeNull();
    expect(reasonOf(result)).toBe("BAD_SIGNATURE");
  });

  it("rejects a token signed with another secret", async () => {
    const token = await issueToken({ secret: "x".repeat(40), state: StateCode.SL, role: "editor", subject: "mallory", expiresIn: "1h" });
    expect(reasonOf(await authenticate(`Bearer ${token}`))).toBe("BAD_SIGNATURE");
  });

  it("rejects a token for another audience or issuer", async () => {
    expect(reasonOf(await authenticate(`Bearer ${await editor(StateCode.SL, { audience: "someone-else" })}`))).toBe("WRONG_AUDIENCE");
    expect(reasonOf(await authenticate(`Bearer ${await editor(StateCode.SL, { issuer: "evil" })}`))).toBe("WRONG_ISSUER");
  });

  it("never accepts alg none", async () => {
    const unsigned = new UnsecuredJWT({ state: "SL", role: "editor" }).setSubject("eve").setIssuer("laenderhub").setAudience("laenderhub").setExpirationTime("1h").encode();
    const result = await authenticate(`Bearer ${unsigned}`);
    expect(result.principal).toBeNull();
    expect(reasonOf(result)).toBe("ALG_NOT_ALLOWED");
  });

  it("rejects malformed headers and tokens", async () => {
    expect(reasonOf(await authenticate("Basic dXNlcjpwYXNz"))).toBe("MALFORMED");
    expect(reasonOf(await authenticate("Bearer not-a-jwt"))).toBe("MALFORMED");
  });

  it("rejects tokens without expiry or with unknown state or role", async () => {
    const key = new TextEncoder().encode(SECRET);
    const noExp = await new SignJWT({ state: "SL", role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub").sign(key);
    expect(reasonOf(await authenticate(`Bearer ${noExp}`))).toBe("INVALID_CLAIMS");
    const badState = await new SignJWT({ state: "BY", role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub").setExpirationTime("1h").sign(key);
    expect(reasonOf(await authenticate(`Bearer ${badState}`))).toBe("INVALID_CLAIMS");
    const badRole = await new SignJWT({ state: "SL", role: "admin" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub").setExpirationTime("1h").sign(key);
    expect(reasonOf(await authenticate(`Bearer ${badRole}`))).toBe("INVALID_CLAIMS");
  });

  it("supports rotation: any configured secret verifies, a dropped one no longer does", async () => {
    const oldToken = await issueToken({ secret: OLD_SECRET, state: StateCode.SL, role: "editor", subject: "bob", expiresIn: "1h" });
    const rotating = createAuthenticator({ ...config, secrets: [SECRET, OLD_SECRET] });
    expect((await rotating(`Bearer ${oldToken}`)).principal?.subject).toBe("bob");
    expect((await rotating(`Bearer ${await editor()}`)).principal?.subject).toBe("alice");
    expect(reasonOf(await authenticate(`Bearer ${oldToken}`))).toBe("BAD_SIGNATURE");
  });

  it("verifies asymmetric tokens against configured public keys", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const asymmetric = createAuthenticator({ ...config, secrets: [], publicKeys: [pem] });
    const token = await issueToken({ privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), state: StateCode.ST, role: "viewer", subject: "svc", expiresIn: 600 });
    expect((await asymmetric(`Bearer ${token}`)).principal).toEqual({ subject: "svc", state: "ST", role: "viewer" });
    // An HS256 token is not accepted where only public keys are configured.
    expect(reasonOf(await asymmetric(`Bearer ${await editor()}`))).toBe("ALG_NOT_ALLOWED");
  });

  it("refuses everything with a clear reason when no key is configured", async () => {
    const unconfigured = createAuthenticator({ ...config, secrets: [] });
    for (const header of [undefined, `Bearer ${await editor()}`]) {
      const result = await unconfigured(header);
      expect(result.principal).toBeNull();
      expect(reasonOf(result)).toBe("NO_KEY_CONFIGURED");
      expect(result.authError!.message).toMatch(/no token verification key is configured/);
    }
  });
});

describe("requireEditor", () => {
  const attempt = (ctx: Parameters<typeof requireEditor>[0]) => {
    try {
      requireEditor(ctx, StateCode.SL);
      return null;
    } catch (err) {
      return err as LaenderhubError;
    }
  };

  it("returns the editor of the state", () => {
    const principal = { subject: "alice", state: "SL", role: "editor" as const };
    expect(requireEditor({ principal, authError: null }, StateCode.SL)).toBe(principal);
  });

  it("refuses anonymous and unverifiable callers with UNAUTHENTICATED and HTTP 401", () => {
    const anonymous = attempt({ principal: null, authError: null })!;
    expect(anonymous.extensions).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, reason: "NO_TOKEN", http: { status: 401 } });
    const expired = attempt({ principal: null, authError: new AuthError("EXPIRED", "the token expired") })!;
    expect(expired.extensions).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, reason: "EXPIRED" });
    expect(expired.message).toMatch(/expired/);
  });

  it("refuses viewers and other states' editors with FORBIDDEN", () => {
    expect(attempt({ principal: { subject: "v", state: "SL", role: "viewer" }, authError: null })!.extensions).toMatchObject({ code: ErrorCode.FORBIDDEN, reason: "NOT_EDITOR", http: { status: 403 } });
    expect(attempt({ principal: { subject: "e", state: "SN", role: "editor" }, authError: null })!.extensions).toMatchObject({ code: ErrorCode.FORBIDDEN, reason: "OTHER_STATE" });
  });
});

describe("authConfigFromEnv", () => {
  it("splits secrets newest first and reads PEM keys written with literal \\n", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const cfg = authConfigFromEnv({ AUTH_JWT_SECRETS: ` ${SECRET} , ${OLD_SECRET},`, AUTH_JWT_PUBLIC_KEYS: pem.replace(/\n/g, "\\n") });
    expect(cfg.secrets).toEqual([SECRET, OLD_SECRET]);
    expect(cfg.publicKeys).toHaveLength(1);
    expect(cfg.issuer).toBe("laenderhub");
  });

  it("fails on start for a short secret or a broken key", () => {
    expect(() => authConfigFromEnv({ AUTH_JWT_SECRETS: "short" })).toThrow(ConfigError);
    expect(() => authConfigFromEnv({ AUTH_JWT_PUBLIC_KEYS: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" })).toThrow(ConfigError);
  });
});

describe("token CLI", () => {
  const run = async (argv: string[], env: Record<string, string | undefined> = {}) => {
    let out = "";
    let err = "";
    const code = await runTokenCli(argv, env, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  };

  it("prints only a token that the subgraph accepts", async () => {
    const { code, out, err } = await run(["--state", "SN", "--role", "editor", "--subject", "carol", "--expires", "30d"], { AUTH_JWT_SECRETS: `${SECRET},${OLD_SECRET}` });
    expect(err).toBe("");
    expect(code).toBe(0);
    const token = out.trim();
    expect(token.split(".")).toHaveLength(3);
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(30 * 86400);
    expect((await createAuthenticator(config)(`Bearer ${token}`)).principal).toEqual({ subject: "carol", state: "SN", role: "editor" });
  });

  it("reads the secret from --secret-file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lh-token-"));
    writeFileSync(join(dir, "secret"), `${SECRET}\n`);
    const { code, out } = await run(["--state", "SL", "--role", "viewer", "--subject", "dan", "--secret-file", join(dir, "secret")]);
    expect(code).toBe(0);
    expect((await createAuthenticator(config)(`Bearer ${out.trim()}`)).principal?.role).toBe("viewer");
  });

  it("exits 2 with usage on bad arguments and on a missing secret", async () => {
    const bad = await run(["--state", "BY", "--role", "boss"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toBe("");
    expect(bad.err).toMatch(/--state must be one of SL, SN, ST/);
    expect(bad.err).toMatch(/--subject is required/);
    const noSecret = await run(["--state", "SL", "--role", "editor", "--subject", "x"]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.err).toMatch(/no signing secret/);
    expect((await run(["--bogus"])).code).toBe(2);
  });

  it("prints a fresh secret that is long enough", async () => {
    const { code, out } = await run(["--new-secret"]);
    expect(code).toBe(0);
    expect(out.trim().length).toBeGreaterThanOrEqual(32);
    expect(() => authConfigFromEnv({ AUTH_JWT_SECRETS: out.trim() })).not.toThrow();
  });

  it("runs as `npm run token` from the repository root, as the READMEs document (built code)", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const env = { ...process.env, AUTH_JWT_SECRETS: SECRET };
    delete env.AUTH_JWT_SECRET;
    const result = spawnSync("npm", ["run", "-s", "token", "--", "--state", "SL", "--role", "editor", "--subject", "admin"], { cwd: root, env, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect((await createAuthenticator(config)(`Bearer ${result.stdout.trim()}`)).principal).toEqual({ subject: "admin", state: "SL", role: "editor" });
  });
});
