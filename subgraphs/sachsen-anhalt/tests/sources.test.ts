import type { SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";
import { data } from "./helpers.js";

const EVERYTHING = `{
  sachsenAnhalt {
    programme { id sources { url } coordinatingBodySources { url } fieldsOfActionSources { url } fundingNoteSources { url }
      jointDeclarations { id sources { url } } strategicLines { id sources { url } } fundingStatements { amountEur sources { url } } }
    jointDeclarations { id sources { url } }
    strategicLines { id sources { url } }
    partnerships(first: 100) { totalCount edges { node { id sources { url } registeredMunicipality { id sources { url } } } } }
    preventionBodies(first: 200) { edges { node { id sources { url } } } }
    events(first: 200) { edges { node { id sources { url } } } }
    regionalConferences { edges { node { id sources { url } } } }
    indicators { edges { node { figures { id sources { url } } } } }
    landespraeventionsrat { id sources { url } memberCounts { id sources { url } } }
    municipalities(first: 200) { edges { node { id sources { url } } } }
  }
}`;

type Cited = { id?: string; sources: { url: string }[] };

describe("Sachsen-Anhalt subgraph: every fact carries a source", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service.close();
  });

  it("serves at least one source on every programme, declaration, line, participation, body, event, indicator and municipality", async () => {
    const { sachsenAnhalt: st } = await data(service, EVERYTHING);
    const lists: Array<[string, Cited[]]> = [
      ["programme", [st.programme]],
      ["programme.jointDeclarations", st.programme.jointDeclarations],
      ["programme.strategicLines", st.programme.strategicLines],
      ["programme.fundingStatements", st.programme.fundingStatements],
      ["jointDeclarations", st.jointDeclarations],
      ["strategicLines", st.strategicLines],
      ["partnerships", st.partnerships.edges.map((e: any) => e.node)],
      ["partnerships.registeredMunicipality", st.partnerships.edges.map((e: any) => e.node).map((p: { registeredMunicipality: Cited }) => p.registeredMunicipality)],
      ["preventionBodies", st.preventionBodies.edges.map((e: any) => e.node)],
      ["events", st.events.edges.map((e: any) => e.node)],
      ["regionalConferences", st.regionalConferences.edges.map((e: any) => e.node)],
      ["indicators", st.indicators.edges.flatMap((e: any) => e.node.figures)],
      ["landespraeventionsrat", [st.landespraeventionsrat]],
      ["landespraeventionsrat.memberCounts", st.landespraeventionsrat.memberCounts],
      ["municipalities", st.municipalities.edges.map((e: any) => e.node)],
    ];
    // The lists that must not be empty in the seeded database (funding statements are: none were found).
    for (const name of ["partnerships", "preventionBodies", "events", "indicators", "municipalities", "jointDeclarations", "strategicLines"]) {
      expect(lists.find(([n]) => n === name)![1].length, name).toBeGreaterThan(0);
    }
    expect(st.partnerships.edges.map((e: any) => e.node)).toHaveLength(st.partnerships.totalCount);
    for (const [name, list] of lists) {
      for (const record of list) {
        expect(record.sources.length, `${name} ${record.id ?? ""}`).toBeGreaterThan(0);
        for (const source of record.sources) expect(source.url, `${name} ${record.id ?? ""}`).toMatch(/^https?:\/\//);
      }
    }
    expect(st.programme.fundingNoteSources.length).toBeGreaterThan(0);
    expect(st.programme.coordinatingBodySources.length).toBeGreaterThan(0);
    expect(st.programme.fieldsOfActionSources.length).toBeGreaterThan(0);
  });
});
