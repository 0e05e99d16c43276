import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SubgraphService } from "@laenderhub/shared";
import type { SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";
import { CREATE, createWritableSaarland, dataAs, editor, newPartnership, runAs, SOURCE, tableCounts } from "./write-helpers.js";

const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    saarland { history(filter: { recordIds: [$id] }) { edges { node { id recordType recordId state action source at changedFields before after note actor { subject state role } } } } }
  }
`;

const CONTRACT_ROW = /* GraphQL */ `
  query ($ids: [ID!]) {
    _comparativeParticipations(filter: { ids: $ids }) {
      totalCount
      rows { id typename state municipalityId municipalityName status endedOn signedOn { iso precision } fieldsOfAction partners signatories { name basis } present { name basis } sources { url } }
    }
  }
`;

describe("saarland write path: mutations as an SL editor", () => {
  let service: SubgraphService<SaarlandContext>;
  let token: string;

  beforeEach(async () => {
    service = await createWritableSaarland();
    token = await editor();
  });
  afterEach(async () => {
    await service?.close();
  });

  const history = async (id: string) => (await data(service, HISTORY, { id })).saarland.history.edges.map((e: { node: any }) => e.node) as any[];

  it("keeps no audit entries for the seed: it is the baseline", async () => {
    expect(await history("SL-P-10")).toEqual([]);
    expect((await tableCounts(service)).audit_entry).toBe(0);
  });

  it("creates a partnership with the next free id, derived fields and an audit entry, visible in the namespace and the contract", async () => {
    const created = (await dataAs(service, token, CREATE, { input: newPartnership(), note: "new LoI" })).createSaarlandPartnership;
    expect(created).toMatchObject({
      id: "SL-P-12",
      state: "SL",
      status: "ACTIVE",
      endedOn: null,
      agreementId: "SL-P-12",
      municipality: { id: "SL-M-10045111" },
      municipalityName: "Bexbach",
      signedOn: { iso: "2024-05-13", precision: "DAY" },
      fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
      signatories: [{ name: "Erika Muster", basis: "SIGNED" }],
      present: [{ name: "Max Beispiel", basis: "PRESENT" }],
      sources: [{ url: SOURCE.url }],
    });
    // The programme limits video surveillance to Saarbrücken and Sulzbach: Bexbach gets the other six measures.
    expect(created.measures.map((m: { measure: string }) => m.measure)).not.toContain("VIDEO_SURVEILLANCE");
    expect(created.measures).toHaveLength(6);

    const read = await data(service, `{ saarland { partnership(id: "SL-P-12") { id municipalityName fieldsOfAction } partnerships(first: 200) { totalCount } } }`);
    expect(read.saarland.partnership).toEqual({ id: "SL-P-12", municipalityName: "Bexbach", fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"] });
    expect(read.saarland.partnerships.totalCount).toBe(12);

    const contract = (await data(service, CONTRACT_ROW, { ids: ["SL-P-12"] }))._comparativeParticipations;
    expect(contract.totalCount).toBe(1);
    expect(contract.rows[0]).toEqual({
      id: "SL-P-12",
      typename: "SaarlandSecurityPartnership",
      state: "SL",
      municipalityId: "SL-M-10045111",
      municipalityName: "Bexbach",
      status: "ACTIVE",
      endedOn: null,
      signedOn: { iso: "2024-05-13", precision: "DAY" },
      fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
      partners: ["Saarland (Innenministerium)", "Stadt Bexbach"],
      signatories: [{ name: "Erika Muster", basis: "SIGNED" }],
      present: [{ name: "Max Beispiel", basis: "PRESENT" }],
      sources: [{ url: SOURCE.url }],
    });

    const entries = await history("SL-P-12");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      recordType: "SaarlandSecurityPartnership",
      recordId: "SL-P-12",
      state: "SL",
      action: "CREATE",
      source: "API",
      note: "new LoI",
      before: null,
      actor: { subject: "editor-sl@test", state: "SL", role: "editor" },
    });
    expect(entries[0].after).toMatchObject({ id: "SL-P-12", municipalityId: "SL-M-10045111", signedOn: "2024-05-13", fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"] });
    expect(Date.parse(entries[0].at)).not.toBeNaN();
  });

  it("registers a new municipality inline with its AGS, and takes a given id and running number", async () => {
    const input = newPartnership({
      id: "SL-P-50",
      municipalityId: null,
      newMunicipality: { ags: "10046111", name: "Über-Testgemeinde", type: "Gemeinde", district: "Landkreis St. Wendel", sources: [{ url: "https://example.org/ags/10046111" }] },
      ordinal: 12,
      ordinalBasis: "STATED",
    });
    const created = (await dataAs(service, token, CREATE, { input })).createSaarlandPartnership;
    expect(created).toMatchObject({ id: "SL-P-50", municipality: { id: "SL-M-10046111" }, municipalityName: "Über-Testgemeinde" });

    const read = await data(service, `{ saarland { municipality(ags: "10046111") { id name ags district type sources { url } } partnershipByOrdinal(n: 12) { id } } }`);
    expect(read.saarland.municipality).toEqual({ id: "SL-M-10046111", name: "Über-Testgemeinde", ags: "10046111", district: "Landkreis St. Wendel", type: "Gemeinde", sources: [{ url: "https://example.org/ags/10046111" }] });
    expect(read.saarland.partnershipByOrdinal).toEqual({ id: "SL-P-50" });
    const [view] = await service.dataSource.query(`SELECT municipality_name, municipality_sort_name FROM cmp_participation WHERE id = 'SL-P-50'`);
    expect(view).toEqual({ municipality_name: "Über-Testgemeinde", municipality_sort_name: "ueber-testgemeinde" });
    const municipalities = await data(service, `{ _comparativeMunicipalities(ids: ["SL-M-10046111"]) { id ags name } }`);
    expect(municipalities._comparativeMunicipalities).toEqual([{ id: "SL-M-10046111", ags: "10046111", name: "Über-Testgemeinde" }]);
    expect((await history("SL-M-10046111")).map((e) => [e.recordType, e.action])).toEqual([["SaarlandMunicipality", "CREATE"]]);

    // The next assigned id goes above the highest one, whatever was given.
    const next = (await dataAs(service, token, CREATE, { input: newPartnership() })).createSaarlandPartnership;
    expect(next.id).toBe("SL-P-51");
  });

  it("assigns distinct ids to concurrent creates, each with its own audit entry", async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => runAs(service, token, CREATE, { input: newPartnership() })));
    for (const r of results) expect(r.errors).toBeUndefined();
    const ids = results.map((r) => r.data!.createSaarlandPartnership.id).sort();
    expect(ids).toEqual(["SL-P-12", "SL-P-13", "SL-P-14", "SL-P-15", "SL-P-16"]);
    const counts = await tableCounts(service);
    expect(counts.partnership).toBe(16);
    expect(counts.audit_entry).toBe(5);
  });

  it("updates only the fields given, re-derives what depends on them, and records before and after", async () => {
    await dataAs(service, token, CREATE, { input: newPartnership() });
    const UPDATE = `mutation ($id: ID!, $input: SaarlandPartnershipUpdateInput!, $note: String) {
      updateSaarlandPartnership(id: $id, input: $input, note: $note) { id signedOn { iso precision } notes { text } fieldsOfAction partners place sources { url } }
    }`;
    const updated = (await dataAs(service, token, UPDATE, { id: "SL-P-12", input: { signedOn: "2024-05", notes: ["resident survey planned"], place: null }, note: "day not confirmed" }))
      .updateSaarlandPartnership;
    expect(updated).toEqual({
      id: "SL-P-12",
      signedOn: { iso: "2024-05", precision: "MONTH" },
      notes: [{ text: "resident survey planned" }],
      fieldsOfAction: ["RESIDENT_SURVEY"],
      partners: ["Saarland (Innenministerium)", "Stadt Bexbach"],
      place: null,
      sources: [{ url: SOURCE.url }],
    });
    const [view] = await service.dataSource.query(`SELECT signed_on, signed_precision FROM cmp_participation WHERE id = 'SL-P-12'`);
    expect(view).toEqual({ signed_on: "2024-05", signed_precision: "MONTH" });
    const fields = await service.dataSource.query(`SELECT field FROM cmp_participation_field WHERE participation_id = 'SL-P-12'`);
    expect(fields).toEqual([{ field: "RESIDENT_SURVEY" }]);

    const entries = await history("SL-P-12");
    expect(entries.map((e) => e.action)).toEqual(["CREATE", "UPDATE"]);
    expect(entries[1]).toMatchObject({ note: "day not confirmed", changedFields: ["fieldsOfAction", "notes", "signedOn"], actor: { subject: "editor-sl@test" } });
    expect(entries[1].before).toMatchObject({ signedOn: "2024-05-13", notes: ["video surveillance at the station", "joint focus operations"] });
    expect(entries[1].after).toMatchObject({ signedOn: "2024-05", notes: ["resident survey planned"], partners: ["Saarland (Innenministerium)", "Stadt Bexbach"] });

    // The same values again change nothing and record nothing.
    await dataAs(service, token, UPDATE, { id: "SL-P-12", input: { signedOn: "2024-05", place: null } });
    expect(await history("SL-P-12")).toHaveLength(2);
  });

  it("audits the first change of a seeded partnership, and later fields of one operation see earlier writes", async () => {
    const d = await dataAs(
      service,
      token,
      `mutation {
        a: updateSaarlandPartnership(id: "SL-P-11", input: { notes: ["graffiti removal"] }) { fieldsOfAction }
        b: updateSaarlandPartnership(id: "SL-P-11", input: { notes: ["noise at night"] }) { fieldsOfAction signatories { name } }
      }`,
    );
    expect(d.a.fieldsOfAction).toEqual(["GRAFFITI"]);
    expect(d.b.fieldsOfAction).toEqual(["NOISE"]);
    expect(d.b.signatories.length).toBeGreaterThan(0);
    const entries = await history("SL-P-11");
    expect(entries.map((e) => e.action)).toEqual(["UPDATE", "UPDATE"]);
    expect(entries[0].before.fieldsOfAction).toEqual([]);
  });

  it("ends a partnership: status ENDED with its end date, still queryable everywhere", async () => {
    await dataAs(service, token, CREATE, { input: newPartnership() });
    const END = `mutation ($id: ID!, $endedOn: String!, $sources: [SourceInput!]) {
      endSaarlandPartnership(id: $id, endedOn: $endedOn, sources: $sources, note: "terminated") { id status endedOn sources { url } }
    }`;
    const ended = (await dataAs(service, token, END, { id: "SL-P-12", endedOn: "2024-12-31", sources: [{ url: "https://example.org/saarland/ended" }] })).endSaarlandPartnership;
    expect(ended).toEqual({ id: "SL-P-12", status: "ENDED", endedOn: "2024-12-31", sources: [{ url: SOURCE.url }, { url: "https://example.org/saarland/ended" }] });

    const read = await data(service, `{ saarland { partnership(id: "SL-P-12") { status endedOn } partnerships(first: 200) { totalCount } } }`);
    expect(read.saarland).toEqual({ partnership: { status: "ENDED", endedOn: "2024-12-31" }, partnerships: { totalCount: 12 } });
    const contract = await data(service, `{ _comparativeParticipations(filter: { statuses: ["ENDED"] }) { totalCount rows { id status endedOn } } }`);
    expect(contract._comparativeParticipations).toEqual({ totalCount: 1, rows: [{ id: "SL-P-12", status: "ENDED", endedOn: "2024-12-31" }] });

    const entries = await history("SL-P-12");
    expect(entries.map((e) => e.action)).toEqual(["CREATE", "END"]);
    expect(entries[1]).toMatchObject({ note: "terminated", changedFields: ["endedOn", "sources", "status"], before: { status: "ACTIVE", endedOn: null }, after: { status: "ENDED", endedOn: "2024-12-31" } });

    const again = await runAs(service, token, END, { id: "SL-P-12", endedOn: "2024-12-31" });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
  });

  it("records an event, visible in the namespace and in _comparativeEvents, with history", async () => {
    const RECORD = `mutation ($input: SaarlandEventInput!) { recordSaarlandEvent(input: $input) { id title eventType status occursOn { iso precision } relatedPartnerships { id } sources { url } } }`;
    const input = { title: "Zweiter Runder Tisch (test)", eventType: "ROUND_TABLE", occursOn: "2024-03", format: "HYBRID", relatedIds: ["SL-P-10", "SL-P-11"], sources: [SOURCE] };
    const recorded = (await dataAs(service, token, RECORD, { input })).recordSaarlandEvent;
    expect(recorded).toEqual({
      id: "SL-E-002",
      title: "Zweiter Runder Tisch (test)",
      eventType: "ROUND_TABLE",
      status: "HELD",
      occursOn: { iso: "2024-03", precision: "MONTH" },
      relatedPartnerships: [{ id: "SL-P-10" }, { id: "SL-P-11" }],
      sources: [{ url: SOURCE.url }],
    });
    const events = await data(service, `{ saarland { events { edges { node { id } } } } _comparativeEvents { id date { iso precision } format relatedIds sources { url } } }`);
    expect(events.saarland.events.edges.map((e: { node: any }) => e.node).map((e: { id: string }) => e.id)).toEqual(["SL-E-001", "SL-E-002"]);
    expect(events._comparativeEvents.find((e: { id: string }) => e.id === "SL-E-002")).toEqual({
      id: "SL-E-002",
      date: { iso: "2024-03", precision: "MONTH" },
      format: "HYBRID",
      relatedIds: ["SL-P-10", "SL-P-11"],
      sources: [{ url: SOURCE.url }],
    });
    const entries = await history("SL-E-002");
    expect(entries).toMatchObject([{ recordType: "SaarlandEvent", action: "CREATE", before: null, after: { id: "SL-E-002", date: "2024-03" } }]);
  });

  it("publishes an indicator figure, visible as the latest of its series and in _comparativeIndicators, with history", async () => {
    const PUBLISH = `mutation ($input: SaarlandIndicatorInput!) { publishSaarlandIndicator(input: $input) { id indicator value qualifier referenceOn { iso precision } } }`;
    const input = { indicator: "partnerships_total", label: "partnerships concluded", value: 12, unit: "partnerships", referenceOn: "2024-05-13", sources: [SOURCE] };
    const published = (await dataAs(service, token, PUBLISH, { input })).publishSaarlandIndicator;
    expect(published).toEqual({ id: "SL-I-005", indicator: "partnerships_total", value: 12, qualifier: "EXACT", referenceOn: { iso: "2024-05-13", precision: "DAY" } });
    const d = await data(service, `{ saarland { indicators(filter: { indicators: ["partnerships_total"] }) { edges { node { latest { id value } figures { id } } } } } _comparativeIndicators(indicator: "partnerships_total") { id value referenceOn { iso } } }`);
    expect(d.saarland.indicators.edges[0].node.latest).toEqual({ id: "SL-I-005", value: 12 });
    expect(d.saarland.indicators.edges[0].node.figures).toHaveLength(5);
    expect(d._comparativeIndicators).toContainEqual({ id: "SL-I-005", value: 12, referenceOn: { iso: "2024-05-13" } });
    expect(await history("SL-I-005")).toMatchObject([{ recordType: "SaarlandIndicator", action: "CREATE", after: { value: 12, referenceOn: "2024-05-13" } }]);
  });

  it("attaches sources to partnerships, events and figures: new URLs only, audited, visible in the contract", async () => {
    const ATTACH = `mutation ($id: ID!, $sources: [SourceInput!]!) {
      attachSaarlandSources(recordId: $id, sources: $sources, note: "more coverage") {
        recordId recordType added { url publisher }
        record { __typename ... on SaarlandSecurityPartnership { sources { url } } ... on SaarlandEvent { sources { url } } ... on SaarlandIndicator { sources { url } } }
      }
    }`;
    const cases: Array<[string, string]> = [
      ["SL-P-10", "SaarlandSecurityPartnership"],
      ["SL-E-001", "SaarlandEvent"],
      ["SL-I-004", "SaarlandIndicator"],
    ];
    for (const [id, type] of cases) {
      const known = (await data(service, `{ _comparativeEvents { id sources { url } } _comparativeIndicators { id sources { url } } _comparativeParticipations(filter: { ids: ["SL-P-10"] }) { rows { id sources { url } } } }`)) as any;
      const all = [...known._comparativeEvents, ...known._comparativeIndicators, ...known._comparativeParticipations.rows];
      const before = all.find((r: { id: string }) => r.id === id).sources.map((s: { url: string }) => s.url);
      const fresh = `https://example.org/more/${id}`;
      const result = (await dataAs(service, token, ATTACH, { id, sources: [{ url: before[0] }, { url: fresh, publisher: " Test " }] })).attachSaarlandSources;
      expect(result.recordType).toBe(type);
      expect(result.added).toEqual([{ url: fresh, publisher: "Test" }]);
      expect(result.record.__typename).toBe(type);
      expect(result.record.sources.map((s: { url: string }) => s.url)).toEqual([...before, fresh]);
      const entries = await history(id);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ recordType: type, action: "ATTACH_SOURCES", changedFields: ["sources"], note: "more coverage" });
      expect(entries[0].after.sources.map((s: { url: string }) => s.url)).toEqual([...before, fresh]);

      // Nothing new: nothing changes, nothing is recorded.
      const again = (await dataAs(service, token, ATTACH, { id, sources: [{ url: fresh }] })).attachSaarlandSources;
      expect(again.added).toEqual([]);
      expect(await history(id)).toHaveLength(1);
    }
    const contract = await data(service, `{ _comparativeEvents { id sources { url } } _comparativeIndicators(indicator: "partnerships_total") { id sources { url } } }`);
    expect(contract._comparativeEvents[0].sources.map((s: { url: string }) => s.url)).toContain("https://example.org/more/SL-E-001");
    expect(contract._comparativeIndicators.find((i: { id: string }) => i.id === "SL-I-004").sources.map((s: { url: string }) => s.url)).toContain("https://example.org/more/SL-I-004");

    const other = await runAs(service, token, ATTACH, { id: "SN-P-001", sources: [SOURCE] });
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "recordId" });
    const missing = await runAs(service, token, ATTACH, { id: "SL-P-99", sources: [SOURCE] });
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
