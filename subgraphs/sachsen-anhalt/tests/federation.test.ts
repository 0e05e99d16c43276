import { QueryCounter, type SubgraphService } from "@laenderhub/shared";
import { printSubgraphSchema } from "@apollo/subgraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, printSachsenAnhaltSchema, type SachsenAnhaltContext } from "../src/index.js";
import { data, run } from "./helpers.js";

const ENTITIES = `query ($reps: [_Any!]!) {
  _entities(representations: $reps) {
    __typename
    ... on SachsenAnhaltLocalPartnership { id signedOn { iso precision } policePartner { kind } signatories { name } sources { url } }
  }
}`;

describe("Sachsen-Anhalt subgraph: federation", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  const counter = new QueryCounter();
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:", counter });
  });
  afterAll(async () => {
    await service.close();
  });

  it("resolves SachsenAnhaltLocalPartnership references, in order, unknown ids as null", async () => {
    const reps = ["ST-P-05", "ST-P-99", "ST-P-01"].map((id) => ({ __typename: "SachsenAnhaltLocalPartnership", id }));
    const { _entities } = await data(service, ENTITIES, { reps });
    expect(_entities).toHaveLength(3);
    expect(_entities[0]).toMatchObject({ __typename: "SachsenAnhaltLocalPartnership", id: "ST-P-05", signedOn: { iso: "2023-04-24", precision: "DAY" }, policePartner: { kind: "POLIZEIREVIER" } });
    expect(_entities[1]).toBeNull();
    expect(_entities[2].signatories.map((s: { name: string }) => s.name)).toEqual(["Ingrid Häußler", "Walter Schumann"]);
    expect(_entities[2].sources.length).toBeGreaterThan(0);
  });

  it("batches reference resolution: one statement for the partnerships however many are asked", async () => {
    const one = [{ __typename: "SachsenAnhaltLocalPartnership", id: "ST-P-01" }];
    const all = ["ST-P-01", "ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05", "ST-P-06"].map((id) => ({ __typename: "SachsenAnhaltLocalPartnership", id }));
    const count = async (reps: object[]) => {
      counter.start();
      await data(service, `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on SachsenAnhaltLocalPartnership { id } } }`, { reps });
      return counter.stop();
    };
    expect(await count(one)).toBe(1);
    expect(await count(all)).toBe(1);
  });

  it("declares the entity with @key and @shareable and implements the shared Participation interface", async () => {
    const sdl = printSubgraphSchema(service.schema);
    expect(sdl).toMatch(/type SachsenAnhaltLocalPartnership implements Participation @key\(fields: "id"\) @shareable/);
    expect(sdl).toMatch(/type Municipality @key\(fields: "id", resolvable: false\)/);
    expect(sdl).toContain("sachsenAnhalt: SachsenAnhalt\n");
    const { _service } = await data(service, `{ _service { sdl } }`);
    expect(_service.sdl).toContain("type SachsenAnhalt ");
  });

  it("prints the same SDL from an empty database as from the seeded one", async () => {
    expect(await printSachsenAnhaltSchema()).toBe(printSubgraphSchema(service.schema));
  });

  it("answers municipality references of the partnerships with the gazetteer id only", async () => {
    const result = await run(service, `{ sachsenAnhalt { partnership(id: "ST-P-02") { municipality { id } } } }`);
    expect(result.data!.sachsenAnhalt.partnership.municipality).toEqual({ id: "ST-M-15081135" });
  });
});
