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
      memberships(first: 500) { totalCount nodes { id ${SOURCES} notes { text ${SOURCES} } gemeinde { id ${SOURCES} } } }
      jointAgreements { id ${SOURCES} }
      events { id ${SOURCES} }
      indicators { indicator ${SOURCES} figures { id ${SOURCES} } }
      preventionCouncils { id ${SOURCES} }
      municipalities { id ${SOURCES} }
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
    expectSourced("membership", served.memberships.nodes, data.participations.length);
    expectSourced("membership note", served.memberships.nodes.flatMap((n: any) => n.notes), data.participations.reduce((n, p) => n + p.notes.length, 0));
  });
  it("municipal register entries", () => {
    expectSourced("municipality", served.municipalities, data.municipalities.length);
    expectSourced("gemeinde of a membership", served.memberships.nodes.map((n: any) => n.gemeinde), data.participations.length);
  });
  it("joint agreements", () => expectSourced("joint agreement", served.jointAgreements, 3));
  it("events", () => expectSourced("event", served.events, data.events.length));
  it("indicators", () => {
    expectSourced("indicator", served.indicators.flatMap((s: any) => s.figures), data.indicators.length);
    expectSourced("indicator series", served.indicators, new Set(data.indicators.map((i) => i.indicator)).size);
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
    expectSourced("prevention council", served.preventionCouncils, expected);
  });
});
