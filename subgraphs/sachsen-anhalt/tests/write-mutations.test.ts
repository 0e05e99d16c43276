import { StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SachsenAnhaltContext } from "../src/index.js";
import { data, run } from "./helpers.js";
import { bearer, counts, CREATE, createWritableSubgraph, newPartnership, SOURCE } from "./write-helpers.js";

const HISTORY = /* GraphQL */ `
  query ($id: ID!) {
    sachsenAnhalt { history(filter: { recordIds: [$id] }) { edges { node { recordType recordId state action actor { subject state role } source changedFields before after note at } } } }
  }
`;
const CONTRACT_PARTICIPATION = /* GraphQL */ `
  query ($ids: [ID!]) {
    _comparativeParticipations(filter: { ids: $ids }) {
      totalCount
      rows { id typename municipalityId municipalityName status endedOn signedOn { iso precision } fieldsOfAction signatories { name } present { name } sources { url } }
    }
  }
`;

let service: SubgraphService<SachsenAnhaltContext>;
let editor: string;
beforeEach(async () => {
  service = await createWritableSubgraph();
  editor = await bearer(StateCode.ST, "editor");
});
afterEach(async () => {
  await service.close();
});

async function write(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const result = await run(service, query, variables, editor);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

async function history(id: string): Promise<any[]> {
  return (await data(service, HISTORY, { id })).sachsenAnhalt.history.edges.map((e: any) => e.node);
}

describe("createSachsenAnhaltPartnership", () => {
  it("creates a partnership with a new municipality, served by the namespace, the contract and the history", async () => {
    const { createSachsenAnhaltPartnership: created } = await write(CREATE, { input: newPartnership(), note: "signed last week" });
    // The next free id after ST-P-06; a single agreement is its own.
    expect(created).toMatchObject({
      id: "ST-P-07",
      agreementId: "ST-P-07",
      status: "ACTIVE",
      endedOn: null,
      instrument: "COOPERATION_AGREEMENT",
      signedOn: { iso: "2024-05-13", precision: "DAY" },
      municipality: { id: "ST-M-15090535" },
      registeredMunicipality: { id: "ST-M-15090535", ags: "15090535", name: "Hansestadt Stendal" },
      policePartner: { name: "Polizeirevier Stendal", kind: "POLIZEIREVIER" },
      fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
      signatories: [{ name: "Erika Beispiel", basis: "SIGNED" }, { name: "Max Muster", basis: "SIGNED" }],
      present: [{ name: "Paula Probe", basis: "PRESENT" }],
      sources: [{ url: SOURCE.url, publishedOn: "2024-05-14" }],
    });

    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { partnership(id: "ST-P-07") { id signatories { name } } partnerships(filter: { municipalityIds: ["ST-M-15090535"] }) { totalCount }
         municipality(id: "ST-M-15090535") { name ags sources { url } partnerships { id } } } }`,
    );
    expect(sachsenAnhalt.partnership.signatories).toHaveLength(2);
    expect(sachsenAnhalt.partnerships.totalCount).toBe(1);
    expect(sachsenAnhalt.municipality).toEqual({ name: "Hansestadt Stendal", ags: "15090535", sources: [{ url: "https://de.wikipedia.org/wiki/Stendal" }], partnerships: [{ id: "ST-P-07" }] });

    const contract = await data(service, CONTRACT_PARTICIPATION, { ids: ["ST-P-07"] });
    expect(contract._comparativeParticipations).toEqual({
      totalCount: 1,
      rows: [
        {
          id: "ST-P-07",
          typename: "SachsenAnhaltLocalPartnership",
          municipalityId: "ST-M-15090535",
          municipalityName: "Hansestadt Stendal",
          status: "ACTIVE",
          endedOn: null,
          signedOn: { iso: "2024-05-13", precision: "DAY" },
          fieldsOfAction: ["JOINT_PATROLS", "VIDEO_SURVEILLANCE"],
          signatories: [{ name: "Erika Beispiel" }, { name: "Max Muster" }],
          present: [{ name: "Paula Probe" }],
          sources: [{ url: SOURCE.url }],
        },
      ],
    });
    const { _comparativeMunicipalities } = await data(service, `{ _comparativeMunicipalities(ids: ["ST-M-15090535"]) { id ags name } }`);
    expect(_comparativeMunicipalities).toEqual([{ id: "ST-M-15090535", ags: "15090535", name: "Hansestadt Stendal" }]);

    const [entry] = await history("ST-P-07");
    expect(entry).toMatchObject({
      recordType: "SachsenAnhaltLocalPartnership",
      recordId: "ST-P-07",
      state: "ST",
      action: "CREATE",
      actor: { subject: "editor-st@example.org", state: "ST", role: "editor" },
      source: "API",
      before: null,
      note: "signed last week",
    });
    expect(entry.after).toMatchObject({ id: "ST-P-07", municipalityId: "ST-M-15090535", signedOn: "2024-05-13", status: "ACTIVE", signatories: [{ name: "Erika Beispiel" }, { name: "Max Muster" }] });
    expect(Date.parse(entry.at)).not.toBeNaN();
    expect((await history("ST-M-15090535")).map((e) => [e.recordType, e.action])).toEqual([["SachsenAnhaltMunicipality", "CREATE"]]);
  });

  it("takes an id the caller gives, and refuses one that is taken with CONFLICT", async () => {
    const { municipalityId: _none, newMunicipality: _new, ...rest } = newPartnership();
    const input = { ...rest, id: "ST-P-20", municipalityId: "ST-M-15003000" };
    expect((await write(CREATE, { input })).createSachsenAnhaltPartnership.id).toBe("ST-P-20");
    const before = await counts(service);
    const again = await run(service, CREATE, { input: { ...input, id: "ST-P-03" } }, editor);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(await counts(service)).toEqual(before);
    // The next assigned id follows the highest one in use.
    expect((await write(CREATE, { input: { ...rest, municipalityId: "ST-M-15003000" } })).createSachsenAnhaltPartnership.id).toBe("ST-P-21");
  });

  it("keeps a signing date with the precision given: a month stays a month", async () => {
    const { createSachsenAnhaltPartnership: created } = await write(CREATE, { input: newPartnership({ signedOn: "2024-05", signedNote: "May 2024, day not reported" }) });
    expect(created.signedOn).toEqual({ iso: "2024-05", precision: "MONTH" });
    const contract = await data(service, CONTRACT_PARTICIPATION, { ids: [created.id] });
    expect(contract._comparativeParticipations.rows[0].signedOn).toEqual({ iso: "2024-05", precision: "MONTH" });
  });
});

describe("updateSachsenAnhaltPartnership", () => {
  const UPDATE = /* GraphQL */ `
    mutation ($id: ID!, $input: SachsenAnhaltPartnershipUpdateInput!) {
      updateSachsenAnhaltPartnership(id: $id, input: $input) { id place notes { text } fieldsOfAction signatories { name } present { name } instrumentLabel signedOn { iso } sources { url } }
    }
  `;

  it("changes only the fields given, keeps the derived columns in step and records before and after", async () => {
    const { updateSachsenAnhaltPartnership: updated } = await write(UPDATE, {
      id: "ST-P-02",
      input: { place: "Bürgersaal Gardelegen", notes: ["cooperation with the municipal Ordnungsamt", "graffiti removal"], present: [{ name: "Otto Gast", basis: "PRESENT" }] },
    });
    expect(updated).toMatchObject({
      id: "ST-P-02",
      place: "Bürgersaal Gardelegen",
      fieldsOfAction: ["GRAFFITI", "MUNICIPAL_ENFORCEMENT"],
      signatories: [{ name: "Mandy Zepig" }, { name: "Sebastian Heutig" }],
      present: [{ name: "Otto Gast" }],
      instrumentLabel: "Kooperationsvereinbarung zur Sicherheitspartnerschaft",
      signedOn: { iso: "2018-03-15" },
    });
    const contract = await data(service, CONTRACT_PARTICIPATION, { ids: ["ST-P-02"] });
    expect(contract._comparativeParticipations.rows[0]).toMatchObject({ fieldsOfAction: ["GRAFFITI", "MUNICIPAL_ENFORCEMENT"], present: [{ name: "Otto Gast" }] });
    const { _comparativeSummary } = await data(service, `{ _comparativeSummary(filter: { ids: ["ST-P-02"] }, groupBy: ["FIELD_OF_ACTION"]) { fieldOfAction participations } }`);
    expect(_comparativeSummary.map((r: { fieldOfAction: string }) => r.fieldOfAction).sort()).toEqual(["GRAFFITI", "MUNICIPAL_ENFORCEMENT"]);

    const entries = await history("ST-P-02");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "UPDATE", actor: { subject: "editor-st@example.org" }, changedFields: ["fieldsOfAction", "notes", "place", "present"] });
    expect(entries[0].before).toMatchObject({ place: "Rathaus Gardelegen", present: [], fieldsOfAction: ["EVENT_SAFETY", "JOINT_PATROLS", "MUNICIPAL_ENFORCEMENT"] });
    expect(entries[0].after).toMatchObject({ place: "Bürgersaal Gardelegen", present: [{ name: "Otto Gast" }] });
  });

  it("records nothing for an update that changes nothing", async () => {
    const before = await counts(service);
    await write(UPDATE, { id: "ST-P-02", input: { place: "Rathaus Gardelegen", instrumentLabel: "Kooperationsvereinbarung zur Sicherheitspartnerschaft" } });
    expect(await counts(service)).toEqual(before);
    expect(await history("ST-P-02")).toEqual([]);
  });

  it("clears an optional field given as null and refuses to clear a required one", async () => {
    const { updateSachsenAnhaltPartnership: updated } = await write(UPDATE, { id: "ST-P-02", input: { place: null } });
    expect(updated.place).toBeNull();
    const refused = await run(service, UPDATE, { id: "ST-P-02", input: { sources: [] } }, editor);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.sources" });
  });

  it("answers NOT_FOUND for a partnership that does not exist", async () => {
    const result = await run(service, UPDATE, { id: "ST-P-99", input: { place: "x" } }, editor);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("endSachsenAnhaltPartnership", () => {
  const END = /* GraphQL */ `
    mutation ($id: ID!, $endedOn: String!) { endSachsenAnhaltPartnership(id: $id, endedOn: $endedOn, note: "pilot ended") { id status endedOn } }
  `;

  it("ends a partnership that stays queryable with its status and end date, everywhere", async () => {
    const { endSachsenAnhaltPartnership: ended } = await write(END, { id: "ST-P-03", endedOn: "2023-12-31" });
    expect(ended).toEqual({ id: "ST-P-03", status: "ENDED", endedOn: "2023-12-31" });

    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { partnership(id: "ST-P-03") { status endedOn signatories { name } } partnerships { totalCount } } }`);
    expect(sachsenAnhalt.partnership).toEqual({ status: "ENDED", endedOn: "2023-12-31", signatories: [{ name: "Dr. Lutz Trümper" }, { name: "Marco Weigelt" }] });
    expect(sachsenAnhalt.partnerships.totalCount).toBe(6);
    const contract = await data(service, `{ _comparativeParticipations(filter: { statuses: ["ENDED"] }) { rows { id status endedOn } } }`);
    expect(contract._comparativeParticipations.rows).toEqual([{ id: "ST-P-03", status: "ENDED", endedOn: "2023-12-31" }]);
    const { _entities } = await data(service, `{ _entities(representations: [{ __typename: "SachsenAnhaltLocalPartnership", id: "ST-P-03" }]) { ... on SachsenAnhaltLocalPartnership { status endedOn } } }`);
    expect(_entities).toEqual([{ status: "ENDED", endedOn: "2023-12-31" }]);

    const [entry] = await history("ST-P-03");
    expect(entry).toMatchObject({ action: "END", note: "pilot ended", changedFields: ["endedOn", "status"], before: { status: "ACTIVE", endedOn: null }, after: { status: "ENDED", endedOn: "2023-12-31" } });
  });

  it("refuses an end before the signing date, and one in the future, writing nothing", async () => {
    const before = await counts(service);
    const early = await run(service, END, { id: "ST-P-03", endedOn: "2019-12-31" }, editor);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" });
    expect(early.errors?.[0]?.message).toMatch(/before the signing date \(2020-01-24\)/);
    const future = await run(service, END, { id: "ST-P-03", endedOn: "2999-01-01" }, editor);
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" });
    const month = await run(service, END, { id: "ST-P-03", endedOn: "2023-12" }, editor);
    expect(month.errors?.[0]?.extensions).toMatchObject({ field: "endedOn" });
    expect(await counts(service)).toEqual(before);
    expect((await data(service, `{ sachsenAnhalt { partnership(id: "ST-P-03") { status } } }`)).sachsenAnhalt.partnership.status).toBe("ACTIVE");
  });

  it("keeps an ended partnership ENDED: an update cannot set another status", async () => {
    await write(END, { id: "ST-P-03", endedOn: "2023-12-31" });
    const result = await run(service, `mutation { updateSachsenAnhaltPartnership(id: "ST-P-03", input: { status: ACTIVE }) { id } }`, {}, editor);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.status" });
  });
});

describe("recordSachsenAnhaltEvent and publishSachsenAnhaltIndicator", () => {
  it("records an event, served by the namespace, the contract and the history", async () => {
    const { recordSachsenAnhaltEvent: event } = await write(
      `mutation ($input: SachsenAnhaltEventInput!) { recordSachsenAnhaltEvent(input: $input) { id title status occursOn { iso precision } relatedPartnerships { id } sources { url } } }`,
      { input: { title: "Sicherheitskonferenz Altmark", eventType: "CONFERENCE", status: "HELD", occursOn: "2024-06", format: "IN_PERSON", place: "Stendal", relatedIds: ["ST-P-02"], sources: [SOURCE] } },
    );
    expect(event).toEqual({ id: "ST-E-013", title: "Sicherheitskonferenz Altmark", status: "HELD", occursOn: { iso: "2024-06", precision: "MONTH" }, relatedPartnerships: [{ id: "ST-P-02" }], sources: [{ url: SOURCE.url }] });
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { event(id: "ST-E-013") { title } events(filter: { eventTypes: ["CONFERENCE"] }) { edges { node { id } } } } }`);
    expect(sachsenAnhalt.event.title).toBe("Sicherheitskonferenz Altmark");
    expect(sachsenAnhalt.events.edges.map((e: any) => e.node).map((e: { id: string }) => e.id)).toContain("ST-E-013");
    const { _comparativeEvents } = await data(service, `{ _comparativeEvents(filter: { from: "2024-06", to: "2024-06" }) { id date { iso precision } relatedIds status } }`);
    expect(_comparativeEvents).toEqual([{ id: "ST-E-013", date: { iso: "2024-06", precision: "MONTH" }, relatedIds: ["ST-P-02"], status: "HELD" }]);
    expect(await history("ST-E-013")).toMatchObject([{ recordType: "SachsenAnhaltEvent", action: "CREATE", actor: { subject: "editor-st@example.org" }, before: null, after: { id: "ST-E-013", date: "2024-06" } }]);
  });

  it("keeps a half-year as a half-year, and lets an announced event lie ahead while a held one may not", async () => {
    const MUTATION = `mutation ($input: SachsenAnhaltEventInput!) { recordSachsenAnhaltEvent(input: $input) { id occursOn { iso precision } datePeriod } }`;
    const base = { title: "Regionalkonferenz Nord", eventType: "CONFERENCE", sources: [SOURCE] };
    const half = await write(MUTATION, { input: { ...base, status: "ANNOUNCED", datePeriod: "2027-H1" } });
    expect(half.recordSachsenAnhaltEvent).toMatchObject({ occursOn: { iso: "2027", precision: "HALF_YEAR" }, datePeriod: "2027-H1" });
    const held = await run(service, MUTATION, { input: { ...base, status: "HELD", occursOn: "2999-05-01" } }, editor);
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.occursOn" });
    const related = await run(service, MUTATION, { input: { ...base, status: "HELD", relatedIds: ["ST-P-99"] } }, editor);
    expect(related.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.relatedIds[0]" });
    const type = await run(service, MUTATION, { input: { ...base, status: "HELD", eventType: "PARTY" } }, editor);
    expect(type.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.eventType" });
  });

  it("publishes an indicator figure, served by the namespace, the contract and the history", async () => {
    const { publishSachsenAnhaltIndicator: figure } = await write(
      `mutation ($input: SachsenAnhaltIndicatorInput!) { publishSachsenAnhaltIndicator(input: $input) { id indicator value qualifier referenceOn { iso precision } } }`,
      { input: { indicator: "lpr_members", label: "members of the Landespräventionsrat Sachsen-Anhalt", value: 58, unit: "member organisations", qualifier: "MORE_THAN", referenceOn: "2025-03", sources: [SOURCE] } },
    );
    expect(figure).toEqual({ id: "ST-I-005", indicator: "lpr_members", value: 58, qualifier: "MORE_THAN", referenceOn: { iso: "2025-03", precision: "MONTH" } });
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { indicators(filter: { indicators: ["lpr_members"] }) { edges { node { figures { id } } } } landespraeventionsrat { memberCounts { value } } } }`);
    expect(sachsenAnhalt.indicators.edges.flatMap((e: any) => e.node.figures).map((i: { id: string }) => i.id)).toEqual(["ST-I-001", "ST-I-005", "ST-I-002"]);
    expect(sachsenAnhalt.landespraeventionsrat.memberCounts.map((c: { value: number }) => c.value)).toEqual([56, 58, 50]);
    const { _comparativeIndicators } = await data(service, `{ _comparativeIndicators(indicator: "lpr_members") { id value qualifier referenceOn { iso } } }`);
    expect(_comparativeIndicators).toContainEqual({ id: "ST-I-005", value: 58, qualifier: "MORE_THAN", referenceOn: { iso: "2025-03" } });
    expect(await history("ST-I-005")).toMatchObject([{ recordType: "SachsenAnhaltIndicator", action: "CREATE", after: { value: 58, referenceOn: "2025-03" } }]);
  });

  it("refuses a negative figure and a reference date in the future", async () => {
    const MUTATION = `mutation ($input: SachsenAnhaltIndicatorInput!) { publishSachsenAnhaltIndicator(input: $input) { id } }`;
    const result = await run(service, MUTATION, { input: { indicator: "lpr_members", label: "x", value: -1, unit: "members", referenceOn: "2999", sources: [SOURCE] } }, editor);
    const fields = (result.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(["input.value", "input.referenceOn"]);
  });
});

describe("attachSachsenAnhaltSources", () => {
  const ATTACH = /* GraphQL */ `
    mutation ($id: ID!, $sources: [SourceInput!]!) {
      attachSachsenAnhaltSources(recordId: $id, sources: $sources) {
        __typename
        ... on SachsenAnhaltLocalPartnership { id sources { url } }
        ... on SachsenAnhaltEvent { id sources { url } }
        ... on SachsenAnhaltIndicator { id sources { url } }
      }
    }
  `;
  const EXTRA = { url: "https://example.org/more", publisher: "Example Press", publishedOn: "2024" };

  it.each([
    ["ST-P-05", "SachsenAnhaltLocalPartnership"],
    ["ST-E-004", "SachsenAnhaltEvent"],
    ["ST-I-003", "SachsenAnhaltIndicator"],
  ])("adds a source to %s, visible everywhere, once per URL", async (id, typename) => {
    const { attachSachsenAnhaltSources: record } = await write(ATTACH, { id, sources: [EXTRA] });
    expect(record.__typename).toBe(typename);
    expect(record.sources.at(-1)).toEqual({ url: EXTRA.url });
    const contract =
      typename === "SachsenAnhaltLocalPartnership"
        ? (await data(service, CONTRACT_PARTICIPATION, { ids: [id] }))._comparativeParticipations.rows[0]
        : typename === "SachsenAnhaltEvent"
          ? (await data(service, `{ _comparativeEvents { id sources { url } } }`))._comparativeEvents.find((e: { id: string }) => e.id === id)
          : (await data(service, `{ _comparativeIndicators { id sources { url } } }`))._comparativeIndicators.find((i: { id: string }) => i.id === id);
    expect(contract.sources.map((s: { url: string }) => s.url)).toContain(EXTRA.url);

    const [entry] = await history(id);
    expect(entry).toMatchObject({ recordType: typename, action: "ATTACH_SOURCES", changedFields: ["sources"] });
    expect(entry.after.sources.length).toBe(entry.before.sources.length + 1);

    // The same URL again adds nothing and records nothing.
    const again = await write(ATTACH, { id, sources: [EXTRA] });
    expect(again.attachSachsenAnhaltSources.sources).toEqual(record.sources);
    expect(await history(id)).toHaveLength(1);
  });

  it("refuses an id of another kind or state, an unknown record, and an empty list", async () => {
    const other = await run(service, ATTACH, { id: "SL-P-10", sources: [EXTRA] }, editor);
    expect(other.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "recordId" });
    const missing = await run(service, ATTACH, { id: "ST-E-999", sources: [EXTRA] }, editor);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND" });
    const none = await run(service, ATTACH, { id: "ST-E-004", sources: [] }, editor);
    expect(none.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "sources" });
  });
});

describe("history", () => {
  it("is empty for seeded records (the seed is the baseline) and lists changes oldest first", async () => {
    expect(await history("ST-P-01")).toEqual([]);
    await write(`mutation { updateSachsenAnhaltPartnership(id: "ST-P-01", input: { place: "Marktplatz Halle" }) { id } }`, {});
    await write(`mutation { endSachsenAnhaltPartnership(id: "ST-P-01", endedOn: "2010-01-01") { id } }`, {});
    expect((await history("ST-P-01")).map((e) => e.action)).toEqual(["UPDATE", "END"]);
    // Reads are public: no token needed for history.
    const anonymous = await run(service, HISTORY, { id: "ST-P-01" });
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data!.sachsenAnhalt.history.edges).toHaveLength(2);
  });
});
