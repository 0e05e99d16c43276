import { QueryCounter, StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";
import { data, run } from "./helpers.js";
import { bearer, CREATE, newPartnership, TEST_AUTH } from "./write-helpers.js";

const PAGE = `query ($first: Int!) {
  sachsenAnhalt {
    partnerships(first: $first) {
      totalCount
      edges { node {
        id signedOn { iso } fieldsOfAction policePartner { name }
        signatories { name role basis } present { name }
        sources { url }
        registeredMunicipality { id ags preventionBodies { id sources { url } } }
        agreementMembers { id }
      } }
    }
  }
}`;

describe("Sachsen-Anhalt subgraph: bounded SQL per request", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  const counter = new QueryCounter();
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:", counter, auth: TEST_AUTH });
  });
  afterAll(async () => {
    await service.close();
  });

  async function statementsFor(first: number): Promise<{ count: number; items: number; statements: string[] }> {
    counter.start();
    const { sachsenAnhalt } = await data(service, PAGE, { first });
    const count = counter.stop();
    return { count, items: sachsenAnhalt.partnerships.edges.map((e: any) => e.node).length, statements: [...counter.statements] };
  }

  it("runs the same number of statements for 2 partnerships as for all of them", async () => {
    const two = await statementsFor(2);
    const all = await statementsFor(100);
    expect(two.items).toBe(2);
    expect(all.items).toBe(6);
    expect(all.count).toBe(two.count);
    // count, page, people, fields, municipalities, their prevention bodies, agreement members.
    expect(all.count).toBeLessThanOrEqual(7);
  });

  it("loads signatories and present people of a page in one statement", async () => {
    const all = await statementsFor(100);
    expect(all.statements.filter((s) => /FROM "st_partnership_person"/.test(s))).toHaveLength(1);
    expect(all.statements.filter((s) => /FROM "st_partnership_field"/.test(s))).toHaveLength(1);
  });

  it("writes a partnership with the same number of statements for 1 person as for 30", async () => {
    const editor = await bearer(StateCode.ST, "editor");
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Person ${i + 1}`, basis: "SIGNED" }));
    const statementsFor = async (n: number, id: string) => {
      const { newMunicipality: _new, ...input } = newPartnership({ id, signatories: people(n), present: people(n).map((p) => ({ ...p, basis: "PRESENT" })) });
      counter.start();
      const result = await run(service, CREATE, { input: { ...input, municipalityId: "ST-M-15003000" } }, editor);
      const count = counter.stop();
      expect(result.errors).toBeUndefined();
      return count;
    };
    const one = await statementsFor(1, "ST-P-40");
    const thirty = await statementsFor(30, "ST-P-41");
    expect(thirty).toBe(one);
    // checks (programme, municipality, id), the row, its people, its fields, the audit entry, the result and its lists,
    // and the contract tally's refresh before the commit (3).
    expect(one).toBeLessThanOrEqual(19);
  });
});
