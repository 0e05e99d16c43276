import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCounter, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";

const PAGE = /* GraphQL */ `
  query ($first: Int!) {
    saarland {
      partnerships(first: $first, orderBy: SIGNED_ON) {
        edges { node {
          id signedOn { iso } sources { url }
          signatories { name basis } present { name }
          fieldsOfAction measures { measure sources { url } }
          registeredMunicipality { name ags preventionBodies { name } }
          programme { id }
        } }
      }
    }
  }
`;

describe("saarland subgraph: bounded SQL per request", () => {
  let service: SubgraphService<SaarlandContext>;
  const counter = new QueryCounter();

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:", counter });
  });
  afterAll(async () => {
    await service?.close();
  });

  async function statementsFor(first: number): Promise<{ count: number; items: number }> {
    counter.start();
    const d = await data(service, PAGE, { first });
    const count = counter.stop();
    return { count, items: d.saarland.partnerships.edges.length };
  }

  it("issues the same number of statements for 2 partnerships as for all of them", async () => {
    const two = await statementsFor(2);
    const all = await statementsFor(200);
    expect(two.items).toBe(2);
    expect(all.items).toBe(11);
    expect(all.count).toBe(two.count);
    // count + page + people + fields + measure links + catalogue + register + bodies + programme
    expect(all.count).toBeLessThanOrEqual(9);
  });

  it("reads the histories of several records with a count and a page, however many records", async () => {
    counter.start();
    await data(service, `{ saarland { history(filter: { recordIds: ["SL-P-10", "SL-P-11", "SL-E-001"] }) { totalCount edges { node { action } } } } }`);
    counter.stop();
    expect(counter.statements.filter((s) => /FROM "?audit_entry"?/.test(s)).length).toBeLessThanOrEqual(2);
    expect(counter.count).toBeLessThanOrEqual(2);
  });

  it("loads people once per request, however many partnerships ask", async () => {
    counter.start();
    await data(service, PAGE, { first: 200 });
    counter.stop();
    expect(counter.statements.filter((s) => /FROM "?partnership_person"?/.test(s))).toHaveLength(1);
  });
});
