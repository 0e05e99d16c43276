import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
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
  READ_ONLY_WARNING,
  requireEditor,
  runTokenCli,
  stateAudience,
  StateCode,
  type AuthConfig,
} from "../src/index.js";

const SECRET = "a-test-secret-of-more-than-32-characters-0001";
const OLD_SECRET = "an-older-secret-of-more-than-32-characters-02";
/** What the subgraph of `state` verifies with: its own audience. */
const configFor = (state: StateCode): AuthConfig => ({ secrets: [SECRET], publicKeys: [], issuer: "laenderhub", audience: stateAudience(state) });
const config = configFor(StateCode.SL);
/** A secret of `bytes` random bytes, base64url as `npm run token -- --new-secret` prints them. */
const randomSecret = (bytes = 48) => randomBytes(bytes).toString("base64url");
const quiet = { warn: () => undefined };
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
    const forged = Buffer.from(JSON.stringify({ sub: "alice", state: "SL", role: "editor", iss: "laenderhub", aud: "laenderhub:SL", iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600 })).toString("base64url");
    const result = await authenticate(`Bearer ${header}.${forged}.${signature}`);
    expect(result.principal).toBeNull();
    expect(reasonOf(result)).toBe("BAD_SIGNATURE");
  });

  it("rejects a token signed with another secret", async () => {
    const token = await issueToken({ secret: randomSecret(), state: StateCode.SL, role: "editor", subject: "mallory", expiresIn: "1h" });
    expect(reasonOf(await authenticate(`Bearer ${token}`))).toBe("BAD_SIGNATURE");
  });

  it("rejects a token for another audience or issuer, without repeating what the token says", async () => {
    const elsewhere = await authenticate(`Bearer ${await editor(StateCode.SL, { audience: "someone-else" })}`);
    expect(reasonOf(elsewhere)).toBe("WRONG_AUDIENCE");
    expect(elsewhere.authError!.message).not.toContain("someone-else");
    const evil = await authenticate(`Bearer ${await editor(StateCode.SL, { issuer: "evil-issuer" })}`);
    expect(reasonOf(evil)).toBe("WRONG_ISSUER");
    expect(evil.authError!.message).not.toContain("evil-issuer");
  });

  it("accepts only its own state's audience: a token that travelled from another state is refused", async () => {
    // The same key on purpose (one key for several states, or the unprefixed AUTH_JWT_SECRETS of
    // npm start): only the audience tells Saarland's tokens from Sachsen's.
    const sachsen = createAuthenticator(configFor(StateCode.SN));
    const saarlandToken = `Bearer ${await editor(StateCode.SL)}`;
    expect(decodeJwt(saarlandToken.slice(7)).aud).toBe("laenderhub:SL");
    expect((await authenticate(saarlandToken)).principal).toEqual({ subject: "alice", state: "SL", role: "editor" });
    const travelled = await sachsen(saarlandToken);
    expect(travelled.principal).toBeNull();
    expect(reasonOf(travelled)).toBe("WRONG_AUDIENCE");
    expect(travelled.authError!.message).toMatch(/another state's subgraph \(laenderhub:SL\).*only the audience "laenderhub:SN"/);
    expect(travelled.authError!.message).not.toContain(saarlandToken.slice(7, 40));
    // Through requireEditor the write is refused as unauthenticated, naming the reason.
    const refused = (() => {
      try {
        requireEditor(travelled, StateCode.SN);
      } catch (err) {
        return err as LaenderhubError;
      }
    })();
    expect(refused?.extensions).toMatchObject({ code: ErrorCode.UNAUTHENTICATED, reason: "WRONG_AUDIENCE", http: { status: 401 } });
    expect((await sachsen(`Bearer ${await editor(StateCode.SN)}`)).principal).toEqual({ subject: "alice", state: "SN", role: "editor" });
  });

  /** A token signed with SECRET by an issuer that does not limit lifetimes: jose directly. */
  const rawToken = (claims: { iat?: number; exp?: number }) => {
    let jwt = new SignJWT({ state: "SL", role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("alice").setIssuer("laenderhub").setAudience("laenderhub:SL");
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
    return jwt.sign(new TextEncoder().encode(SECRET));
  };
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a token valid for 100 years, and one valid for longer than the configured maximum", async () => {
    const century = await authenticate(`Bearer ${await rawToken({ iat: now(), exp: now() + 100 * 365 * 86400 })}`);
    expect(century.principal).toBeNull();
    expect(reasonOf(century)).toBe("LIFETIME_TOO_LONG");
    expect(century.authError!.message).toMatch(/longer \(exp - iat\) than the 8h this subgraph accepts/);
    // Just over the default 8 h is refused, exactly 8 h accepted.
    expect(reasonOf(await authenticate(`Bearer ${await rawToken({ iat: now(), exp: now() + 8 * 3600 + 1 })}`))).toBe("LIFETIME_TOO_LONG");
    expect((await authenticate(`Bearer ${await rawToken({ iat: now(), exp: now() + 8 * 3600 })}`)).principal?.subject).toBe("alice");
    const hourly = createAuthenticator({ ...config, maxLifetimeSeconds: 3600 });
    expect(reasonOf(await hourly(`Bearer ${await editor(StateCode.SL, { expiresIn: "2h" })}`))).toBe("LIFETIME_TOO_LONG");
    expect((await hourly(`Bearer ${await editor(StateCode.SL, { expiresIn: "1h" })}`)).principal?.subject).toBe("alice");
  });

  it("refuses a token without iat or exp", async () => {
    for (const claims of [{ exp: now() + 600 }, { iat: now() }]) {
      const result = await authenticate(`Bearer ${await rawToken(claims)}`);
      expect(reasonOf(result), JSON.stringify(Object.keys(claims))).toBe("INVALID_CLAIMS");
      expect(result.authError!.message).toMatch(/(iat|exp) claim is missing/);
    }
  });

  it("refuses a token issued in the future beyond the clock skew, and tolerates a small skew", async () => {
    const future = await authenticate(`Bearer ${await rawToken({ iat: now() + 3600, exp: now() + 7200 })}`);
    expect(future.principal).toBeNull();
    expect(reasonOf(future)).toBe("ISSUED_IN_FUTURE");
    expect(future.authError!.message).toMatch(/in the future, beyond the 30 s of clock skew/);
    expect(reasonOf(await authenticate(`Bearer ${await rawToken({ iat: now() + 60, exp: now() + 600 })}`))).toBe("ISSUED_IN_FUTURE");
    // An issuer whose clock runs 10 s ahead is within the default 30 s.
    expect((await authenticate(`Bearer ${await rawToken({ iat: now() + 10, exp: now() + 600 })}`)).principal?.subject).toBe("alice");
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
    const noExp = await new SignJWT({ state: "SL", role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub:SL").setIssuedAt().sign(key);
    expect(reasonOf(await authenticate(`Bearer ${noExp}`))).toBe("INVALID_CLAIMS");
    const badState = await new SignJWT({ state: "BY", role: "editor" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub:SL").setIssuedAt().setExpirationTime("1h").sign(key);
    const stateResult = await authenticate(`Bearer ${badState}`);
    expect(reasonOf(stateResult)).toBe("INVALID_CLAIMS");
    expect(stateResult.authError!.message).not.toContain("BY");
    const badRole = await new SignJWT({ state: "SL", role: "admin" }).setProtectedHeader({ alg: "HS256" }).setSubject("a").setIssuer("laenderhub").setAudience("laenderhub:SL").setIssuedAt().setExpirationTime("1h").sign(key);
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
    const asymmetric = createAuthenticator({ ...configFor(StateCode.ST), secrets: [], publicKeys: [pem] });
    const token = await issueToken({ privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(), state: StateCode.ST, role: "viewer", subject: "svc", expiresIn: 600 });
    expect((await asymmetric(`Bearer ${token}`)).principal).toEqual({ subject: "svc", state: "ST", role: "viewer" });
    // An HS256 token is not accepted where only public keys are configured.
    expect(reasonOf(await asymmetric(`Bearer ${await editor(StateCode.ST)}`))).toBe("ALG_NOT_ALLOWED");
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
  it("splits secrets newest first, reads PEM keys written with literal \\n, and gives the state its own audience", () => {
    const { publicKey } = generateKeyPairSync("ed25519");
    const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
    const [newer, older] = [randomSecret(), randomSecret()];
    const cfg = authConfigFromEnv({ AUTH_JWT_SECRETS: ` ${newer} , ${older},`, AUTH_JWT_PUBLIC_KEYS: pem.replace(/\n/g, "\\n") }, StateCode.SN, quiet);
    expect(cfg.secrets).toEqual([newer, older]);
    expect(cfg.publicKeys).toHaveLength(1);
    expect(cfg.issuer).toBe("laenderhub");
    expect(cfg.audience).toBe("laenderhub:SN");
    expect(cfg.maxLifetimeSeconds).toBe(8 * 3600);
    expect(authConfigFromEnv({ AUTH_JWT_SECRETS: newer, AUTH_JWT_AUDIENCE: "ministry-sn" }, StateCode.SN, quiet).audience).toBe("ministry-sn");
  });

  it("keeps rotation working: a token signed with the older secret verifies until the secret is dropped", async () => {
    const [newer, older] = [randomSecret(), randomSecret()];
    const oldToken = `Bearer ${await issueToken({ secret: older, state: StateCode.ST, role: "editor", subject: "bob", expiresIn: "1h" })}`;
    const newToken = `Bearer ${await issueToken({ secret: newer, state: StateCode.ST, role: "editor", subject: "carol", expiresIn: "1h" })}`;
    const rotating = createAuthenticator(authConfigFromEnv({ AUTH_JWT_SECRETS: `${newer},${older}` }, StateCode.ST, quiet));
    expect((await rotating(oldToken)).principal?.subject).toBe("bob");
    expect((await rotating(newToken)).principal?.subject).toBe("carol");
    const rotated = createAuthenticator(authConfigFromEnv({ AUTH_JWT_SECRETS: newer }, StateCode.ST, quiet));
    expect(reasonOf(await rotated(oldToken))).toBe("BAD_SIGNATURE");
  });

  it("reads the maximum lifetime from AUTH_JWT_MAX_LIFETIME, in seconds or as a span", () => {
    const secret = randomSecret();
    expect(authConfigFromEnv({ AUTH_JWT_SECRETS: secret, AUTH_JWT_MAX_LIFETIME: "3600" }, StateCode.SL, quiet).maxLifetimeSeconds).toBe(3600);
    expect(authConfigFromEnv({ AUTH_JWT_SECRETS: secret, AUTH_JWT_MAX_LIFETIME: "15m" }, StateCode.SL, quiet).maxLifetimeSeconds).toBe(900);
    for (const bad of ["forever", "0", "-1h"]) {
      expect(() => authConfigFromEnv({ AUTH_JWT_SECRETS: secret, AUTH_JWT_MAX_LIFETIME: bad }, StateCode.SL, quiet), bad).toThrow(/AUTH_JWT_MAX_LIFETIME: must be a positive/);
    }
  });

  it("refuses on start a secret that cannot carry 256 random bits, counted by its encoding, without printing it", () => {
    const refused = (secret: string) => {
      try {
        authConfigFromEnv({ AUTH_JWT_SECRETS: secret }, StateCode.SL, quiet);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as Error).message).not.toContain(secret);
        return (err as Error).message;
      }
    };
    expect(refused("short")).toMatch(/secret #1 can carry at most 30 random bits.*at least 256 are required/);
    // base64url: 31 random bytes (42 characters, 252 bits) are too few, 32 bytes (43 characters) enough.
    expect(refused(randomBytes(31).toString("base64url"))).toMatch(/at most 252 random bits/);
    expect(refused(randomBytes(32).toString("base64url"))).toBeNull();
    // hex: 4 bits a character, so 32 characters (the old minimum) are only 128 bits.
    expect(refused(randomBytes(16).toString("hex"))).toMatch(/at most 128 random bits/);
    expect(refused(randomBytes(32).toString("hex"))).toBeNull();
    // Other text counts its UTF-8 bytes: 31 two-byte characters are 62 bytes.
    expect(refused("§".repeat(15) + "!")).toMatch(/at most 248 random bits/);
    // Long, but a placeholder.
    expect(refused("x".repeat(64))).toMatch(/fewer than 10 distinct characters/);
    expect(refused(randomSecret())).toBeNull();
  });

  it("refuses every secret committed to this repository, however long", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    // Every quoted literal on a line that mentions a secret, in the tracked files (tests, fixtures, docs, examples).
    const grep = spawnSync("git", ["grep", "-I", "-h", "-i", "secret", "--", ".", ":!**/known-secrets.ts"], { cwd: root, encoding: "utf8" });
    expect(grep.status, grep.stderr).toBe(0);
    const literals = new Set([...grep.stdout.matchAll(/["'`]([A-Za-z0-9_+/=.-]{32,})["'`]/g)].map((m) => m[1]!));
    const strong = [...literals].filter((literal) => {
      try {
        createAuthenticator({ ...config, secrets: [literal] });
        return true;
      } catch {
        return false;
      }
    });
    // The e2e federation's three, the state tests' and these tests' own at least.
    expect(strong.length).toBeGreaterThanOrEqual(10);
    for (const secret of strong) {
      let message = "";
      try {
        authConfigFromEnv({ AUTH_JWT_SECRETS: `${randomSecret()},${secret}` }, StateCode.SL, quiet);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, secret).toMatch(/secret #2 is a test secret committed to the laenderhub repository/);
      expect(message).not.toContain(secret);
    }
  });

  it("reports every bad secret and key at once", () => {
    let message = "";
    try {
      authConfigFromEnv({ AUTH_JWT_SECRETS: `short,${SECRET}`, AUTH_JWT_PUBLIC_KEYS: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----", AUTH_JWT_MAX_LIFETIME: "soon" }, StateCode.SL, quiet);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/secret #1 can carry at most/);
    expect(message).toMatch(/secret #2 is a test secret committed/);
    expect(message).toMatch(/AUTH_JWT_PUBLIC_KEYS: key #1 is not a valid public key/);
    expect(message).toMatch(/AUTH_JWT_MAX_LIFETIME/);
  });

  it("says at start that a state without a key is read-only, and only then", () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => void warnings.push(message) };
    authConfigFromEnv({}, StateCode.SL, logger);
    expect(warnings).toEqual([READ_ONLY_WARNING]);
    expect(READ_ONLY_WARNING).toBe("no AUTH_JWT_SECRETS or AUTH_JWT_PUBLIC_KEYS: this subgraph is read-only, every write is refused");
    authConfigFromEnv({ AUTH_JWT_SECRETS: randomSecret() }, StateCode.SL, logger);
    expect(warnings).toHaveLength(1);
  });
});

describe("token CLI", () => {
  const run = async (argv: string[], env: Record<string, string | undefined> = {}) => {
    let out = "";
    let err = "";
    const code = await runTokenCli(argv, env, { out: (t) => void (out += t), err: (t) => void (err += t) });
    return { code, out, err };
  };

  it("prints only a token that the state's subgraph accepts, with its audience and the maximum lifetime", async () => {
    const { code, out, err } = await run(["--state", "SN", "--role", "editor", "--subject", "carol"], { AUTH_JWT_SECRETS: `${SECRET},${OLD_SECRET}` });
    expect(err).toBe("");
    expect(code).toBe(0);
    const token = out.trim();
    expect(token.split(".")).toHaveLength(3);
    const claims = decodeJwt(token);
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    expect(claims.aud).toBe("laenderhub:SN");
    expect((await createAuthenticator(configFor(StateCode.SN))(`Bearer ${token}`)).principal).toEqual({ subject: "carol", state: "SN", role: "editor" });
    expect(reasonOf(await createAuthenticator(configFor(StateCode.SL))(`Bearer ${token}`))).toBe("WRONG_AUDIENCE");
  });

  it("refuses to issue a token that lives longer than AUTH_JWT_MAX_LIFETIME", async () => {
    const tooLong = await run(["--state", "SL", "--role", "editor", "--subject", "x", "--expires", "100y"], { AUTH_JWT_SECRETS: SECRET });
    expect(tooLong.code).toBe(2);
    expect(tooLong.out).toBe("");
    expect(tooLong.err).toMatch(/--expires 36525d is longer than the maximum token lifetime of 8h/);
    expect((await run(["--state", "SL", "--role", "editor", "--subject", "x", "--expires", "2h"], { AUTH_JWT_SECRETS: SECRET, AUTH_JWT_MAX_LIFETIME: "1h" })).code).toBe(2);
    const hourly = await run(["--state", "SL", "--role", "editor", "--subject", "x"], { AUTH_JWT_SECRETS: SECRET, AUTH_JWT_MAX_LIFETIME: "1h" });
    expect(hourly.code).toBe(0);
    const claims = decodeJwt(hourly.out.trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
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
    expect(() => authConfigFromEnv({ AUTH_JWT_SECRETS: out.trim() }, StateCode.SL, quiet)).not.toThrow();
  });

  it("runs as `npm run token` from the repository root, as the READMEs document (built code)", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const env: NodeJS.ProcessEnv = { ...process.env, AUTH_JWT_SECRETS: SECRET };
    for (const variable of ["AUTH_JWT_SECRET", "AUTH_JWT_AUDIENCE", "AUTH_JWT_ISSUER", "AUTH_JWT_MAX_LIFETIME"]) delete env[variable];
    const result = spawnSync("npm", ["run", "-s", "token", "--", "--state", "SL", "--role", "editor", "--subject", "admin"], { cwd: root, env, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect((await createAuthenticator(config)(`Bearer ${result.stdout.trim()}`)).principal).toEqual({ subject: "admin", state: "SL", role: "editor" });
  });
});
