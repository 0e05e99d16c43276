import { QueryCounter, sortableName, type SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { data } from "./helpers.js";
import { CREATE, TEST_SOURCE, counts, createWriteSubgraph, editor, exec, execOk, validMembership } from "./write-helpers.js";

let service: SubgraphService<SachsenContext>;
beforeEach(async () => {
  service = await createWriteSubgraph();
});
afterEach(async () => {
  await service.close();
});

const HISTORY = `query ($id: ID!) { sachsen { history(filter: { recordIds: [$id] }) { edges { node {
  recordType recordId action source at changedFields note actor { subject state role } before after
} } } } }`;
const history = async (id: string) => (await execOk(service, HISTORY, { id })).sachsen.history.edges.map((e: any) => e.node) as any[];

const MEMBERSHIP = `query ($id: ID!) { sachsen { membership(id: $id) {
  id status endedOn stage polizeidirektion fieldsOfAction partners notes { text }
  signedOn { iso precision month day } registeredMunicipality { id name ags }
  signatories { name basis } present { name basis } sources { url }
} } }`;
const membership = async (id: string) => (await execOk(service, MEMBERSHIP, { id })).sachsen.membership;

const COMPARATIVE = `query ($ids: [ID!]) { _comparativeParticipations(filter: { ids: $ids }) { totalCount rows {
  id typename municipalityId municipalityName instrument status endedOn fieldsOfAction partners
  signedOn { iso precision month day } signatories { name basis } present { name basis } sources { url }
} } }`;
const comparative = async (id: string) => (await execOk(service, COMPARATIVE, { ids: [id] }))._comparativeParticipations;

const sql = (text: string, params: unknown[] = []) => service.dataSource.query(text, params);

describe("creating a membership as an editor of Sachsen", () => {
  it("stores it with the next free id, its derived columns and a CREATE entry naming the editor", async () => {
    const before = await counts(service);
    const created = (await execOk(service, CREATE, { input: validMembership(), note: "signed at the town hall" }, await editor())).createAsskommMembership;
    expect(created).toMatchObject({
      id: "SN-P-031",
      agreementId: "SN-P-031",
      stage: "COOPERATION_AGREEMENT",
      instrument: "COOPERATION_AGREEMENT",
      status: "ACTIVE",
      endedOn: null,
      polizeidirektion: "Polizeidirektion Chemnitz",
      fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
      signedOn: { iso: "2024-05-02", precision: "DAY", year: 2024, month: 5, day: 2 },
      municipality: { id: "SN-M-14511000" },
      registeredMunicipality: { id: "SN-M-14511000", name: "Chemnitz", ags: "14511000" },
      signatories: [
        { name: "Erika Beispiel", basis: "SIGNED" },
        { name: "Max Muster", basis: "SIGNED" },
      ],
      present: [{ name: "Paula Probe", basis: "PRESENT" }],
      sources: [TEST_SOURCE],
    });
    expect(await counts(service)).toEqual({ ...before, memberships: before.memberships! + 1, people: before.people! + 3, fields: before.fields! + 2, audit: 1 });

    // The namespace serves it, in the list and by id.
    expect(await membership("SN-P-031")).toMatchObject({ id: "SN-P-031", registeredMunicipality: { name: "Chemnitz" }, notes: [{ text: "video surveillance at the central station" }, { text: "joint patrols" }] });
    const list = await execOk(service, `{ sachsen { memberships(first: 200) { totalCount edges { node { id } } } } }`);
    expect(list.sachsen.memberships.totalCount).toBe(data.participations.length + 1);
    expect(list.sachsen.memberships.edges.map((e: any) => e.node).map((n: { id: string }) => n.id)).toContain("SN-P-031");

    // The contract serves it too, from the cmp_* views: people split, fields of action, sort name.
    const page = await comparative("SN-P-031");
    expect(page.totalCount).toBe(1);
    expect(page.rows[0]).toMatchObject({
      typename: "AsskommMembership",
      municipalityId: "SN-M-14511000",
      municipalityName: "Chemnitz",
      instrument: "COOPERATION_AGREEMENT",
      status: "ACTIVE",
      fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
      signedOn: { iso: "2024-05-02", precision: "DAY" },
      signatories: [{ name: "Erika Beispiel" }, { name: "Max Muster" }],
      present: [{ name: "Paula Probe", basis: "PRESENT" }],
      sources: [{ url: TEST_SOURCE.url }],
    });
    const [view] = await sql(`SELECT municipality_sort_name, signed_precision FROM cmp_participation WHERE id = 'SN-P-031'`);
    expect(view).toEqual({ municipality_sort_name: "chemnitz", signed_precision: "DAY" });
    const summary = await execOk(service, `{ _comparativeSummary(groupBy: ["YEAR"], filter: { signedFrom: "2024", signedTo: "2024" }) { year participations } }`);
    expect(summary._comparativeSummary).toEqual([{ year: 2024, participations: 1 }]);

    const [entry, ...rest] = await history("SN-P-031");
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      recordType: "AsskommMembership",
      recordId: "SN-P-031",
      action: "CREATE",
      source: "API",
      note: "signed at the town hall",
      actor: { subject: "editor-SN@lpr.sachsen.example", state: "SN", role: "editor" },
      before: null,
    });
    expect(entry.after).toMatchObject({ id: "SN-P-031", municipalityId: "SN-M-14511000", polizeidirektion: "Polizeidirektion Chemnitz", signedPrecision: "DAY" });
    expect(entry.changedFields).toEqual(expect.arrayContaining(["signedOn", "sources", "signatories"]));
  });

  it("registers a new municipality inline, with its AGS as id and its sort name, in the same transaction", async () => {
    const input = validMembership({
      municipalityId: undefined,
      newMunicipality: { ags: "14626020", name: "Öhrsdorf am Beispiel", type: "Gemeinde", district: "Landkreis Görlitz", sources: [{ url: "https://example.org/ags/14626020" }] },
      partners: ["Gemeinde Öhrsdorf am Beispiel", "Polizeidirektion Görlitz", "Landespräventionsrat Sachsen"],
    });
    const created = (await execOk(service, CREATE, { input }, await editor())).createAsskommMembership;
    expect(created).toMatchObject({ municipality: { id: "SN-M-14626020" }, registeredMunicipality: { id: "SN-M-14626020", name: "Öhrsdorf am Beispiel", ags: "14626020" }, polizeidirektion: "Polizeidirektion Görlitz" });
    const [row] = await sql(`SELECT name, sort_name, ags, landkreis, type FROM municipality WHERE id = 'SN-M-14626020'`);
    expect(row).toEqual({ name: "Öhrsdorf am Beispiel", sort_name: sortableName("Öhrsdorf am Beispiel"), ags: "14626020", landkreis: "Landkreis Görlitz", type: "Gemeinde" });
    const muni = await execOk(service, `{ _comparativeMunicipalities(ids: ["SN-M-14626020"]) { id name ags districtName sources { url } } }`);
    expect(muni._comparativeMunicipalities).toEqual([{ id: "SN-M-14626020", name: "Öhrsdorf am Beispiel", ags: "14626020", districtName: "Landkreis Görlitz", sources: [{ url: "https://example.org/ags/14626020" }] }]);
    expect((await comparative(created.id)).rows[0].municipalityName).toBe("Öhrsdorf am Beispiel");
    expect((await history("SN-M-14626020")).map((h) => [h.recordType, h.action])).toEqual([["SachsenGemeinde", "CREATE"]]);
  });

  it("keeps a date whose year is unknown as day and month only, and takes a caller's id and joint agreement", async () => {
    const input = validMembership({ id: "SN-P-100x", signedOn: null, signedMonth: 4, signedDay: 25, agreementId: "SN-KV-TEST", groupName: "Städtebund Test" });
    const created = (await execOk(service, CREATE, { input }, await editor())).createAsskommMembership;
    expect(created).toMatchObject({ id: "SN-P-100x", agreementId: "SN-KV-TEST", signedOn: { iso: null, precision: "DAY_MONTH", year: null, month: 4, day: 25 } });
    const [view] = await sql(`SELECT signed_on, signed_precision, signed_month, signed_day, agreement_id FROM cmp_participation WHERE id = 'SN-P-100x'`);
    expect(view).toEqual({ signed_on: null, signed_precision: "DAY_MONTH", signed_month: 4, signed_day: 25, agreement_id: "SN-KV-TEST" });
    // The next assigned id follows the highest number in use (100), not the count.
    const next = (await execOk(service, CREATE, { input: validMembership() }, await editor())).createAsskommMembership;
    expect(next.id).toBe("SN-P-101");
  });

  it("gives concurrent creates distinct ids, each with its own history", async () => {
    const auth = await editor();
    const results = await Promise.all(Array.from({ length: 6 }, () => execOk(service, CREATE, { input: validMembership() }, auth)));
    const ids = results.map((r) => r.createAsskommMembership.id).sort();
    expect(ids).toEqual(["SN-P-031", "SN-P-032", "SN-P-033", "SN-P-034", "SN-P-035", "SN-P-036"]);
    for (const id of ids) expect((await history(id)).map((h) => h.action)).toEqual(["CREATE"]);
  });

  it("costs the same number of SQL statements whatever the number of people", async () => {
    const counter = new QueryCounter();
    const counted = await createWriteSubgraph({ counter });
    try {
      const person = (i: number) => ({ name: `Person ${i}`, role: null, organisation: null, party: null, basis: "SIGNED" });
      const statements = async (n: number) => {
        const auth = await editor();
        counter.start();
        await execOk(counted, CREATE, { input: validMembership({ signatories: Array.from({ length: n }, (_, i) => person(i)) }) }, auth);
        return counter.stop();
      };
      const few = await statements(2);
      expect(await statements(40)).toBe(few);
      expect(few).toBeLessThan(30);
    } finally {
      await counted.close();
    }
  });
});

describe("updating a membership", () => {
  const UPDATE = `mutation ($id: ID!, $input: AsskommMembershipPatch!, $note: String) {
    updateAsskommMembership(id: $id, input: $input, note: $note) { id polizeidirektion fieldsOfAction partners signedOn { iso precision } signatories { name } sources { url } }
  }`;

  it("changes only the fields given, re-derives what follows from them, and records before and after", async () => {
    const torgau = data.participations.find((p) => p.id === "SN-P-007")!;
    const auth = await editor();
    const partners = [...torgau.parties.filter((p) => p !== "Polizei Sachsen"), "Polizeidirektion Leipzig"];
    const updated = (await execOk(service, UPDATE, { id: "SN-P-007", input: { partners, notes: [...torgau.notes, "graffiti at the station"], signedOn: "2021-06" }, note: "correction" }, auth))
      .updateAsskommMembership;
    expect(updated).toMatchObject({ polizeidirektion: "Polizeidirektion Leipzig", partners, signedOn: { iso: "2021-06", precision: "MONTH" } });
    expect(updated.fieldsOfAction).toContain("GRAFFITI");
    // Fields not given are kept as they were.
    expect(updated.signatories.map((s: { name: string }) => s.name)).toEqual(torgau.signatories.map((s) => s.name));
    expect(updated.sources.map((s: { url: string }) => s.url)).toEqual(torgau.sources.map((s) => s.url));

    const [view] = await sql(`SELECT signed_on, signed_precision FROM cmp_participation WHERE id = 'SN-P-007'`);
    expect(view).toEqual({ signed_on: "2021-06", signed_precision: "MONTH" });
    const fields = await sql(`SELECT field FROM cmp_participation_field WHERE participation_id = 'SN-P-007'`);
    expect(fields.map((f: { field: string }) => f.field)).toContain("GRAFFITI");
    const [row] = (await comparative("SN-P-007")).rows;
    expect(row.fieldsOfAction).toContain("GRAFFITI");
    expect(row.signedOn).toMatchObject({ iso: "2021-06", precision: "MONTH" });

    // The seed is the baseline: the first entry of a seeded record is this update.
    const entries = await history("SN-P-007");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "UPDATE", note: "correction", actor: { state: "SN", role: "editor" } });
    expect(entries[0].changedFields).toEqual(["fieldsOfAction", "notes", "partners", "polizeidirektion", "signedOn", "signedPrecision"]);
    expect(entries[0].before).toMatchObject({ signedOn: "2021-06-25", polizeidirektion: null, partners: torgau.parties });
    expect(entries[0].after).toMatchObject({ signedOn: "2021-06", polizeidirektion: "Polizeidirektion Leipzig" });

    // The same update again changes nothing and records nothing.
    const before = await counts(service);
    await execOk(service, UPDATE, { id: "SN-P-007", input: { partners, signedOn: "2021-06" } }, auth);
    expect(await counts(service)).toEqual(before);
    expect(await history("SN-P-007")).toHaveLength(1);
  });

  it("moves a membership to a newly registered municipality", async () => {
    const input = { newMunicipality: { ags: "14730010", name: "Testhausen", type: "Stadt", sources: [{ url: "https://example.org/ags/14730010" }] } };
    const updated = await execOk(service, `mutation ($input: AsskommMembershipPatch!) { updateAsskommMembership(id: "SN-P-029", input: $input) { municipality { id } registeredMunicipality { name } } }`, { input }, await editor());
    expect(updated.updateAsskommMembership).toEqual({ municipality: { id: "SN-M-14730010" }, registeredMunicipality: { name: "Testhausen" } });
    expect((await comparative("SN-P-029")).rows[0].municipalityName).toBe("Testhausen");
  });
});

describe("ending a membership", () => {
  it("sets status ENDED and the end date, and keeps the record queryable everywhere", async () => {
    const ended = await execOk(service, `mutation { endAsskommMembership(id: "SN-P-007", endedOn: "2025-12-31", note: "municipality left") { id status endedOn } }`, {}, await editor());
    expect(ended.endAsskommMembership).toEqual({ id: "SN-P-007", status: "ENDED", endedOn: "2025-12-31" });
    expect(await membership("SN-P-007")).toMatchObject({ status: "ENDED", endedOn: "2025-12-31", signatories: expect.any(Array) });
    const list = await execOk(service, `{ sachsen { memberships(first: 200) { totalCount edges { node { id status } } } } }`);
    expect(list.sachsen.memberships.totalCount).toBe(data.participations.length);
    expect(list.sachsen.memberships.edges.map((e: any) => e.node).find((n: { id: string }) => n.id === "SN-P-007").status).toBe("ENDED");
    const endedRows = await execOk(service, `{ _comparativeParticipations(filter: { statuses: ["ENDED"] }) { totalCount rows { id status endedOn } } }`);
    expect(endedRows._comparativeParticipations).toEqual({ totalCount: 1, rows: [{ id: "SN-P-007", status: "ENDED", endedOn: "2025-12-31" }] });
    const [entry] = await history("SN-P-007");
    expect(entry).toMatchObject({ action: "END", note: "municipality left", changedFields: ["endedOn", "status"], before: { status: "ACTIVE", endedOn: null }, after: { status: "ENDED", endedOn: "2025-12-31" } });
  });
});

describe("events and indicator figures", () => {
  it("records an event, served by the namespace and the contract, with its history", async () => {
    const input = { occursOn: "2024-09-12", title: "Test Fachtag", eventType: "CONFERENCE", format: "HYBRID", place: "Dresden", relatedIds: ["SN-P-007"], sources: [TEST_SOURCE] };
    const event = (await execOk(service, `mutation ($input: AsskommEventInput!) { recordSachsenEvent(input: $input) { id occursOn { iso precision } status relatedMemberships { id } sources { url } } }`, { input }, await editor()))
      .recordSachsenEvent;
    expect(event).toEqual({ id: "SN-E-010", occursOn: { iso: "2024-09-12", precision: "DAY" }, status: "HELD", relatedMemberships: [{ id: "SN-P-007" }], sources: [{ url: TEST_SOURCE.url }] });
    const events = await execOk(service, `{ sachsen { events { edges { node { id } } } } _comparativeEvents(filter: { types: ["CONFERENCE"] }) { id title format relatedIds date { iso } } }`);
    expect(events.sachsen.events.edges.map((e: any) => e.node).map((e: { id: string }) => e.id)).toContain("SN-E-010");
    expect(events._comparativeEvents).toContainEqual({ id: "SN-E-010", title: "Test Fachtag", format: "HYBRID", relatedIds: ["SN-P-007"], date: { iso: "2024-09-12" } });
    expect((await history("SN-E-010")).map((h) => [h.recordType, h.action, h.before])).toEqual([["AsskommEvent", "CREATE", null]]);
  });

  it("publishes a figure that becomes the latest of its series, served by the namespace and the contract", async () => {
    const input = { indicator: "member_municipalities", label: "member municipalities (test)", value: 61, unit: "municipalities", qualifier: "MORE_THAN", referenceOn: "2025-10", sources: [TEST_SOURCE] };
    const figure = (await execOk(service, `mutation ($input: AsskommIndicatorInput!) { publishSachsenIndicator(input: $input) { id value qualifier referenceOn { iso precision } } }`, { input }, await editor()))
      .publishSachsenIndicator;
    expect(figure).toEqual({ id: "SN-I-040", value: 61, qualifier: "MORE_THAN", referenceOn: { iso: "2025-10", precision: "MONTH" } });
    const read = await execOk(service, `{ sachsen { indicators(filter: { indicators: ["member_municipalities"] }) { edges { node { latest { id value } } } } } _comparativeIndicators(indicator: "member_municipalities") { id value qualifier referenceOn { iso precision } sources { url } } }`);
    expect(read.sachsen.indicators.edges.map((e: any) => e.node)[0].latest).toEqual({ id: "SN-I-040", value: 61 });
    expect(read._comparativeIndicators).toContainEqual({ id: "SN-I-040", value: 61, qualifier: "MORE_THAN", referenceOn: { iso: "2025-10", precision: "MONTH" }, sources: [{ url: TEST_SOURCE.url }] });
    expect((await history("SN-I-040"))[0]).toMatchObject({ recordType: "AsskommIndicator", action: "CREATE", after: { value: 61, referencePrecision: "MONTH" } });
  });
});

describe("attaching sources", () => {
  const ATTACH = `mutation ($id: ID!, $sources: [SourceInput!]!) { attachSachsenSources(recordId: $id, sources: $sources) {
    __typename ... on AsskommMembership { id sources { url } } ... on AsskommEvent { id sources { url } } ... on AsskommIndicator { id sources { url } }
  } }`;
  const extra = { url: "https://example.org/asskomm/extra", publisher: "Test", publishedOn: "2025-01" };

  it.each([
    ["a membership", "SN-P-007", "AsskommMembership", `SELECT sources FROM cmp_participation WHERE id = 'SN-P-007'`],
    ["an event", "SN-E-006", "AsskommEvent", `SELECT sources FROM cmp_event WHERE id = 'SN-E-006'`],
    ["an indicator figure", "SN-I-004", "AsskommIndicator", `SELECT sources FROM cmp_indicator WHERE id = 'SN-I-004'`],
  ])("adds a source to %s, keeps the ones it had, and records ATTACH_SOURCES once", async (_what, id, typename, viewSql) => {
    const auth = await editor();
    const [{ sources: beforeJson }] = await sql(viewSql);
    const had = JSON.parse(beforeJson).map((s: { url: string }) => s.url);
    const result = (await execOk(service, ATTACH, { id, sources: [extra, { url: had[0] }] }, auth)).attachSachsenSources;
    expect(result.__typename).toBe(typename);
    expect(result.sources.map((s: { url: string }) => s.url)).toEqual([...had, extra.url]);
    const [{ sources: afterJson }] = await sql(viewSql);
    expect(JSON.parse(afterJson).map((s: { url: string }) => s.url)).toEqual([...had, extra.url]);
    const entries = await history(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ recordType: typename, action: "ATTACH_SOURCES", changedFields: ["sources"] });
    // Nothing new: nothing changes, nothing is recorded.
    await execOk(service, ATTACH, { id, sources: [extra] }, auth);
    expect(await history(id)).toHaveLength(1);
  });
});
