import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LIST, MAX_NOTE, MAX_URL, StateCode, type SubgraphService } from "@laenderhub/shared";
import type { SachsenAnhaltContext } from "../src/index.js";
import { run } from "./helpers.js";
import { bearer, counts, CREATE, createWritableSubgraph, newPartnership, SOURCE } from "./write-helpers.js";

// Reported: editors could store 900 KB source URLs and 10,000 notes on one record.
describe("sachsen-anhalt: declared input limits", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createWritableSubgraph();
  });
  afterAll(async () => {
    await service?.close();
  });

  async function refused(variables: Record<string, unknown>, field: string, limit: number): Promise<void> {
    const before = await counts(service);
    const res = await run(service, CREATE, variables, await bearer(StateCode.ST, "editor"));
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, limit });
    expect(JSON.stringify(res).length, "the answer does not quote the input").toBeLessThan(2048);
    expect(await counts(service), "nothing written, no audit entry").toEqual(before);
  }

  it("refuses a 1 MB note, a 900 KB source URL and 10,000 notes, writing nothing", async () => {
    await refused({ input: newPartnership(), note: "n".repeat(1_000_000) }, "note", MAX_NOTE);
    await refused({ input: newPartnership({ sources: [{ ...SOURCE, url: `https://example.org/${"u".repeat(900_000)}` }] }) }, "input.sources[0].url", MAX_URL);
    await refused({ input: newPartnership({ notes: Array.from({ length: 10_000 }, (_, i) => `note ${i}`) }) }, "input.notes", MAX_LIST);
  });

  it("keeps serving: a valid partnership is still written", async () => {
    const res = await run(service, CREATE, { input: newPartnership() }, await bearer(StateCode.ST, "editor"));
    expect(res.errors ?? []).toEqual([]);
  });
});
