import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditEntry, runExport, runImport, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, SAARLAND_RECORD_IO, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data, tempDir } from "./helpers.js";
import { AUTH, CREATE, dataAs, editor, newPartnership, runAs } from "./write-helpers.js";

/**
 * The write path on PostgreSQL: the same mutations, audit and import/export as on SQLite.
 * Runs only when TEST_POSTGRES_URL points at a server where the user may create databases.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!baseUrl)("saarland write path on PostgreSQL", () => {
  const name = `saarland_write_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<SaarlandContext>;
  let dir: string;
  let cleanup: () => void;

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
    ({ dir, cleanup } = tempDir());
    await admin(`CREATE DATABASE ${name}`);
    service = await createSaarlandSubgraph({ databaseUrl: url, auth: AUTH });
  });
  afterAll(async () => {
    await service?.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
    cleanup?.();
  });

  it("creates, updates, ends and attaches sources with audit entries", async () => {
    const token = await editor();
    const created = (await dataAs(service, token, CREATE, { input: newPartnership() })).createSaarlandPartnership;
    expect(created.id).toBe("SL-P-12");
    await dataAs(service, token, `mutation { updateSaarlandPartnership(id: "SL-P-12", input: { signedOn: "2024-05" }) { id } }`);
    await dataAs(service, token, `mutation { endSaarlandPartnership(id: "SL-P-12", endedOn: "2024-12-31") { id } }`);
    await dataAs(service, token, `mutation { attachSaarlandSources(recordId: "SL-P-12", sources: [{ url: "https://example.org/pg" }]) { recordId } }`);
    const d = await data(service, `{ saarland { history(filter: { recordIds: ["SL-P-12"] }) { edges { node { action } } } partnership(id: "SL-P-12") { status endedOn signedOn { iso precision } sources { url } } } }`);
    expect(d.saarland.history.edges.map((e: { node: any }) => e.node).map((e: { action: string }) => e.action)).toEqual(["CREATE", "UPDATE", "END", "ATTACH_SOURCES"]);
    expect(d.saarland.partnership).toMatchObject({ status: "ENDED", endedOn: "2024-12-31", signedOn: { iso: "2024-05", precision: "MONTH" } });
    const [row] = await service.dataSource.query(`SELECT status, ended_on FROM cmp_participation WHERE id = 'SL-P-12'`);
    expect(row).toEqual({ status: "ENDED", ended_on: "2024-12-31" });
    // A refused write leaves no trace.
    const refused = await runAs(service, token, CREATE, { input: newPartnership({ id: "SL-P-12" }) });
    expect(refused.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect(await service.dataSource.getRepository(AuditEntry).count()).toBe(4);
  });

  it("re-imports its own export with every row unchanged", async () => {
    for (const [type, spec] of Object.entries(SAARLAND_RECORD_IO)) {
      const path = join(dir, `${type}.csv`);
      writeFileSync(path, await runExport({ format: "csv", rows: await spec.exportRecords!(service.dataSource.manager), columns: spec.columns }));
      const report = await runImport({ ...spec, file: path, dataSource: service.dataSource, state: "SL", actor: { subject: "pg", state: "SL", role: null } });
      expect(report.errors, type).toEqual([]);
      expect(report, type).toMatchObject({ ok: true, created: 0, updated: 0 });
    }
  });
});
