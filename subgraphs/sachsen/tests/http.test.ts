import type { RunningServer, SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph } from "./helpers.js";

let service: SubgraphService<SachsenContext>;
let server: RunningServer;
beforeAll(async () => {
  service = await createTestSubgraph();
  server = await service.listen(0);
});
afterAll(async () => {
  await service.close();
});

describe("over HTTP", () => {
  it("answers /health with the database state", async () => {
    const response = await fetch(new URL("/health", server.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", service: "sachsen", database: "ok" });
  });

  it("answers a GraphQL POST on /graphql", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ sachsen { state membership(id: "SN-P-012") { format } } }` }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { sachsen: { state: "SN", membership: { format: "VIDEOCONFERENCE" } } } });
  });
});
