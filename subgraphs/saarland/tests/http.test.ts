import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer, SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, printSaarlandSchema, type SaarlandContext } from "@laenderhub/subgraph-saarland";

describe("saarland subgraph over HTTP", () => {
  let service: SubgraphService<SaarlandContext>;
  let http: RunningServer;

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:" });
    http = await service.listen(0);
  });
  afterAll(async () => {
    await service?.close();
  });

  it("answers /health and /graphql on a free port", async () => {
    expect(http.port).toBeGreaterThan(0);
    const health = await fetch(new URL("/health", http.url));
    expect(await health.json()).toMatchObject({ status: "ok", service: "saarland", database: "ok" });
    const res = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ saarland { partnershipByOrdinal(n: 10) { municipalityName } } }` }),
    });
    expect(await res.json()).toEqual({ data: { saarland: { partnershipByOrdinal: { municipalityName: "Bexbach" } } } });
  });

  it("prints the subgraph SDL for composition", async () => {
    const sdl = await printSaarlandSchema();
    expect(sdl).toContain('type SaarlandSecurityPartnership implements Participation @key(fields: "id") @shareable');
    expect(sdl).toMatch(/saarland: Saarland\n/);
    expect(sdl).toMatch(/_comparativeParticipations\(/);
  });
});
