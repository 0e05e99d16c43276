import type { SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";
import { data, run } from "./helpers.js";

describe("Sachsen-Anhalt subgraph: lookups and bad input", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service.close();
  });

  it("returns null for ids that do not exist", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { partnership(id: "ST-P-99") { id } other: partnership(id: "SL-P-01") { id } event(id: "ST-E-999") { id } municipality(id: "ST-M-00000000") { id } } }`,
    );
    expect(sachsenAnhalt).toEqual({ partnership: null, other: null, event: null, municipality: null });
  });

  it("finds the records that do exist by id", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { partnership(id: "ST-P-03") { id } event(id: "ST-E-006") { title } municipality(id: "ST-M-15003000") { name } } }`);
    expect(sachsenAnhalt).toEqual({
      partnership: { id: "ST-P-03" },
      event: { title: "Signing of the Gemeinsame Erklärung (Fortschreibung)" },
      municipality: { name: "Magdeburg" },
    });
  });

  it.each([
    ["a negative page size", `{ sachsenAnhalt { partnerships(first: -1) { totalCount } } }`, "first"],
    ["a page larger than the limit", `{ sachsenAnhalt { partnerships(first: 201) { totalCount } } }`, "first"],
    ["a cursor that is not one", `{ sachsenAnhalt { partnerships(after: "-5") { totalCount } } }`, "after"],
    ["a date bound that is not an ISO prefix", `{ sachsenAnhalt { partnerships(filter: { signedFrom: "2021-13" }) { totalCount } } }`, "filter.signedFrom"],
    ["a date bound in another format", `{ sachsenAnhalt { partnerships(filter: { signedTo: "13.09.2017" }) { totalCount } } }`, "filter.signedTo"],
    ["an empty id", `{ sachsenAnhalt { partnership(id: " ") { id } } }`, "id"],
  ])("rejects %s with BAD_USER_INPUT naming the field", async (_name, query, field) => {
    const result = await run(service, query);
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors![0]!.extensions).not.toHaveProperty("stacktrace");
  });

  it("rejects values outside an enum as bad input, naming the variable where there is one", async () => {
    const result = await run(service, `{ sachsenAnhalt { preventionBodies(filter: { statuses: [CLOSED] }) { edges { node { id } } } } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toMatch(/"CLOSED" does not exist in "PreventionBodyStatus"/);
    const variables = await run(service, `query ($s: PreventionBodyStatus!) { sachsenAnhalt { preventionBodies(filter: { statuses: [$s] }) { edges { node { id } } } } }`, { s: "CLOSED" });
    expect(variables.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "s" });
  });
});
