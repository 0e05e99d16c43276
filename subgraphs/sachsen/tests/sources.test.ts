import type { SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data, query } from "./helpers.js";

const SOURCES = `sources { url publisher title publishedOn }`;

let service: SubgraphService<SachsenContext>;
let served: any;
beforeAll(async () => {
  service = await createTestSubgraph();
  served = (
    await query(service, `{ sachsen {
      programme {
        id ${SOURCES} coordinatingBodySources { url }
        notes { text ${SOURCES} }
        fieldsOfAction { wording ${SOURCES} }
        offers { description ${SOURCES} }
        frameworkDocuments { id ${SOURCES} }
        fundingStatements { id ${SOURCES} }
      }
      memberships(first: 200) { totalCount edges { node { id ${SOURCES} notes { text ${SOURCES} } registeredMunicipality { id ${SOURCES} } } } }
      jointAgreements(first: 200) { edges { node { id ${SOURCES} } } }
      events(first: 200) { edges { node { id ${SOURCES} } } }
      indicators(first: 200) { edges { node { indicator ${SOURCES} figures { id ${SOURCES} } } } }
      preventionBodies(first: 200) { edges { node { id ${SOURCES} } } }
      municipalities(first: 200) { edges { node { id ${SOURCES} } } }
    } }`)
  ).sachsen;
});
afterAll(async () => {
  await service.close();
});

/** Every record in `records` has at least one source with a URL. */
function expectSourced(kind: string, records: { sources: { url: string }[] }[], expectedCount: number) {
  expect(records, kind).toHaveLength(expectedCount);
  for (const record of records) {
    expect(record.sources.length, `${kind} ${JSON.stringify(record).slice(0, 80)} has no source`).toBeGreaterThan(0);
    for (const source of record.sources) expect(source.url).toMatch(/^https?:\/\//);
  }
}

describe("every served fact carries a source", () => {
  it("participations and their notes", () => {
    expectSourced("membership", served.memberships.edges.map((e: any) => e.node), data.participations.length);
    expectSourced("membership note", served.memberships.edges.map((e: any) => e.node).flatMap((n: any) => n.notes), data.participations.reduce((n, p) => n + p.notes.length, 0));
  });
  it("municipal register entries", () => {
    expectSourced("municipality", served.municipalities.edges.map((e: any) => e.node), data.municipalities.length);
    expectSourced("gemeinde of a membership", served.memberships.edges.map((e: any) => e.node).map((n: any) => n.registeredMunicipality), data.participations.length);
  });
  it("joint agreements", () => expectSourced("joint agreement", served.jointAgreements.edges.map((e: any) => e.node), 3));
  it("events", () => expectSourced("event", served.events.edges.map((e: any) => e.node), data.events.length));
  it("indicators", () => {
    expectSourced("indicator", served.indicators.edges.map((e: any) => e.node).flatMap((s: any) => s.figures), data.indicators.length);
    expectSourced("indicator series", served.indicators.edges.map((e: any) => e.node), new Set(data.indicators.map((i) => i.indicator)).size);
  });
  it("the programme and its parts", () => {
    const programme = served.programme;
    const raw = data.programmes[0]!;
    expectSourced("programme", [programme], 1);
    expect(programme.coordinatingBodySources.length).toBeGreaterThan(0);
    expectSourced("programme note", programme.notes, raw.notes.length);
    expectSourced("field of action", programme.fieldsOfAction, raw.fields_of_action.length);
    expectSourced("offer", programme.offers, raw.offers!.length);
    expectSourced("framework document", programme.frameworkDocuments, raw.framework_documents.length);
    expectSourced("funding statement", programme.fundingStatements, raw.funding_statements.length);
  });
  it("prevention bodies", () => {
    const expected = data.municipalities.reduce((n, m) => n + m.prevention_bodies.length, 0);
    expectSourced("prevention council", served.preventionBodies.edges.map((e: any) => e.node), expected);
  });
});
