import { describe, expect, it } from "vitest";
import { STATE_SUBGRAPHS } from "@laenderhub/shared";
import { printCompareSchema } from "../src/index.js";

describe("compare schema", () => {
  it("prints a subgraph SDL with the gazetteer entity and one concrete participation type per registry entry", async () => {
    const sdl = await printCompareSchema();
    expect(sdl).toMatch(/type Municipality @key\(fields: "id"\)/);
    const names = STATE_SUBGRAPHS.flatMap((s) => s.participationTypes);
    expect(names.length).toBeGreaterThan(0);
    // Not resolvable here: a plan that starts at a state goes on to the gazetteer's Municipality.
    for (const name of names) expect(sdl).toMatch(new RegExp(`type ${name} implements Participation @key\\(fields: "id", resolvable: false\\) @shareable`));
    for (const field of ["participations(", "comparison(", "people(", "municipality(", "municipalities(", "district(", "districts(", "state(", "states:", "programmes(", "events(", "indicators("]) {
      expect(sdl, field).toContain(`  ${field}`);
    }
    // The contract is the states' business; compare only calls it.
    expect(sdl).not.toContain("_comparative");
  });
});
