import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StateCode, type SubgraphService } from "@laenderhub/shared";
import { describeContractConformance } from "@laenderhub/shared/testing";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";

/**
 * The same migrations, seed, queries and contract on PostgreSQL. Runs only when
 * TEST_POSTGRES_URL points at a server where the user may create databases
 * (e.g. postgres://postgres@127.0.0.1:5432/postgres); each run uses a database of its own.
 */
const baseUrl = process.env.TEST_POSTGRES_URL;

describe.skipIf(!baseUrl)("saarland subgraph on PostgreSQL", () => {
  const name = `saarland_test_${randomBytes(4).toString("hex")}`;
  const url = baseUrl ? Object.assign(new URL(baseUrl), { pathname: `/${name}` }).toString() : "";
  let service: SubgraphService<SaarlandContext>;

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
    service = await createSaarlandSubgraph({ databaseUrl: url });
  });
  afterAll(async () => {
    await service?.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  it("migrates, seeds and answers as on SQLite", async () => {
    const d = await data(
      service,
      `{ saarland {
          partnerships(first: 200, orderBy: SIGNED_ON) { totalCount edges { node { id signedOn { iso } } } }
          byOrdinal: partnerships(first: 3, orderBy: ORDINAL) { edges { node { ordinal } } }
          byName: partnerships(first: 1, orderBy: MUNICIPALITY_NAME) { edges { node { municipalityName } } }
          filtered: partnerships(filter: { signedFrom: "2019", signedTo: "2019", fieldsOfAction: [SECURITY_ANALYSIS] }) { edges { node { id } } }
          partnershipByOrdinal(n: 10) { municipalityName signatories { name } measures { measure } }
          indicators { edges { node { figures { value } } } }
      } }`,
    );
    expect(d.saarland.partnerships.totalCount).toBe(11);
    // Unknown dates last on PostgreSQL too.
    expect(d.saarland.partnerships.edges[10].node.signedOn.iso).toBeNull();
    expect(d.saarland.byOrdinal.edges.map((e: { node: any }) => e.node).map((p: { ordinal: number }) => p.ordinal)).toEqual([1, 2, 7]);
    expect(d.saarland.byName.edges.map((e: { node: any }) => e.node)[0].municipalityName).toBe("Bexbach");
    expect(d.saarland.filtered.edges.map((e: { node: any }) => e.node)).toEqual([{ id: "SL-P-06" }]);
    expect(d.saarland.partnershipByOrdinal.municipalityName).toBe("Bexbach");
    expect(d.saarland.partnershipByOrdinal.signatories).toHaveLength(2);
    expect(d.saarland.indicators.edges[0].node.figures.map((v: { value: number }) => v.value)).toEqual([2, 7, 10, 11]);
  });

  it("does not seed twice", async () => {
    const again = await createSaarlandSubgraph({ databaseUrl: url });
    try {
      const [{ n }] = await again.dataSource.query(`SELECT COUNT(*) AS n FROM partnership`);
      expect(Number(n)).toBe(11);
    } finally {
      await again.close();
    }
  });

  describeContractConformance(StateCode.SL, () => createSaarlandSubgraph({ databaseUrl: url }) as never);
});
