import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LIST, MAX_NOTE, MAX_URL, type SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { counts, CREATE, createWriteSubgraph, editor, exec, TEST_SOURCE, validMembership } from "./write-helpers.js";

// Reported: editors could store 900 KB source URLs and 10,000 notes on one record.
describe("sachsen: declared input limits", () => {
  let service: SubgraphService<SachsenContext>;
  beforeAll(async () => {
    service = await createWriteSubgraph();
  });
  afterAll(async () => {
    await service?.close();
  });

  async function refused(variables: Record<string, unknown>, field: string, limit: number): Promise<void> {
    const before = await counts(service);
    const res = await exec(service, CREATE, variables, await editor());
    expect(res.data ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, limit });
    expect(JSON.stringify(res).length, "the answer does not quote the input").toBeLessThan(2048);
    expect(await counts(service), "nothing written, no audit entry").toEqual(before);
  }

  it("refuses a 1 MB note, a 900 KB source URL and 10,000 notes, writing nothing", async () => {
    await refused({ input: validMembership(), note: "n".repeat(1_000_000) }, "note", MAX_NOTE);
    await refused({ input: validMembership({ sources: [{ ...TEST_SOURCE, url: `https://example.org/${"u".repeat(900_000)}` }] }) }, "input.sources[0].url", MAX_URL);
    await refused({ input: validMembership({ notes: Array.from({ length: 10_000 }, (_, i) => `note ${i}`) }) }, "input.notes", MAX_LIST);
  });

  it("keeps serving: a valid membership is still written", async () => {
    const res = await exec(service, CREATE, { input: validMembership() }, await editor());
    expect(res.errors ?? []).toEqual([]);
  });
});
