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
    partnerships(first: 100) { totalCount items { id sources { url } localMunicipality { id sources { url } } } }
    preventionBodies { id sources { url } }
    events { id sources { url } }
    regionalConferences { id sources { url } }
    indicators { id sources { url } }
    landespraeventionsrat { id sources { url } memberCounts { id sources { url } } }
    municipalities { id sources { url } }
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
      ["partnerships", st.partnerships.items],
      ["partnerships.localMunicipality", st.partnerships.items.map((p: { localMunicipality: Cited }) => p.localMunicipality)],
      ["preventionBodies", st.preventionBodies],
      ["events", st.events],
      ["regionalConferences", st.regionalConferences],
      ["indicators", st.indicators],
      ["landespraeventionsrat", [st.landespraeventionsrat]],
      ["landespraeventionsrat.memberCounts", st.landespraeventionsrat.memberCounts],
      ["municipalities", st.municipalities],
    ];
    // The lists that must not be empty in the seeded database (funding statements are: none were found).
    for (const name of ["partnerships", "preventionBodies", "events", "indicators", "municipalities", "jointDeclarations", "strategicLines"]) {
      expect(lists.find(([n]) => n === name)![1].length, name).toBeGreaterThan(0);
    }
    expect(st.partnerships.items).toHaveLength(st.partnerships.totalCount);
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
