import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";

const S = "sources { url publisher publishedOn }";

describe("saarland subgraph: every served fact carries a source", () => {
  let service: SubgraphService<SaarlandContext>;
  let d: any;

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:" });
    d = await data(
      service,
      `{ saarland {
          programme {
            id ${S} coordinatingBodySources { url }
            notes { text ${S} } offers { text ${S} } fundingNote { text ${S} }
            frameworkDocuments { id ${S} } fundingStatements { id ${S} }
            fieldsOfAction { id ${S} } measures { measure ${S} }
          }
          partnerships(first: 200) { edges { node { id ${S} notes { text ${S} } measures { measure ${S} } registeredMunicipality { id ${S} } } } }
          events(first: 200) { edges { node { id ${S} } } }
          indicators(first: 200) { edges { node { indicator ${S} figures { id ${S} } latest { id ${S} } } } }
          preventionBodies(first: 200) { edges { node { id ${S} } } }
          municipalities(first: 200) { edges { node { id ${S} agsSources { url } ags } } }
      } }`,
    );
  });
  afterAll(async () => {
    await service?.close();
  });

  const expectCited = (what: string, item: { sources: { url: string }[] }) => {
    expect(item.sources.length, `${what} has a source`).toBeGreaterThan(0);
    for (const s of item.sources) expect(s.url, what).toMatch(/^https?:\/\//);
  };

  it("cites the programme and every list element of it", () => {
    const p = d.saarland.programme;
    expectCited("programme", p);
    expect(p.coordinatingBodySources.length).toBeGreaterThan(0);
    expect(p.notes.length + p.frameworkDocuments.length + p.fieldsOfAction.length + p.measures.length).toBeGreaterThan(0);
    for (const list of ["notes", "offers", "frameworkDocuments", "fundingStatements", "fieldsOfAction", "measures"]) {
      for (const item of p[list]) expectCited(`programme ${list}`, item);
    }
    if (p.fundingNote) expectCited("funding note", p.fundingNote);
  });

  it("cites every partnership, its notes and its measures", () => {
    expect(d.saarland.partnerships.edges.map((e: { node: any }) => e.node)).toHaveLength(11);
    for (const p of d.saarland.partnerships.edges.map((e: { node: any }) => e.node)) {
      expectCited(p.id, p);
      expectCited(`${p.id} municipality`, p.registeredMunicipality);
      for (const n of p.notes) expectCited(`${p.id} note`, n);
      for (const m of p.measures) expectCited(`${p.id} ${m.measure}`, m);
    }
  });

  it("cites every event, indicator, prevention body and register entry", () => {
    expect(d.saarland.events.edges.length).toBeGreaterThan(0);
    for (const e of d.saarland.events.edges.map((e: { node: any }) => e.node)) expectCited(e.id, e);
    expect(d.saarland.indicators.edges.length).toBeGreaterThan(0);
    for (const series of d.saarland.indicators.edges.map((e: { node: any }) => e.node)) {
      expectCited(series.indicator, series);
      expectCited(`${series.indicator} latest`, series.latest);
      for (const v of series.figures) expectCited(v.id, v);
    }
    expect(d.saarland.preventionBodies.edges.length).toBeGreaterThan(0);
    for (const b of d.saarland.preventionBodies.edges.map((e: { node: any }) => e.node)) expectCited(b.id, b);
    for (const m of d.saarland.municipalities.edges.map((e: { node: any }) => e.node)) {
      expectCited(m.id, m);
      // An AGS is only served with the source it was read from.
      if (m.ags !== null) expect(m.agsSources.length, `${m.id} AGS source`).toBeGreaterThan(0);
    }
  });
});
