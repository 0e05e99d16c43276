import type { RunningServer, SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";

describe("Sachsen-Anhalt subgraph over HTTP", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  let http: RunningServer;
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
    http = await service.listen(0);
  });
  afterAll(async () => {
    await service.close();
  });

  it("reports health with the database", async () => {
    const response = await fetch(http.url.replace(/\/graphql$/, "/health"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", service: "sachsen-anhalt", database: "ok" });
  });

  it("answers a POST /graphql", async () => {
    const response = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ sachsenAnhalt { partnership(id: "ST-P-05") { municipality { id } signedOn { iso } } } }` }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { sachsenAnhalt: { partnership: { municipality: { id: "ST-M-15084550" }, signedOn: { iso: "2023-04-24" } } } } });
  });
});
