import { UnsecuredJWT } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AuditEntry,
  ChangeSource,
  ErrorCode,
  HistoryAction,
  issueToken,
  QueryCounter,
  recordChange,
  stateAudience,
  StateCode,
  type BaseContext,
  type SubgraphService,
} from "../src/index.js";
import { createToySubgraph, failAfterWrite, TOY_SECRET, ToyPartnership } from "./fixtures/toy-subgraph.js";

const CREATE = /* GraphQL */ `
  mutation Create($input: ToyPartnershipInput!) {
    createToyPartnership(input: $input) { id municipality ags signedOn status sources { url publishedOn } }
  }
`;
const SOURCE = { url: "https://www.saarland.de/mibs/DE/aktuelles", publisher: "MIBS", title: null, publishedOn: "2022-09-16" };
const validInput = (id = "SL-T-1") => ({ id, municipality: "Losheim am See", ags: "10042113", signedOn: "2022-09-16", sources: [SOURCE] });

const token = (state: StateCode, role: "editor" | "viewer", extra: Partial<Parameters<typeof issueToken>[0]> = {}) =>
  issueToken({ secret: TOY_SECRET, state, role, subject: `${role}-${state}`, expiresIn: "1h", ...extra });

type Result = { data?: Record<string, any> | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, any> }> };

async function exec(service: SubgraphService<BaseContext>, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Result> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext(authorization) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result;
}

async function counts(service: SubgraphService<BaseContext>) {
  return {
    records: await service.dataSource.getRepository(ToyPartnership).count(),
    audit: await service.dataSource.getRepository(AuditEntry).count(),
  };
}

let service: SubgraphService<BaseContext>;
beforeEach(async () => {
  service = await createToySubgraph();
});
afterEach(async () => {
  failAfterWrite.enabled = false;
  await service.close();
});

describe("write authorisation", () => {
  const cases: Array<[string, () => Promise<string | undefined>, ErrorCode, string]> = [
    ["no token", async () => undefined, ErrorCode.UNAUTHENTICATED, "NO_TOKEN"],
    ["another state's editor", async () => `Bearer ${await token(StateCode.SN, "editor")}`, ErrorCode.UNAUTHENTICATED, "WRONG_AUDIENCE"],
    // Issued for this state's subgraph, yet naming another state: verified, and still not this state's editor.
    ["another state's editor with this state's audience", async () => `Bearer ${await token(StateCode.SN, "editor", { audience: stateAudience(StateCode.SL) })}`, ErrorCode.FORBIDDEN, "OTHER_STATE"],
    ["a viewer of the state", async () => `Bearer ${await token(StateCode.SL, "viewer")}`, ErrorCode.FORBIDDEN, "NOT_EDITOR"],
    ["an expired token", async () => `Bearer ${await token(StateCode.SL, "editor", { now: new Date(Date.now() - 7200_000) })}`, ErrorCode.UNAUTHENTICATED, "EXPIRED"],
    [
      "a tampered token",
      async () => {
        const [h, , s] = (await token(StateCode.SN, "editor")).split(".");
        const claims = { sub: "editor-SN", state: "SL", role: "editor", iss: "laenderhub", aud: "laenderhub", exp: Math.floor(Date.now() / 1000) + 600 };
        return `Bearer ${h}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.${s}`;
      },
      ErrorCode.UNAUTHENTICATED,
      "BAD_SIGNATURE",
    ],
    ["a token for another audience", async () => `Bearer ${await token(StateCode.SL, "editor", { audience: "elsewhere" })}`, ErrorCode.UNAUTHENTICATED, "WRONG_AUDIENCE"],
    [
      "an unsigned token (alg none)",
      async () => `Bearer ${new UnsecuredJWT({ state: "SL", role: "editor" }).setSubject("eve").setIssuer("laenderhub").setAudience("laenderhub").setExpirationTime("1h").encode()}`,
      ErrorCode.UNAUTHENTICATED,
      "ALG_NOT_ALLOWED",
    ],
  ];

  for (const [name, header, code, reason] of cases) {
    it(`rejects a write with ${name} (${code}) and changes nothing`, async () => {
      const before = await counts(service);
      const result = await exec(service, CREATE, { input: validInput() }, await header());
      expect(result.data?.createToyPartnership ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, reason });
      expect(await counts(service)).toEqual(before);
    });
  }

  it("keeps reads public, even with a bad token", async () => {
    const result = await exec(service, "{ toyPartnerships { id } }", {}, "Bearer garbage");
    expect(result.errors).toBeUndefined();
    expect(result.data?.toyPartnerships).toEqual([]);
  });

  it("accepts the state's editor: the record is readable and its history names the editor", async () => {
    const result = await exec(service, CREATE, { input: validInput() }, `Bearer ${await token(StateCode.SL, "editor")}`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.createToyPartnership).toMatchObject({ id: "SL-T-1", status: "ACTIVE", ags: "10042113" });
    const read = await exec(service, '{ toyPartnership(id: "SL-T-1") { municipality sources { url } } }');
    expect(read.data?.toyPartnership).toEqual({ municipality: "Losheim am See", sources: [{ url: SOURCE.url }] });
    const history = await exec(service, '{ toyHistory(id: "SL-T-1") { recordType recordId action source at changedFields actor { subject state role } before after } }');
    expect(history.errors).toBeUndefined();
    const [entry] = history.data!.toyHistory;
    expect(entry).toMatchObject({ recordType: "ToyPartnership", recordId: "SL-T-1", action: "CREATE", source: "API", actor: { subject: "editor-SL", state: "SL", role: "editor" }, before: null });
    expect(entry.after).toMatchObject({ id: "SL-T-1", ags: "10042113" });
    expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(entry.changedFields).toContain("municipality");
  });
});

describe("write validation", () => {
  it("reports an AGS of the wrong length as INVALID_AGS on its field", async () => {
    const result = await exec(service, CREATE, { input: { ...validInput(), ags: "1004211" } }, `Bearer ${await token(StateCode.SL, "editor")}`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.INVALID_AGS, field: "input.ags" });
    expect(await counts(service)).toEqual({ records: 0, audit: 0 });
  });

  it("reports an AGS of another state as BAD_USER_INPUT", async () => {
    const result = await exec(service, CREATE, { input: { ...validInput(), ags: "14522180" } }, `Bearer ${await token(StateCode.SL, "editor")}`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "input.ags" });
    expect(result.errors?.[0]?.message).toMatch(/not in SL/);
  });

  it("reports every bad field at once in extensions.fields and writes nothing", async () => {
    const input = { ...validInput(), ags: "12", signedOn: "2023-02-30", sources: [{ url: "ftp://example.org/x", publishedOn: "2999" }] };
    const result = await exec(service, CREATE, { input }, `Bearer ${await token(StateCode.SL, "editor")}`);
    const ext = result.errors?.[0]?.extensions ?? {};
    expect(ext.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(ext.fields.map((f: { field: string }) => f.field)).toEqual(["input.ags", "input.signedOn", "input.sources[0].url", "input.sources[0].publishedOn"]);
    expect(ext.fields[0].code).toBe(ErrorCode.INVALID_AGS);
    expect(await counts(service)).toEqual({ records: 0, audit: 0 });
  });

  it("requires at least one source", async () => {
    const result = await exec(service, CREATE, { input: { ...validInput(), sources: [] } }, `Bearer ${await token(StateCode.SL, "editor")}`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "input.sources" });
  });

  it("answers a duplicate id with CONFLICT and keeps one record and one audit entry", async () => {
    const auth = `Bearer ${await token(StateCode.SL, "editor")}`;
    await exec(service, CREATE, { input: validInput() }, auth);
    const again = await exec(service, CREATE, { input: validInput() }, auth);
    expect(again.errors?.[0]?.extensions?.code).toBe(ErrorCode.CONFLICT);
    expect(await counts(service)).toEqual({ records: 1, audit: 1 });
  });
});

describe("audit history", () => {
  it("commits record and audit entry together: a failure after both writes leaves neither", async () => {
    failAfterWrite.enabled = true;
    const result = await exec(service, CREATE, { input: validInput() }, `Bearer ${await token(StateCode.SL, "editor")}`);
    expect(result.errors?.[0]?.extensions?.code).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(await counts(service)).toEqual({ records: 0, audit: 0 });
  });

  it("refuses to write an audit entry outside a transaction", async () => {
    await expect(
      recordChange(service.dataSource.manager, { recordType: "X", recordId: "SL-X", state: "SL", action: HistoryAction.CREATE, actor: { subject: "s", state: null, role: null }, source: ChangeSource.SEED, before: null, after: {} }),
    ).rejects.toThrow(/inside the write transaction/);
  });

  it("keeps an ended record queryable and records END and ATTACH_SOURCES with before and after", async () => {
    const auth = `Bearer ${await token(StateCode.SL, "editor")}`;
    await exec(service, CREATE, { input: validInput() }, auth);
    const ended = await exec(service, 'mutation { endToyPartnership(id: "SL-T-1", endedOn: "2024-01-31") { id status endedOn } }', {}, auth);
    expect(ended.data?.endToyPartnership).toEqual({ id: "SL-T-1", status: "ENDED", endedOn: "2024-01-31" });
    const attach = 'mutation($s: [SourceInput!]!) { attachToySources(id: "SL-T-1", sources: $s) { sources { url } } }';
    const extra = [{ url: "https://www.sol.de/saarland/losheim" }];
    expect((await exec(service, attach, { s: extra }, auth)).data?.attachToySources.sources).toHaveLength(2);
    // Attaching a source already cited changes nothing and records nothing.
    await exec(service, attach, { s: extra }, auth);

    const read = await exec(service, '{ toyPartnership(id: "SL-T-1") { status endedOn history { action changedFields before after } } }');
    expect(read.data?.toyPartnership).toMatchObject({ status: "ENDED", endedOn: "2024-01-31" });
    const history = read.data!.toyPartnership.history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(["CREATE", "END", "ATTACH_SOURCES"]);
    expect(history[1]).toMatchObject({ changedFields: ["endedOn", "status"], before: { status: "ACTIVE", endedOn: null }, after: { status: "ENDED", endedOn: "2024-01-31" } });
    expect(history[2].changedFields).toEqual(["sources"]);
  });

  it("rejects an end date before the signing date or in the future", async () => {
    const auth = `Bearer ${await token(StateCode.SL, "editor")}`;
    await exec(service, CREATE, { input: validInput() }, auth);
    const early = await exec(service, 'mutation { endToyPartnership(id: "SL-T-1", endedOn: "2020-01-01") { id } }', {}, auth);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "endedOn" });
    const future = await exec(service, 'mutation { endToyPartnership(id: "SL-T-1", endedOn: "2999-01-01") { id } }', {}, auth);
    expect(future.errors?.[0]?.message).toMatch(/future/);
    const missing = await exec(service, 'mutation { endToyPartnership(id: "SL-T-404", endedOn: "2024-01-01") { id } }', {}, auth);
    expect(missing.errors?.[0]?.extensions?.code).toBe(ErrorCode.NOT_FOUND);
    expect((await counts(service)).audit).toBe(1);
  });

  it("returns an empty history for an unknown id", async () => {
    expect((await exec(service, '{ toyHistory(id: "SL-T-404") { id } }')).data?.toyHistory).toEqual([]);
  });

  it("serves the history of a whole list in a bounded number of statements", async () => {
    const counter = new QueryCounter();
    const counted = await createToySubgraph({ counter });
    try {
      const auth = `Bearer ${await token(StateCode.SL, "editor")}`;
      for (let i = 1; i <= 12; i++) await exec(counted, CREATE, { input: validInput(`SL-T-${i}`) }, auth);
      counter.start();
      const result = await exec(counted, "{ toyPartnerships { id history { action } } }");
      const statements = counter.stop();
      expect(result.data?.toyPartnerships).toHaveLength(12);
      expect(result.data?.toyPartnerships.every((p: { history: unknown[] }) => p.history.length === 1)).toBe(true);
      expect(statements).toBe(2);
    } finally {
      await counted.close();
    }
  });

  it("serialises concurrent writes: every committed record has exactly its own audit entry", async () => {
    const auth = `Bearer ${await token(StateCode.SL, "editor")}`;
    await exec(service, CREATE, { input: validInput("SL-T-0") }, auth);
    // Contexts first, so that all 18 writes really start together; every third one collides
    // with the existing record and rolls back mid-flight.
    const contexts = await Promise.all(Array.from({ length: 18 }, () => service.createContext(auth)));
    const results = await Promise.all(
      contexts.map(async (contextValue, i) => {
        const response = await service.server.executeOperation({ query: CREATE, variables: { input: validInput(i % 3 === 0 ? "SL-T-0" : `SL-T-${i}`) } }, { contextValue });
        return (response.body as { singleResult: Result }).singleResult;
      }),
    );
    const failed = results.filter((r) => r.errors);
    expect(failed).toHaveLength(6);
    expect(failed.every((r) => r.errors![0]!.extensions?.code === ErrorCode.CONFLICT)).toBe(true);
    const records = await service.dataSource.getRepository(ToyPartnership).find();
    const audit = await service.dataSource.getRepository(AuditEntry).find();
    expect(records).toHaveLength(13);
    expect(audit.map((a) => a.recordId).sort()).toEqual(records.map((r) => r.id).sort());
  });
});

describe("over HTTP", () => {
  it("reads the Authorization header and answers an anonymous write with HTTP 401", async () => {
    const running = await service.listen(0);
    try {
      const post = (authorization?: string) =>
        fetch(running.url, {
          method: "POST",
          headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: CREATE, variables: { input: validInput() } }),
        });
      const anonymous = await post();
      expect(anonymous.status).toBe(401);
      expect((await anonymous.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
      const ok = await post(`Bearer ${await token(StateCode.SL, "editor")}`);
      expect(ok.status).toBe(200);
      expect((await ok.json()).data.createToyPartnership.id).toBe("SL-T-1");
    } finally {
      await running.stop();
    }
  });
});

describe("audit migration", () => {
  it("creates exactly the table the AuditEntry entity describes", async () => {
    const pending = await service.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });
});
