import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as shared from "../src/index.js";
import { AuditEntry, createDataSource, ErrorCode, issueToken, runImport, StateCode, WRITE_ENTITIES, WRITE_MIGRATIONS, type BaseContext, type SubgraphService } from "../src/index.js";
import { CreateToyRecord1700000000300, toyCsv, toyRecordSpec, ToyRecord } from "./fixtures/toy-records.mjs";
import { createToySubgraph, TOY_SECRET, ToyPartnership } from "./fixtures/toy-subgraph.js";

/**
 * The write path on PostgreSQL: the same migrations, transactions, audit and import. Runs only
 * when TEST_POSTGRES_URL points at a server where the user may create databases; each run
 * uses a database of its own.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!baseUrl)("write path on PostgreSQL", () => {
  const name = `write_test_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<BaseContext>;
  let dir: string;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    service = await createToySubgraph({ url });
    dir = mkdtempSync(join(tmpdir(), "lh-pg-import-"));
  });
  afterAll(async () => {
    await service?.close();
    rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  const exec = async (query: string, variables: Record<string, unknown>, authorization?: string) => {
    const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext(authorization) });
    return (response.body as { singleResult: { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> } }).singleResult;
  };
  const CREATE = "mutation($input: ToyPartnershipInput!) { createToyPartnership(input: $input) { id } }";
  const input = (id: string) => ({ id, municipality: "Bexbach", ags: "10045111", signedOn: "2018-06", sources: [{ url: "https://www.saarland.de/x" }] });

  it("migrates the audit table to exactly what the entity describes", async () => {
    const pending = await service.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("writes record and audit entry together, maps unique violations to CONFLICT, serves history", async () => {
    const auth = `Bearer ${await issueToken({ secret: TOY_SECRET, state: StateCode.SL, role: "editor", subject: "pg-editor", expiresIn: "1h" })}`;
    const results = await Promise.all(["SL-T-1", "SL-T-2", "SL-T-1", "SL-T-3"].map((id) => exec(CREATE, { input: input(id) }, auth)));
    expect(results.filter((r) => r.errors).map((r) => r.errors![0]!.extensions?.code)).toEqual([ErrorCode.CONFLICT]);
    expect(await service.dataSource.getRepository(ToyPartnership).count()).toBe(3);
    expect(await service.dataSource.getRepository(AuditEntry).count()).toBe(3);
    const history = await exec('{ toyHistory(id: "SL-T-2") { action actor { subject } after } }', {});
    expect(history.data.toyHistory).toEqual([{ action: "CREATE", actor: { subject: "pg-editor" }, after: expect.objectContaining({ id: "SL-T-2", signedOn: "2018-06" }) }]);
  });

  it("imports all or nothing and idempotently", async () => {
    const ds = await createDataSource({ url, entities: [...WRITE_ENTITIES, ToyRecord], migrations: [...WRITE_MIGRATIONS, CreateToyRecord1700000000300] });
    try {
      const spec = toyRecordSpec(shared);
      const actor = { subject: "pg-import", state: "SL", role: null };
      const bad = join(dir, "bad.csv");
      writeFileSync(bad, toyCsv(4).replace("SL-T-3,Gemeinde 3,10042113", "SL-T-3,Gemeinde 3,15042113"));
      const rejected = await runImport({ ...spec, file: bad, dataSource: ds, state: "SL", actor });
      expect(rejected.errors.map((e) => `${e.line}:${e.field}`)).toEqual(["4:ags"]);
      expect(await ds.getRepository(ToyRecord).count()).toBe(0);

      const good = join(dir, "good.csv");
      writeFileSync(good, toyCsv(40));
      expect(await runImport({ ...spec, file: good, dataSource: ds, state: "SL", actor })).toMatchObject({ ok: true, created: 40 });
      expect(await runImport({ ...spec, file: good, dataSource: ds, state: "SL", actor })).toMatchObject({ ok: true, unchanged: 40 });
      expect(await ds.getRepository(AuditEntry).countBy({ source: shared.ChangeSource.IMPORT })).toBe(40);
    } finally {
      await ds.destroy();
    }
  });
});
