import { StateCode, type RunningServer, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SachsenAnhaltContext } from "../src/index.js";
import { bearer, CREATE, createWritableSubgraph, newPartnership } from "./write-helpers.js";

describe("writes over HTTP", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  let http: RunningServer;
  beforeAll(async () => {
    service = await createWritableSubgraph();
    http = await service.listen(0);
  });
  afterAll(async () => {
    await service.close();
  });

  const post = (authorization?: string) =>
    fetch(http.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query: CREATE, variables: { input: newPartnership() } }),
    });

  it("answers 401 without a token and 403 for a viewer, with the coded error in the body", async () => {
    const anonymous = await post();
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_TOKEN" });
    const viewer = await post(await bearer(StateCode.ST, "viewer"));
    expect(viewer.status).toBe(403);
    expect((await viewer.json()).errors[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_EDITOR" });
  });

  it("takes the editor's bearer token from the Authorization header", async () => {
    const response = await post(await bearer(StateCode.ST, "editor"));
    expect(response.status).toBe(200);
    expect((await response.json()).data.createSachsenAnhaltPartnership.id).toBe("ST-P-07");
  });
});
