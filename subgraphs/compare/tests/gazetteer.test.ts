import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataset, loadRegister, sortableName, splitRegisterName, type SubgraphService } from "@laenderhub/shared";
import { createCompareSubgraph, Municipality, type CompareContext } from "../src/index.js";
import { createTestCompare, run } from "./support/service.js";

// The package's own data, read independently of the gazetteer's loader.
const require = createRequire(import.meta.url);
const PACKAGE_DISTRICTS = require("landkreise-deutschland/data/districts.json") as { AGS: string | number; name: string; type: string; population: number }[];
const packageDistrict = (key: string) => PACKAGE_DISTRICTS.find((d) => String(d.AGS).padStart(5, "0") === key)!;
const dataset = loadDataset();
const register = [...loadRegister().values()];
/** The two dataset towns without a key, and the keys the register's README gives them. */
const KEYED_BY_REGISTER: Record<string, string> = { "SN-M-SCHNEEBERG": "14521530", "SN-M-KRAUSCHWITZ": "14626250" };
const datasetIdOfAgs = new Map([...dataset.municipalities.filter((m) => m.ags).map((m) => [m.ags!, m.id] as const), ...Object.entries(KEYED_BY_REGISTER).map(([id, ags]) => [ags, id] as const)]);
/** Every gazetteer record the seed gives: the dataset's under their ids, the register's others as <state>-M-<AGS>. */
const seeded = register.map((r) => {
  const id = datasetIdOfAgs.get(r.ags);
  return { id: id ?? `${r.state}-M-${r.ags}`, ags: r.ags, name: id ? dataset.municipalities.find((m) => m.id === id)!.name : splitRegisterName(r.officialName).name };
});

const MUNICIPALITY = /* GraphQL */ `
  query ($id: ID, $ags: String) {
    municipality(id: $id, ags: $ags) {
      id name ags agsStatus agsNote type districtNameInSources districtBasis origin
      agsSources { url } sources { url publisher publishedOn }
      state { code name agsPrefix population }
      district { key name officialName type population areaKm2 populationDensity referenceOn sources { url publisher publishedOn } }
    }
  }
`;

describe("gazetteer", () => {
  let service: SubgraphService<CompareContext>;
  let counter: Awaited<ReturnType<typeof createTestCompare>>["counter"];

  beforeAll(async () => {
    ({ service, counter } = await createTestCompare());
  });
  afterAll(async () => {
    await service?.close();
  });

  it("seeds every municipality of the dataset and of the register, none dropped, the dataset's ids kept", async () => {
    const records = await service.dataSource.getRepository(Municipality).find();
    expect(records).toHaveLength(688);
    expect(new Set(records.map((r) => r.id))).toEqual(new Set(seeded.map((r) => r.id)));
    for (const m of dataset.municipalities) expect(records.find((r) => r.id === m.id)?.origin).toBe("SEED");
    expect(records.every((r) => r.population !== null && r.areaKm2 !== null && r.populationReferenceOn === "2024-12-31")).toBe(true);
  });

  it("looks Neunkirchen up by id and by AGS, with its district and population from Destatis", async () => {
    const byId = await run(service, MUNICIPALITY, { id: "SL-M-10043114" });
    expect(byId.errors).toBeUndefined();
    const m = byId.data!.municipality;
    const raw = dataset.municipalities.find((r) => r.id === "SL-M-10043114")!;
    expect(m).toMatchObject({ id: "SL-M-10043114", name: raw.name, ags: "10043114", agsStatus: "CONFIRMED", districtBasis: "AGS", origin: "SEED" });
    expect(m.sources.length).toBeGreaterThan(0);
    expect(m.agsSources.map((s: { url: string }) => s.url)).toEqual(raw.ags_sources.map((s) => s.url));
    expect(m.state).toMatchObject({ code: "SL", name: "Saarland", agsPrefix: "10" });
    const pkg = packageDistrict("10043");
    expect(m.district).toMatchObject({ key: "10043", name: "Landkreis Neunkirchen", officialName: pkg.name, type: "Landkreis", population: pkg.population, referenceOn: "2018-12-31" });
    expect(m.district.sources[0]).toEqual({
      url: "https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/04-kreise.html",
      publisher: "Statistisches Bundesamt (Destatis), GV-ISys, via the landkreise-deutschland package (CC BY 4.0)",
      publishedOn: "2018-12-31",
    });
    // The district name the sources give agrees with the district found by key.
    expect(m.district.name).toBe(raw.landkreis);

    const byAgs = await run(service, MUNICIPALITY, { ags: "10043114" });
    expect(byAgs.errors).toBeUndefined();
    expect(byAgs.data!.municipality).toEqual(m);
  });

  it("gives Schneeberg and Krauschwitz, which the dataset leaves without a key, the register's key, cited, and says so", async () => {
    for (const [id, districtKey] of [["SN-M-SCHNEEBERG", "14521"], ["SN-M-KRAUSCHWITZ", "14626"]] as const) {
      const res = await run(service, MUNICIPALITY, { id });
      expect(res.errors).toBeUndefined();
      const m = res.data!.municipality;
      const raw = dataset.municipalities.find((r) => r.id === id)!;
      expect(raw.ags).toBeNull();
      expect(m).toMatchObject({ id, ags: KEYED_BY_REGISTER[id], agsStatus: "CONFIRMED", districtBasis: "AGS" });
      // The dataset's words stay, followed by where the key now comes from.
      expect(m.agsNote.startsWith(raw.ags_note!)).toBe(true);
      expect(m.agsNote).toMatch(/municipal register \(Destatis GV100AD, Gebietsstand 30\.11\.2025\)/);
      expect(m.agsSources.map((s: { url: string }) => s.url)).toEqual(["https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/_inhalt.html"]);
      expect(m.sources.length).toBeGreaterThan(0);
      expect(m.district.key).toBe(districtKey);
      expect(m.district.name).toBe(raw.landkreis);
    }
  });

  it("finds every seeded municipality's district, and it agrees with the district name the sources give", async () => {
    const res = await run(service, `{ municipalities(filter: { states: [SL, SN, ST] }, first: 200) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.municipalities.totalCount).toBe(688);
    const refs = await run(service, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { id ags districtNameInSources district { key name } } } }`, {
      r: dataset.municipalities.map((m) => ({ __typename: "Municipality", id: m.id })),
    });
    const nodes = refs.data!._entities;
    expect(nodes).toHaveLength(dataset.municipalities.length);
    for (const n of nodes) {
      expect(n.district, n.id).not.toBeNull();
      if (n.ags) expect(n.district.key).toBe(n.ags.slice(0, 5));
      // Kreisfreie Städte have no Landkreis in the sources; their district is the city itself.
      if (n.districtNameInSources) expect(n.district.name, n.id).toBe(n.districtNameInSources);
    }
  });

  it("rejects a malformed AGS with INVALID_AGS and a foreign prefix with UNKNOWN_STATE", async () => {
    for (const ags of ["1004311", "1004311X", "100431140", ""]) {
      const res = await run(service, MUNICIPALITY, { ags });
      expect(res.errors?.[0]?.extensions?.code, ags).toBe("INVALID_AGS");
      expect(res.errors?.[0]?.extensions?.field).toBe("ags");
    }
    const foreign = await run(service, MUNICIPALITY, { ags: "99000000" });
    expect(foreign.errors?.[0]?.extensions?.code).toBe("UNKNOWN_STATE");
    const both = await run(service, MUNICIPALITY, { id: "SL-M-10043114", ags: "10043114" });
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const neither = await run(service, MUNICIPALITY, {});
    expect(neither.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers null for an unknown id or an AGS nobody has", async () => {
    const unknown = await run(service, MUNICIPALITY, { id: "SL-M-99999999" });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.municipality).toBeNull();
    const nowhere = await run(service, MUNICIPALITY, { id: "XX-M-1" });
    expect(nowhere.data!.municipality).toBeNull();
    const ags = await run(service, MUNICIPALITY, { ags: "10099999" });
    expect(ags.errors).toBeUndefined();
    expect(ags.data!.municipality).toBeNull();
  });

  it("rejects an unknown state code with BAD_USER_INPUT", async () => {
    const literal = await run(service, `{ municipalities(filter: { states: [XX] }) { totalCount } }`);
    expect(literal.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const variable = await run(service, `query ($s: StateCode!) { municipalities(filter: { states: [$s] }) { totalCount } }`, { s: "XX" });
    expect(variable.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("resolves Municipality references through _entities in one SQL statement", async () => {
    const ids = dataset.municipalities.map((m) => m.id);
    const representations = [...ids.map((id) => ({ __typename: "Municipality", id })), { __typename: "Municipality", id: "SL-M-00000000" }];
    counter.start();
    const res = await run(service, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Municipality { id name ags district { key } } } }`, { r: representations });
    const statements = counter.stop();
    expect(res.errors).toBeUndefined();
    const entities = res.data!._entities;
    expect(entities.slice(0, ids.length).map((e: { id: string }) => e.id)).toEqual(ids);
    expect(entities[ids.length]).toBeNull();
    expect(statements).toBe(1);
  });

  it("pages municipalities by name without gaps or duplicates, and filters by state, district and search", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const res: any = await run(service, `query ($after: String) { municipalities(first: 70, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.municipalities.edges.map((e: any) => e.node.id));
      if (!res.data.municipalities.pageInfo.hasNextPage) break;
      after = res.data.municipalities.pageInfo.endCursor;
    }
    const expected = [...seeded]
      .sort((a, b) => (sortableName(a.name) < sortableName(b.name) ? -1 : sortableName(a.name) > sortableName(b.name) ? 1 : a.id < b.id ? -1 : 1))
      .map((m) => m.id);
    expect(seen).toEqual(expected);

    const sl = await run(service, `{ municipalities(filter: { states: [SL] }, first: 200) { totalCount } }`);
    expect(sl.data!.municipalities.totalCount).toBe(register.filter((m) => m.state === "SL").length);
    const goerlitz = await run(service, `{ municipalities(filter: { districtKeys: ["14626"] }, first: 200) { edges { node { id } } } }`);
    const inGoerlitz = seeded.filter((m) => m.ags.startsWith("14626")).map((m) => m.id).sort();
    expect(inGoerlitz).toContain("SN-M-KRAUSCHWITZ");
    expect(goerlitz.data!.municipalities.edges.map((e: any) => e.node.id).sort()).toEqual(inGoerlitz);
    const search = await run(service, `{ municipalities(filter: { search: "görl" }, first: 200) { edges { node { name } } } }`);
    expect(search.data!.municipalities.edges.map((e: any) => e.node.name)).toEqual(["Görlitz"]);
    const byAgsPrefix = await run(service, `{ municipalities(filter: { search: "1508" }, first: 200) { totalCount } }`);
    expect(byAgsPrefix.data!.municipalities.totalCount).toBe(register.filter((m) => m.ags.startsWith("1508")).length);
    expect(byAgsPrefix.data!.municipalities.totalCount).toBeGreaterThan(0);
    const tooMany = await run(service, `{ municipalities(first: 500) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const badCursor = await run(service, `{ municipalities(after: "nope") { totalCount } }`);
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("serves districts and states with Destatis figures; a state's population is the sum of its districts", async () => {
    const res = await run(service, `{ states { code name agsPrefix population registered districts { key population } } district(key: "14521") { name type state { code } municipalities { id } } nope: district(key: "99999") { key } }`);
    expect(res.errors).toBeUndefined();
    for (const s of res.data!.states) {
      const own = PACKAGE_DISTRICTS.filter((d) => String(d.AGS).padStart(5, "0").startsWith(s.agsPrefix));
      expect(s.districts.length).toBe(own.length);
      expect(s.population).toBe(own.reduce((sum, d) => sum + d.population, 0));
      expect(s.registered).toBe(false);
    }
    expect(res.data!.states.map((s: { code: string }) => s.code)).toEqual(["SL", "SN", "ST"]);
    expect(res.data!.district).toMatchObject({ name: "Erzgebirgskreis", type: "Landkreis", state: { code: "SN" } });
    expect(res.data!.district.municipalities.map((m: { id: string }) => m.id)).toContain("SN-M-SCHNEEBERG");
    expect(res.data!.nope).toBeNull();
    const sn = await run(service, `{ districts(filter: { states: [SN] }) { key } }`);
    expect(sn.data!.districts.length).toBe(PACKAGE_DISTRICTS.filter((d) => String(d.AGS).startsWith("14")).length);
  });

  it("seeds an empty gazetteer once and keeps later records across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "compare-"));
    try {
      const file = join(dir, "gazetteer.sqlite");
      const first = await createCompareSubgraph({ databaseUrl: file, registry: [] });
      await first.dataSource.getRepository(Municipality).update({ id: "SL-M-10043114" }, { name: "Neunkirchen (edited)" });
      await first.close();
      const second = await createCompareSubgraph({ databaseUrl: file, registry: [] });
      try {
        expect(await second.dataSource.getRepository(Municipality).count()).toBe(688);
        const edited = await second.dataSource.getRepository(Municipality).findOneByOrFail({ id: "SL-M-10043114" });
        expect(edited.name).toBe("Neunkirchen (edited)");
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
