import type { SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, run } from "./helpers.js";

let service: SubgraphService<SachsenContext>;
beforeAll(async () => {
  service = await createTestSubgraph();
});
afterAll(async () => {
  await service.close();
});

const errorOf = async (query: string) => {
  const result = await run(service, query);
  expect(result.errors, `expected an error from ${query}`).toBeDefined();
  return result.errors![0]!;
};

describe("bad arguments give a GraphQL error with a code", () => {
  it.each([
    ["a negative page size", `{ sachsen { memberships(first: -1) { totalCount } } }`, "first"],
    ["a page larger than the maximum", `{ sachsen { memberships(first: 201) { totalCount } } }`, "first"],
    ["a cursor that is not one", `{ sachsen { memberships(after: "-3") { totalCount } } }`, "after"],
    ["a blank id", `{ sachsen { membership(id: "  ") { id } } }`, "id"],
    ["a blank Polizeidirektion", `{ sachsen { memberships(filter: { polizeidirektion: " " }) { totalCount } } }`, "polizeidirektion"],
    ["a malformed indicator code", `{ sachsen { indicators(filter: { indicators: ["Budget; DROP TABLE indicator"] }) { edges { node { indicator } } } } }`, "filter.indicators[0]"],
  ])("%s → BAD_USER_INPUT naming the field", async (_name, query, field) => {
    const error = await errorOf(query);
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.extensions?.field).toBe(field);
    expect(error.extensions).not.toHaveProperty("stacktrace");
  });

  it("a malformed AGS → INVALID_AGS", async () => {
    const error = await errorOf(`{ sachsen { municipality(ags: "1473031") { id } } }`);
    expect(error.extensions).toMatchObject({ code: "INVALID_AGS", field: "ags" });
  });

  it("a municipality lookup needs exactly one of id and ags", async () => {
    for (const args of ["", `(id: "SN-M-14730310", ags: "14730310")`]) {
      const error = await errorOf(`{ sachsen { municipality${args} { id } } }`);
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("an unknown stage is bad user input", async () => {
    const error = await errorOf(`{ sachsen { memberships(filter: { stages: [SIGNED_TWICE] }) { totalCount } } }`);
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("SIGNED_TWICE");
  });

  it("a wrongly typed variable is bad user input", async () => {
    const result = await run(service, `query ($n: Int!) { sachsen { memberships(first: $n) { totalCount } } }`, { n: "many" });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
