import { runExportCommand, runImportCommand, StateCode, type SubgraphService } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { createSachsenSubgraph, SACHSEN, SACHSEN_IMPORT_ORDER, type SachsenContext } from "@laenderhub/subgraph-sachsen";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { data, query, tempDir } from "./helpers.js";
import { CREATE, TEST_AUTH, TEST_SOURCE, editor, execOk, validMembership } from "./write-helpers.js";

/**
 * The same migrations, seed, views and queries on PostgreSQL. Runs only when TEST_POSTGRES_URL
 * points at a server where the user may create databases (e.g.
 * postgres://postgres@127.0.0.1:5432/postgres); each run uses a database of its own.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!baseUrl)("sachsen subgraph on PostgreSQL", () => {
  const name = `sachsen_test_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<SachsenContext>;

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
    service = await createSachsenSubgraph({ databaseUrl: url });
  });
  afterAll(async () => {
    await service?.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  it("migrates, seeds and answers as on SQLite", async () => {
    const result = await query(service, `{ sachsen {
      memberships(first: 200) { totalCount edges { node { id signedOn { iso precision month day } effectiveOn { iso } signatories { name } } } }
      goerlitz: memberships(filter: { polizeidirektion: "Görlitz" }, first: 3) { totalCount edges { node { id } } }
      torgau: membership(id: "SN-P-007") { signedOn { iso precision } polizeidirektion signatories { name } present { name } }
      jointAgreements { edges { node { id memberships { id } } } }
      indicators(filter: { indicators: ["member_municipalities"] }) { edges { node { figures { value } latest { value } } } }
      fundingStatements { edges { node { amountEur } } }
      preventionBodies(first: 200) { edges { node { id statusOn { iso } } } }
      events { edges { node { id } } }
    } }`);
    const sachsen = result.sachsen;
    expect(sachsen.memberships.totalCount).toBe(data.participations.length);
    const nodes = sachsen.memberships.edges.map((e: any) => e.node);
    // Time order with unknown dates last on PostgreSQL too.
    expect(nodes.slice(0, 8).every((n: any) => n.effectiveOn?.iso === "2019-02-06")).toBe(true);
    expect(nodes.at(-1).signedOn.iso).toBeNull();
    expect(nodes.find((n: any) => n.id === "SN-P-023").signedOn).toEqual({ iso: null, precision: "DAY_MONTH", month: 4, day: 25 });
    expect(sachsen.goerlitz.totalCount).toBe(data.participations.filter((p) => p.parties.includes("Polizeidirektion Görlitz")).length);
    expect(sachsen.goerlitz.edges.map((e: any) => e.node)).toHaveLength(3);
    expect(sachsen.torgau).toEqual({
      signedOn: { iso: "2021-06-25", precision: "DAY" },
      polizeidirektion: null,
      signatories: [{ name: "Romina Barth" }, { name: "René Demmler" }, { name: "Sven Forkert" }],
      present: [{ name: "Prof. Dr. Roland Wöller" }, { name: "Dr. Christiane Schenderlein" }],
    });
    expect(sachsen.jointAgreements.edges.map((e: any) => e.node).map((a: any) => a.memberships.length)).toEqual([5, 4, 3]);
    expect(sachsen.indicators.edges.map((e: any) => e.node)[0].latest.value).toBe(60);
    expect(sachsen.fundingStatements.edges[0].node.amountEur).toBe(2600000);
    expect(sachsen.preventionBodies.edges.map((e: any) => e.node)).toHaveLength(data.municipalities.reduce((n, m) => n + m.prevention_bodies.length, 0));
    expect(sachsen.events.edges.map((e: any) => e.node)).toHaveLength(data.events.length);
  });

  it("serves the views with JSON the contract can read", async () => {
    const [schneeberg] = await service.dataSource.query(`SELECT ags, sources FROM cmp_municipality WHERE id = 'SN-M-SCHNEEBERG'`);
    expect(schneeberg.ags).toBeNull();
    expect(JSON.parse(schneeberg.sources).length).toBeGreaterThan(0);
    const [meerane] = await service.dataSource.query(`SELECT signed_month, signed_day, typename FROM cmp_participation WHERE id = 'SN-P-023'`);
    expect(meerane).toEqual({ signed_month: 4, signed_day: 25, typename: "AsskommMembership" });
  });

  it("does not seed twice", async () => {
    const again = await createSachsenSubgraph({ databaseUrl: url });
    try {
      const [{ n }] = await again.dataSource.query(`SELECT COUNT(*) AS n FROM membership`);
      expect(Number(n)).toBe(data.participations.length);
    } finally {
      await again.close();
    }
  });

  describeContractConformance(StateCode.SN, () => createSachsenSubgraph({ databaseUrl: url }) as never);
});

describe.skipIf(!baseUrl)("writes on PostgreSQL", () => {
  const name = `sachsen_write_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<SachsenContext>;

  beforeAll(async () => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    service = await createSachsenSubgraph({ databaseUrl: url, auth: TEST_AUTH });
  });
  afterAll(async () => {
    await service?.close();
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name}`);
    await client.end();
  });

  it("creates, updates, ends and attaches sources, with the views and the history in step", async () => {
    const auth = await editor();
    const input = validMembership({ municipalityId: undefined, newMunicipality: { ags: "14626020", name: "Testdorf", type: "Gemeinde", sources: [TEST_SOURCE] } });
    const created = (await execOk(service, CREATE, { input }, auth)).createAsskommMembership;
    expect(created).toMatchObject({ id: "SN-P-031", municipality: { id: "SN-M-14626020" }, fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"] });
    await execOk(service, `mutation { updateAsskommMembership(id: "SN-P-031", input: { signedOn: "2024-05" }) { id } }`, {}, auth);
    await execOk(service, `mutation { endAsskommMembership(id: "SN-P-031", endedOn: "2025-01-31") { id } }`, {}, auth);
    await execOk(service, `mutation ($s: [SourceInput!]!) { attachSachsenSources(recordId: "SN-P-031", sources: $s) { __typename } }`, { s: [{ url: "https://example.org/pg" }] }, auth);
    const [row] = await service.dataSource.query(`SELECT signed_on, signed_precision, status, ended_on, municipality_sort_name, sources FROM cmp_participation WHERE id = 'SN-P-031'`);
    expect({ ...row, sources: JSON.parse(row.sources).length }).toEqual({ signed_on: "2024-05", signed_precision: "MONTH", status: "ENDED", ended_on: "2025-01-31", municipality_sort_name: "testdorf", sources: 2 });
    const history = await execOk(service, `{ sachsen { history(filter: { recordIds: ["SN-P-031"] }) { edges { node { action } } } } }`);
    expect(history.sachsen.history.edges.map((e: { node: { action: string } }) => e.node.action)).toEqual(["CREATE", "UPDATE", "END", "ATTACH_SOURCES"]);
  });

  it("exports every record type and re-imports it unchanged", async () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const type of SACHSEN_IMPORT_ORDER) {
        const file = join(dir, `${type}.csv`);
        let out = "";
        const io = { out: (t: string) => (out += t), err: (t: string) => (out += t) };
        expect(await runExportCommand({ ...SACHSEN.cliOptions("export", ["--type", type, "--out", file, "--database", url], {}), io }), out).toBe(0);
        out = "";
        expect(await runImportCommand({ ...SACHSEN.cliOptions("import", [file, "--type", type, "--database", url], {}), io }), out).toBe(0);
        expect(out).toMatch(new RegExp(`^${type}: imported: 0 created, 0 updated, (\\d+) unchanged`));
      }
    } finally {
      cleanup();
    }
  });

  it("gives concurrent creates distinct ids", async () => {
    const auth = await editor();
    const results = await Promise.all(Array.from({ length: 5 }, () => execOk(service, CREATE, { input: validMembership() }, auth)));
    const ids = results.map((r) => r.createAsskommMembership.id);
    expect(new Set(ids).size).toBe(5);
  });
});
