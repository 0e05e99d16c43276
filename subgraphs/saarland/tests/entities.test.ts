import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryCounter, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data, run } from "./helpers.js";

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      __typename
      ... on SaarlandSecurityPartnership { id ordinal municipality { id } signedOn { iso precision } signatories { name } sources { url } }
    }
  }
`;

describe("saarland subgraph: federation reference resolution", () => {
  let service: SubgraphService<SaarlandContext>;
  const counter = new QueryCounter();

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:", counter });
  });
  afterAll(async () => {
    await service?.close();
  });

  it("declares the partnership as a shareable entity implementing Participation", async () => {
    const d = await data(service, `{ _service { sdl } }`);
    expect(d._service.sdl).toMatch(/type SaarlandSecurityPartnership implements Participation @key\(fields: "id"\) @shareable/);
  });

  it("resolves representations in order, an unknown id to null", async () => {
    const reps = [
      { __typename: "SaarlandSecurityPartnership", id: "SL-P-11" },
      { __typename: "SaarlandSecurityPartnership", id: "SL-P-404" },
      { __typename: "SaarlandSecurityPartnership", id: "SL-P-10" },
    ];
    const d = await data(service, ENTITIES, { reps });
    expect(d._entities[0]).toMatchObject({ __typename: "SaarlandSecurityPartnership", id: "SL-P-11", ordinal: 11, municipality: { id: "SL-M-10042112" } });
    expect(d._entities[1]).toBeNull();
    expect(d._entities[2]).toMatchObject({ id: "SL-P-10", ordinal: 10, signedOn: { iso: "2021-06-30", precision: "DAY" } });
    expect(d._entities[2].sources.length).toBeGreaterThan(0);
  });

  it("batches many representations into one partnership lookup", async () => {
    const ids = Array.from({ length: 11 }, (_, i) => `SL-P-${String(i + 1).padStart(2, "0")}`);
    counter.start();
    const d = await data(service, ENTITIES, { reps: ids.map((id) => ({ __typename: "SaarlandSecurityPartnership", id })) });
    counter.stop();
    expect(d._entities.map((e: { id: string }) => e.id)).toEqual(ids);
    const partnershipSelects = counter.statements.filter((s) => /FROM "partnership" /.test(s));
    expect(partnershipSelects, counter.statements.join("\n")).toHaveLength(1);
    // Partnerships, then their people: two statements for any number of representations.
    expect(counter.count).toBe(2);
  });

  it("rejects a representation without an id", async () => {
    const result = await run(service, ENTITIES, { reps: [{ __typename: "SaarlandSecurityPartnership" }] });
    expect(result.errors?.length).toBeGreaterThan(0);
  });
});
