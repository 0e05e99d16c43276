import { QueryCounter, type SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data, query } from "./helpers.js";

// Fields that every membership resolves through a loader, whatever its data.
const PAGE = `query ($first: Int!) { sachsen { memberships(first: $first) { totalCount edges { node {
  id signedOn { iso } fieldsOfAction
  signatories { name role party } present { name }
  sources { url }
  registeredMunicipality { name ags preventionBodies { id } }
} } } } }`;

// Links that only some memberships have: a joint agreement, a preceding Vorvereinbarung.
const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on AsskommMembership {
    id signatories { name } present { name } sources { url } fieldsOfAction registeredMunicipality { name }
    jointAgreement { id memberships { id signatories { name } } }
    preAgreement { id signatories { name } }
  }
} }`;

const counter = new QueryCounter();
let service: SubgraphService<SachsenContext>;
beforeAll(async () => {
  service = await createTestSubgraph({ counter });
});
afterAll(async () => {
  await service.close();
});

/** SQL statements one operation runs (transaction control not counted). */
async function statements(text: string, variables: Record<string, unknown>): Promise<{ count: number; result: any }> {
  counter.start();
  const result = await query(service, text, variables);
  return { count: counter.stop(), result };
}

const representations = (ids: string[]) => ({ representations: ids.map((id) => ({ __typename: "AsskommMembership", id })) });

describe("a request runs a bounded number of SQL statements", () => {
  it("a page of memberships with people, sources and register entries costs the same for 2 rows as for all", async () => {
    const two = await statements(PAGE, { first: 2 });
    const all = await statements(PAGE, { first: 200 });
    expect(two.result.sachsen.memberships.edges.map((e: any) => e.node)).toHaveLength(2);
    expect(all.result.sachsen.memberships.edges.map((e: any) => e.node)).toHaveLength(data.participations.length);
    expect(all.count).toBe(two.count);
    // count, page, people, fields, municipalities, prevention bodies
    expect(all.count).toBe(6);
  });

  it("resolving N references with their links costs the same for 2 as for all", async () => {
    // A member of a joint agreement and a cooperation agreement with a Vorvereinbarung: every link is taken.
    const two = await statements(ENTITIES, representations(["SN-P-013a", "SN-P-020"]));
    expect(two.result._entities[0].jointAgreement.memberships).toHaveLength(5);
    expect(two.result._entities[1].preAgreement.id).toBe("SN-P-008");
    const all = await statements(ENTITIES, representations(data.participations.map((p) => p.id)));
    expect(all.result._entities).toHaveLength(data.participations.length);
    // All can cost less than two (the linked rows are then already in the request's loaders), never more.
    expect(all.count).toBeLessThanOrEqual(two.count);
    // memberships, people, fields, municipalities, joint-agreement members, pre-agreements, the linked rows' people
    expect(two.count).toBeLessThanOrEqual(7);
  });

  it("counts the statements it is meant to count", async () => {
    // Guards the test itself: a counter that saw nothing would make the bounds above pass vacuously.
    const one = await statements(`{ sachsen { membership(id: "SN-P-007") { id } } }`, {});
    expect(one.count).toBe(1);
  });
});
