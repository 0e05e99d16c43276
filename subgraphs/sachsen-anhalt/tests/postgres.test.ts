import { AuditEntry, runExport, runImport, StateCode, type BaseContext, type SubgraphService } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, SACHSEN_ANHALT_IO_SPECS, type SachsenAnhaltContext } from "../src/index.js";
import { data, run, tempDir } from "./helpers.js";
import { bearer, CREATE, newPartnership, TEST_AUTH } from "./write-helpers.js";

/**
 * The same migrations, seed, queries and contract on PostgreSQL. Runs only when
 * TEST_POSTGRES_URL points at a server where the user may create databases
 * (e.g. postgres://postgres@127.0.0.1:5432/postgres); each run uses a database of its own.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!baseUrl)("sachsen-anhalt subgraph on PostgreSQL", () => {
  const name = `sachsen_anhalt_test_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<SachsenAnhaltContext>;

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
    service = await createSachsenAnhaltSubgraph({ databaseUrl: url });
  });
  afterAll(async () => {
    await service?.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  it("migrates, seeds and answers as on SQLite", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt {
          partnerships(first: 100) { totalCount edges { node { id signedOn { iso precision } signatories { name } fieldsOfAction } } }
          filtered: partnerships(filter: { signedFrom: "2020", signedTo: "2021", fieldsOfAction: [JOINT_PATROLS] }) { edges { node { id } } }
          jointDeclarations { datedOn { iso } }
          regionalConferences { edges { node { occursOn { iso precision } datePeriod } } }
          indicators { edges { node { figures { id value qualifier } } } }
          preventionBodies(filter: { statuses: [EXISTING] }) { edges { node { actorTypes } } }
          landespraeventionsrat { constitutedOn { iso } memberCounts { value } }
      } }`,
    );
    expect(sachsenAnhalt.partnerships.totalCount).toBe(6);
    expect(sachsenAnhalt.partnerships.edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-01", "ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05", "ST-P-06"]);
    expect(sachsenAnhalt.partnerships.edges.map((e: any) => e.node)[3].signedOn).toEqual({ iso: "2021-07", precision: "MONTH" });
    expect(sachsenAnhalt.partnerships.edges.map((e: any) => e.node)[0].signatories.map((s: { name: string }) => s.name)).toEqual(["Ingrid Häußler", "Walter Schumann"]);
    expect(sachsenAnhalt.filtered.edges.map((e: any) => e.node)).toEqual([{ id: "ST-P-03" }, { id: "ST-P-04" }]);
    expect(sachsenAnhalt.jointDeclarations.map((d: { datedOn: { iso: string } }) => d.datedOn.iso)).toEqual(["2004-04-26", "2017-09-13"]);
    expect(sachsenAnhalt.regionalConferences.edges.map((e: any) => e.node)).toEqual([{ occursOn: { iso: "2017", precision: "HALF_YEAR" }, datePeriod: "2017-H2" }]);
    expect(sachsenAnhalt.indicators.edges.flatMap((e: any) => e.node.figures).map((i: { value: number }) => i.value)).toEqual([100, 180, 56, 50]);
    expect(sachsenAnhalt.preventionBodies.edges.map((e: any) => e.node)).toEqual([{ actorTypes: ["POLICE", "MUNICIPAL_AUTHORITY"] }]);
    expect(sachsenAnhalt.landespraeventionsrat.memberCounts.map((c: { value: number }) => c.value)).toEqual([56, 50]);
  });

  it("matches the entities: the migrated database needs no schema change", async () => {
    const pending = await service.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("does not seed twice", async () => {
    const again = await createSachsenAnhaltSubgraph({ databaseUrl: url });
    try {
      const [{ n }] = await again.dataSource.query(`SELECT COUNT(*) AS n FROM st_partnership`);
      expect(Number(n)).toBe(6);
    } finally {
      await again.close();
    }
  });

  describeContractConformance(StateCode.ST, async () => (await createSachsenAnhaltSubgraph({ databaseUrl: url })) as unknown as SubgraphService<BaseContext>);

  // After the conformance checks, which expect the seeded data as it is.
  it("writes through the API with its audit entries, and refuses what is invalid", async () => {
    const writable = await createSachsenAnhaltSubgraph({ databaseUrl: url, auth: TEST_AUTH });
    try {
      const editor = await bearer(StateCode.ST, "editor");
      const created = await run(writable, CREATE, { input: newPartnership() }, editor);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createSachsenAnhaltPartnership).toMatchObject({ id: "ST-P-07", municipality: { id: "ST-M-15090535" }, fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"] });
      const ended = await run(writable, `mutation { endSachsenAnhaltPartnership(id: "ST-P-07", endedOn: "2025-01-31") { status endedOn } }`, {}, editor);
      expect(ended.data!.endSachsenAnhaltPartnership).toEqual({ status: "ENDED", endedOn: "2025-01-31" });
      const taken = await run(writable, CREATE, { input: newPartnership() }, editor);
      expect(taken.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "input.newMunicipality.ags" });
      const { sachsenAnhalt } = await data(writable, `{ sachsenAnhalt { history(filter: { recordIds: ["ST-P-07"] }) { edges { node { action } } } } }`);
      expect(sachsenAnhalt.history.edges.map((e: any) => e.node)).toEqual([{ action: "CREATE" }, { action: "END" }]);
      const contract = await data(writable, `{ _comparativeParticipations(filter: { statuses: ["ENDED"] }) { rows { id municipalityName } } }`);
      expect(contract._comparativeParticipations.rows).toEqual([{ id: "ST-P-07", municipalityName: "Hansestadt Stendal" }]);
    } finally {
      await writable.close();
    }
  });

  it("exports every record type and re-imports it unchanged", async () => {
    const { dir, remove } = tempDir();
    try {
      const audit = await service.dataSource.getRepository(AuditEntry).count();
      for (const [type, spec] of Object.entries(SACHSEN_ANHALT_IO_SPECS)) {
        const file = join(dir, `${type}.csv`);
        writeFileSync(file, await runExport({ format: "csv", rows: await spec.exportRecords!(service.dataSource.manager), columns: spec.columns }));
        const report = await runImport({ ...spec, file, dataSource: service.dataSource, state: "ST", actor: { subject: "pg-test", state: "ST", role: null } });
        expect(report.errors, type).toEqual([]);
        expect(report, type).toMatchObject({ ok: true, created: 0, updated: 0 });
      }
      expect(await service.dataSource.getRepository(AuditEntry).count()).toBe(audit);
    } finally {
      remove();
    }
  });
});
