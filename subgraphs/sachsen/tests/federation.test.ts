import type { SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data, query, servedPerson } from "./helpers.js";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on AsskommMembership { id stage polizeidirektion signedOn { iso precision } municipality { id } signatories { name basis } sources { url } }
  }
}`;

let service: SubgraphService<SachsenContext>;
beforeAll(async () => {
  service = await createTestSubgraph();
});
afterAll(async () => {
  await service.close();
});

describe("federation", () => {
  it("resolves AsskommMembership references by id, in the order asked, unknown ids to null", async () => {
    const representations = ["SN-P-020", "SN-P-NOPE", "SN-P-007"].map((id) => ({ __typename: "AsskommMembership", id }));
    const result = await query(service, ENTITIES, { representations });
    const [oelsnitz, unknown, torgau] = result._entities;
    expect(oelsnitz).toMatchObject({ __typename: "AsskommMembership", id: "SN-P-020", stage: "COOPERATION_AGREEMENT", polizeidirektion: "Polizeidirektion Chemnitz" });
    expect(unknown).toBeNull();
    const raw = data.participations.find((p) => p.id === "SN-P-007")!;
    expect(torgau).toEqual({
      __typename: "AsskommMembership",
      id: "SN-P-007",
      stage: "COOPERATION_AGREEMENT",
      polizeidirektion: null,
      signedOn: { iso: "2021-06-25", precision: "DAY" },
      municipality: { id: raw.municipality_id },
      signatories: raw.signatories.map((s) => ({ name: s.name, basis: servedPerson(s).basis })),
      sources: raw.sources.map((s) => ({ url: s.url })),
    });
  });

  it("resolves every membership of the data by reference", async () => {
    const representations = data.participations.map((p) => ({ __typename: "AsskommMembership", id: p.id }));
    const result = await query(service, ENTITIES, { representations });
    expect(result._entities.map((e: { id: string }) => e.id)).toEqual(data.participations.map((p) => p.id));
  });

  it("publishes the entity key and the shared interface in its SDL", async () => {
    const result = await query(service, `{ _service { sdl } }`);
    expect(result._service.sdl).toMatch(/type AsskommMembership implements Participation @key\(fields: "id"\) @shareable/);
    expect(result._service.sdl).toMatch(/sachsen: Sachsen\n/);
  });
});
