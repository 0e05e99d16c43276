import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset } from "@laenderhub/shared";
import { startFederation, type RunningFederation } from "../support/federation.js";

// The municipal register through the gateway: a municipality no programme record names answers
// with its figures, and coverage equals what this test counts from the register's CSV and the
// cited participations.

interface RegisterRow { ags: string; name: string; district_key: string; population: string }
const register: RegisterRow[] = parse(readFileSync(new URL("../../shared/data/register/gemeinden-sl-sn-st.csv", import.meta.url), "utf8"), { columns: true });
const dataset = loadDataset();
/** The dataset leaves these two keys null; the register's README gives them. */
const KEY_FROM_README: Record<string, string> = { "SN-M-SCHNEEBERG": "14521530", "SN-M-KRAUSCHWITZ": "14626250" };
const PREFIX: Record<string, string> = { SL: "10", SN: "14", ST: "15" };

function handCount(state: string, instrument?: string) {
  const keys = new Set(
    dataset.participations
      .filter((p) => p.state === state && (!instrument || p.instrument === instrument))
      .map((p) => dataset.municipalities.find((m) => m.id === p.municipality_id)?.ags ?? KEY_FROM_README[p.municipality_id]),
  );
  const all = register.filter((r) => r.ags.startsWith(PREFIX[state]!));
  const taking = all.filter((r) => keys.has(r.ags));
  const people = (rows: RegisterRow[]) => rows.reduce((s, r) => s + Number(r.population), 0);
  return { municipalitiesTakingPart: taking.length, municipalities: all.length, populationTakingPart: people(taking), population: people(all) };
}

describe("the municipal register through the gateway", () => {
  let federation: RunningFederation;

  beforeAll(async () => {
    federation = await startFederation();
  });
  afterAll(async () => {
    await federation?.close();
  });

  it("answers for Dresden with its population and no participations", async () => {
    const res = await federation.post<any>(`{ municipality(ags: "14612000") { id name ags population populationReferenceOn areaKm2 district { key } participations { id } } }`);
    expect(res.errors).toBeUndefined();
    const dresden = register.find((r) => r.ags === "14612000")!;
    expect(res.data.municipality).toEqual({
      id: "SN-M-14612000", name: "Dresden", ags: "14612000", population: Number(dresden.population), populationReferenceOn: "2024-12-31",
      areaKm2: expect.any(Number), district: { key: "14612" }, participations: [],
    });
  });

  it("gives each state's share of municipalities and inhabitants taking part, as counted by hand, and under an instrument filter", async () => {
    const res = await federation.post<any>(`{ all: comparison { unavailableStates { state } states { state coverage { municipalitiesTakingPart municipalities populationTakingPart population shareOfMunicipalities shareOfPopulation } } }
      coop: comparison(filter: { instruments: [COOPERATION_AGREEMENT] }) { states { state coverage { municipalitiesTakingPart populationTakingPart } } }
      gazetteer: municipalities(first: 1) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.all.unavailableStates).toEqual([]);
    expect(res.data.gazetteer.totalCount).toBe(688);
    for (const state of ["SL", "SN", "ST"]) {
      const want = handCount(state);
      const got = res.data.all.states.find((s: any) => s.state === state).coverage;
      expect(got).toMatchObject(want);
      expect(got.shareOfMunicipalities).toBeCloseTo(want.municipalitiesTakingPart / want.municipalities, 12);
      expect(got.shareOfPopulation).toBeCloseTo(want.populationTakingPart / want.population, 12);
      const coop = handCount(state, "COOPERATION_AGREEMENT");
      expect(res.data.coop.states.find((s: any) => s.state === state)?.coverage ?? { municipalitiesTakingPart: 0, populationTakingPart: 0 }).toMatchObject({
        municipalitiesTakingPart: coop.municipalitiesTakingPart,
        populationTakingPart: coop.populationTakingPart,
      });
    }
  });
});
