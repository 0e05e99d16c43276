import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createCompareSubgraph, Municipality, type CompareContext } from "../src/index.js";
import { startFakeState, type FakeState } from "./support/fake-state.js";
import { run } from "./support/service.js";

/**
 * The gazetteer's migrations, seed and queries on PostgreSQL. Runs only when TEST_POSTGRES_URL
 * points at a server where the user may create databases; each run uses a database of its own.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;
const data = loadDataset();

describe.skipIf(!baseUrl)("compare subgraph on PostgreSQL", () => {
  const name = `compare_test_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<CompareContext>;
  let sn: FakeState;

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
    sn = await startFakeState(StateCode.SN, {
      municipalities: [{ id: "SN-M-14522999", name: "Neustadt am Test", ags: "14522999", districtName: null, type: "Gemeinde", sources: [{ url: "https://example.org/n", publisher: null, title: null, publishedOn: null }] }],
    });
    service = await createCompareSubgraph({ databaseUrl: url, registry: [sn.entry] });
  });
  afterAll(async () => {
    await service?.close();
    await sn?.stop();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  it("migrates, seeds and answers gazetteer lookups as on SQLite", async () => {
    // The dataset's municipalities and the register's others: 688 in all.
    expect(await service.dataSource.getRepository(Municipality).count()).toBe(688);
    const res = await run(service, `{ byAgs: municipality(ags: "10043114") { id district { key } } schneeberg: municipality(id: "SN-M-SCHNEEBERG") { ags agsStatus district { key } }
      page: municipalities(filter: { states: [SN], search: "görl" }, first: 5) { totalCount edges { node { name } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.byAgs).toEqual({ id: "SL-M-10043114", district: { key: "10043" } });
    expect(res.data!.schneeberg).toEqual({ ags: "14521530", agsStatus: "CONFIRMED", district: { key: "14521" } });
    expect(res.data!.page.edges.map((e: any) => e.node.name)).toEqual(["Görlitz"]);
  });

  it("stores a municipality fetched from its state in a transaction", async () => {
    const res = await run(service, `{ municipality(id: "SN-M-14522999") { id origin district { key } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipality).toEqual({ id: "SN-M-14522999", origin: "STATE", district: { key: "14522" } });
    expect(await service.dataSource.getRepository(Municipality).count()).toBe(689);
  });

  it("pages through municipalities in the same order as SQLite would", async () => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res: any = await run(service, `query ($after: String) { municipalities(first: 200, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, { after });
      ids.push(...res.data.municipalities.edges.map((e: any) => e.node.id));
      if (!res.data.municipalities.pageInfo.hasNextPage) break;
      after = res.data.municipalities.pageInfo.endCursor;
    }
    expect(new Set(ids).size).toBe(689);
  });

  it("counts coverage against the register in one statement, as on SQLite", async () => {
    const res: any = await run(service, `{ comparison { states { state coverage { municipalitiesTakingPart municipalities populationTakingPart municipalitiesOutsideRegister }
      y2020: coverage(asOf: "2020") { municipalitiesTakingPart } } } }`);
    expect(res.errors).toBeUndefined();
    const sn = res.data.comparison.states.find((s: any) => s.state === "SN");
    const taking = new Set(data.participations.filter((p) => p.state === "SN").map((p) => p.municipality_id));
    expect(sn.coverage).toMatchObject({ municipalitiesTakingPart: taking.size, municipalities: 418, municipalitiesOutsideRegister: 0 });
    expect(sn.coverage.populationTakingPart).toBeGreaterThan(0);
    expect(sn.y2020.municipalitiesTakingPart).toBeLessThan(taking.size);
  });
});
