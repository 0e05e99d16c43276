import { ErrorCode, todayIso, type SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE, TEST_SOURCE, counts, createWriteSubgraph, editor, exec, execOk, validMembership } from "./write-helpers.js";

let service: SubgraphService<SachsenContext>;
let auth: string;
beforeAll(async () => {
  service = await createWriteSubgraph();
  auth = await editor();
});
afterAll(async () => {
  await service.close();
});

const nextYear = String(Number(todayIso().slice(0, 4)) + 1);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const inline = (extra: Record<string, unknown>) => ({ ags: "14626020", name: "Testdorf", type: "Gemeinde", sources: [{ url: "https://example.org/ags" }], ...extra });

/** Runs a write that must fail: returns its one error, and checks that nothing was written. */
async function refused(query: string, variables: Record<string, unknown>) {
  const before = await counts(service);
  const result = await exec(service, query, variables, auth);
  expect(result.errors, JSON.stringify(result.data)).toHaveLength(1);
  expect(result.data ?? null).toBeNull();
  expect(await counts(service)).toEqual(before);
  return result.errors![0]!;
}

describe("creating a membership with invalid input", () => {
  it.each([
    ["an AGS that is not 8 digits", { municipalityId: undefined, newMunicipality: inline({ ags: "1462699" }) }, ErrorCode.INVALID_AGS, "input.newMunicipality.ags", /8 digits/],
    ["an AGS with letters", { municipalityId: undefined, newMunicipality: inline({ ags: "1462699x" }) }, ErrorCode.INVALID_AGS, "input.newMunicipality.ags", /8 digits/],
    ["the AGS of a Sachsen-Anhalt municipality", { municipalityId: undefined, newMunicipality: inline({ ags: "15003000" }) }, ErrorCode.BAD_USER_INPUT, "input.newMunicipality.ags", /not in SN.*14/],
    ["the AGS of a Saarland municipality", { municipalityId: undefined, newMunicipality: inline({ ags: "10041100" }) }, ErrorCode.BAD_USER_INPUT, "input.newMunicipality.ags", /not in SN/],
    ["an AGS that is registered already", { municipalityId: undefined, newMunicipality: inline({ ags: "14511000" }) }, ErrorCode.CONFLICT, "input.newMunicipality.ags", /SN-M-14511000/],
    ["a municipality without a source for its AGS", { municipalityId: undefined, newMunicipality: inline({ sources: [] }) }, ErrorCode.BAD_USER_INPUT, "input.newMunicipality.sources", /at least one source/],
    ["a signing date next year", { signedOn: nextYear }, ErrorCode.BAD_USER_INPUT, "input.signedOn", /future/],
    ["a signing date tomorrow", { signedOn: tomorrow }, ErrorCode.BAD_USER_INPUT, "input.signedOn", /future/],
    ["a day that does not exist", { signedOn: "2021-02-30" }, ErrorCode.BAD_USER_INPUT, "input.signedOn", /not a real date/],
    ["a date in another format", { signedOn: "30.04.2021" }, ErrorCode.BAD_USER_INPUT, "input.signedOn", /YYYY/],
    ["a month and day with a known year", { signedMonth: 4, signedDay: 25 }, ErrorCode.BAD_USER_INPUT, "input.signedMonth", /year is unknown/],
    ["a day-month date that does not exist", { signedOn: null, signedMonth: 2, signedDay: 30 }, ErrorCode.BAD_USER_INPUT, "input.signedDay", /not a real day/],
    ["a municipality that does not exist", { municipalityId: "SN-M-14999999" }, ErrorCode.BAD_USER_INPUT, "input.municipalityId", /does not exist/],
    ["a municipality of another state", { municipalityId: "SL-M-10041100" }, ErrorCode.BAD_USER_INPUT, "input.municipalityId", /not a municipality id of Sachsen/],
    ["no municipality at all", { municipalityId: undefined }, ErrorCode.BAD_USER_INPUT, "input.municipalityId", /needs a municipality/],
    ["no source", { sources: [] }, ErrorCode.BAD_USER_INPUT, "input.sources", /at least one source/],
    ["a source that is not a web address", { sources: [{ url: "ftp://example.org/x" }] }, ErrorCode.BAD_USER_INPUT, "input.sources[0].url", /http/],
    ["a source published in the future", { sources: [{ url: "https://example.org/x", publishedOn: nextYear }] }, ErrorCode.BAD_USER_INPUT, "input.sources[0].publishedOn", /future/],
    ["an id of another state", { id: "SL-P-031" }, ErrorCode.BAD_USER_INPUT, "input.id", /not a membership id of Sachsen/],
    ["an id that is taken", { id: "SN-P-007" }, ErrorCode.CONFLICT, "input.id", /exists already/],
    ["a person present listed as a signatory", { signatories: [{ name: "A", basis: "PRESENT" }] }, ErrorCode.BAD_USER_INPUT, "input.signatories[0].basis", /only present/],
    ["a signatory listed as present", { present: [{ name: "A", basis: "SIGNED" }] }, ErrorCode.BAD_USER_INPUT, "input.present[0].basis", /PRESENT/],
    ["a person without a name", { signatories: [{ name: " ", basis: "SIGNED" }] }, ErrorCode.BAD_USER_INPUT, "input.signatories[0].name", /non-empty/],
    ["an ordinal without its basis", { ordinal: 61 }, ErrorCode.BAD_USER_INPUT, "input.ordinalBasis", /STATED or IMPLIED/],
    ["an ENDED status", { status: "ENDED" }, ErrorCode.BAD_USER_INPUT, "input.status", /endAsskommMembership/],
    ["a pre-agreement that is a cooperation agreement", { preAgreementId: "SN-P-007" }, ErrorCode.BAD_USER_INPUT, "input.preAgreementId", /not a Vorvereinbarung/],
    ["another municipality's pre-agreement", { preAgreementId: "SN-P-008" }, ErrorCode.BAD_USER_INPUT, "input.preAgreementId", /SN-M-14521450, not of SN-M-14511000/],
    ["a pre-agreement that does not exist", { preAgreementId: "SN-P-999" }, ErrorCode.BAD_USER_INPUT, "input.preAgreementId", /does not exist/],
  ])("%s → %s on %s, nothing written", async (_name, change, code, field, message) => {
    const error = await refused(CREATE, { input: validMembership(change) });
    expect(error.extensions).toMatchObject({ code, field });
    expect(error.message).toMatch(message);
    expect(error.extensions).not.toHaveProperty("stacktrace");
  });

  it("an unknown enum value is refused by the schema, naming the field, and nothing is written", async () => {
    for (const [change, path] of [
      [{ stage: "SIGNED_TWICE" }, "input.stage"],
      [{ format: "CARRIER_PIGEON" }, "input.format"],
      [{ signatories: [{ name: "A", basis: "WAVED" }] }, "input.signatories[0].basis"],
    ] as const) {
      const error = await refused(CREATE, { input: validMembership(change) });
      expect(error.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.message).toContain(`"${path}"`);
    }
  });

  it("reports every bad field at once, each with its code", async () => {
    const error = await refused(CREATE, { input: validMembership({ municipalityId: undefined, newMunicipality: inline({ ags: "123" }), signedOn: "2021-02-30", sources: [] }) });
    expect(error.extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect((error.extensions?.fields as Array<{ field: string; code: string }>).map((f) => [f.field, f.code])).toEqual([
      ["input.newMunicipality.ags", ErrorCode.INVALID_AGS],
      ["input.signedOn", ErrorCode.BAD_USER_INPUT],
      ["input.sources", ErrorCode.BAD_USER_INPUT],
    ]);
  });
});

describe("changing and ending with invalid input", () => {
  const UPDATE = `mutation ($id: ID!, $input: AsskommMembershipPatch!) { updateAsskommMembership(id: $id, input: $input) { id } }`;
  const END = `mutation ($id: ID!, $endedOn: String!) { endAsskommMembership(id: $id, endedOn: $endedOn) { id } }`;

  it.each([
    ["clearing the sources", { sources: null }, "input.sources", /cannot be cleared/],
    ["an empty list of sources", { sources: [] }, "input.sources", /at least one source/],
    ["clearing the stage", { stage: null }, "input.stage", /cannot be cleared/],
    ["a signing date in the future", { signedOn: nextYear }, "input.signedOn", /future/],
    ["ending by an update", { status: "ENDED" }, "input.status", /endAsskommMembership/],
    ["turning a Vorvereinbarung that another agreement follows into something else", { stage: "COOPERATION_AGREEMENT" }, "input.stage", /SN-P-020 follows/],
  ])("%s is refused on %s", async (_name, input, field, message) => {
    const id = field === "input.stage" && message.source.includes("follows") ? "SN-P-008" : "SN-P-007";
    const error = await refused(UPDATE, { id, input });
    expect(error.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field });
    expect(error.message).toMatch(message);
  });

  it("an update or end of a membership that does not exist is NOT_FOUND", async () => {
    expect((await refused(UPDATE, { id: "SN-P-404", input: { place: "x" } })).extensions?.code).toBe(ErrorCode.NOT_FOUND);
    expect((await refused(END, { id: "SN-P-404", endedOn: "2024-01-01" })).extensions?.code).toBe(ErrorCode.NOT_FOUND);
  });

  it.each([
    ["before the signing date", "SN-P-007", "2021-06-24", /before the signing date \(2021-06-25\)/],
    ["before the effective date of a model municipality", "SN-P-M01", "2019-02-05", /before the effective date/],
    ["in the future", "SN-P-007", tomorrow, /future/],
    ["without a day", "SN-P-007", "2024-05", /full day/],
    ["on a day that does not exist", "SN-P-007", "2024-02-30", /not a real date/],
  ])("an end date %s is refused on endedOn", async (_name, id, endedOn, message) => {
    const error = await refused(END, { id, endedOn });
    expect(error.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "endedOn" });
    expect(error.message).toMatch(message);
  });

  it("an ended membership stays queryable with its status and end date", async () => {
    await execOk(service, END, { id: "SN-P-019", endedOn: "2024-06-30" }, auth);
    const read = await execOk(service, `{ sachsen { membership(id: "SN-P-019") { status endedOn registeredMunicipality { name } sources { url } } } }`);
    expect(read.sachsen.membership).toMatchObject({ status: "ENDED", endedOn: "2024-06-30", sources: expect.arrayContaining([expect.objectContaining({ url: expect.any(String) })]) });
    // Reopening it (a mistaken end) takes the end date away and is recorded as well.
    const reopened = await execOk(service, `mutation { updateAsskommMembership(id: "SN-P-019", input: { status: ACTIVE }) { status endedOn } }`, {}, auth);
    expect(reopened.updateAsskommMembership).toEqual({ status: "ACTIVE", endedOn: null });
    const history = await execOk(service, `{ sachsen { history(filter: { recordIds: ["SN-P-019"] }) { edges { node { action } } } } }`);
    expect(history.sachsen.history.edges.map((e: any) => e.node).map((h: { action: string }) => h.action)).toEqual(["END", "UPDATE"]);
  });
});

describe("events, figures and sources with invalid input", () => {
  const EVENT = `mutation ($input: AsskommEventInput!) { recordSachsenEvent(input: $input) { id } }`;
  const FIGURE = `mutation ($input: AsskommIndicatorInput!) { publishSachsenIndicator(input: $input) { id } }`;
  const ATTACH = `mutation ($id: ID!, $sources: [SourceInput!]!) { attachSachsenSources(recordId: $id, sources: $sources) { __typename } }`;
  const event = (extra: Record<string, unknown>) => ({ occursOn: "2024-09-12", title: "Test", eventType: "CONFERENCE", sources: [TEST_SOURCE], ...extra });
  const figure = (extra: Record<string, unknown>) => ({ indicator: "member_municipalities", label: "x", value: 1, unit: "municipalities", referenceOn: "2024", sources: [TEST_SOURCE], ...extra });

  it.each([
    [EVENT, event({ occursOn: tomorrow }), "input.occursOn", /future/],
    [EVENT, event({ alsoOccursOn: ["2024-13"] }), "input.alsoOccursOn[0]", /not a real date/],
    [EVENT, event({ eventType: "conference day" }), "input.eventType", /event type code/],
    [EVENT, event({ relatedIds: ["SN-P-404"] }), "input.relatedIds[0]", /does not exist/],
    [EVENT, event({ sources: [] }), "input.sources", /at least one source/],
    [EVENT, event({ id: "SN-E-001" }), "input.id", /exists already/],
    [FIGURE, figure({ value: -5 }), "input.value", /not negative/],
    [FIGURE, figure({ indicator: "Member Municipalities" }), "input.indicator", /indicator code/],
    [FIGURE, figure({ referenceOn: nextYear }), "input.referenceOn", /future/],
    [FIGURE, figure({ programmeId: "SN-PRG-OTHER" }), "input.programmeId", /does not exist/],
    [ATTACH, { id: "SN-P-007", sources: [{ url: "not a url" }] }, "sources[0].url", /http/],
    [ATTACH, { id: "SL-P-1", sources: [TEST_SOURCE] }, "recordId", /not a membership/],
  ])("%# refuses %s on %s", async (query, variables, field, message) => {
    const error = await refused(query, query === ATTACH ? variables : { input: variables });
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it("an event announced for a later date is fine; sources attached to a missing record are NOT_FOUND", async () => {
    await execOk(service, EVENT, { input: event({ occursOn: nextYear, status: "ANNOUNCED" }) }, auth);
    const error = await refused(ATTACH, { id: "SN-E-404", sources: [TEST_SOURCE] });
    expect(error.extensions?.code).toBe(ErrorCode.NOT_FOUND);
  });
});
