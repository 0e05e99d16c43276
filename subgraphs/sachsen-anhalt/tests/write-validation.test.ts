import { StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SachsenAnhaltContext } from "../src/index.js";
import { run } from "./helpers.js";
import { bearer, counts, CREATE, createWritableSubgraph, newPartnership } from "./write-helpers.js";

const withMunicipality = (overrides: Record<string, unknown>) => {
  const base = newPartnership();
  return { ...base, newMunicipality: { ...(base.newMunicipality as object), ...overrides } };
};
const { newMunicipality: _new, ...registered } = newPartnership();
const existingMunicipality = (overrides: Record<string, unknown> = {}) => ({ ...registered, municipalityId: "ST-M-15003000", ...overrides });

describe("validation of a new partnership", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  let editor: string;
  beforeAll(async () => {
    service = await createWritableSubgraph();
    editor = await bearer(StateCode.ST, "editor");
  });
  afterAll(async () => {
    await service.close();
  });

  const cases: Array<[string, Record<string, unknown>, string, string, RegExp]> = [
    ["a malformed AGS", withMunicipality({ ags: "1509053" }), "INVALID_AGS", "input.newMunicipality.ags", /must be exactly 8 digits/],
    ["an AGS with letters", withMunicipality({ ags: "15O90535" }), "INVALID_AGS", "input.newMunicipality.ags", /must be exactly 8 digits/],
    ["an AGS of another state (Saarland's prefix 10)", withMunicipality({ ags: "10042113" }), "BAD_USER_INPUT", "input.newMunicipality.ags", /is not in ST: AGS of ST start with 15/],
    ["an AGS of Sachsen (prefix 14)", withMunicipality({ ags: "14522180" }), "BAD_USER_INPUT", "input.newMunicipality.ags", /start with 15/],
    ["an AGS already registered under another id", withMunicipality({ ags: "15090550" }), "CONFLICT", "input.newMunicipality.ags", /already registered as ST-M-TANGERMUENDE/],
    ["a municipality that is registered already", withMunicipality({ ags: "15003000" }), "CONFLICT", "input.newMunicipality.ags", /ST-M-15003000 is already registered/],
    ["a new municipality without a type", withMunicipality({ type: " " }), "BAD_USER_INPUT", "input.newMunicipality.type", /non-empty text/],
    ["a new municipality without a source for its AGS", withMunicipality({ sources: [] }), "BAD_USER_INPUT", "input.newMunicipality.sources", /at least one source/],
    ["a signing date in the future", newPartnership({ signedOn: "2999-05-13" }), "BAD_USER_INPUT", "input.signedOn", /lies in the future/],
    ["a day that does not exist (2021-02-30)", newPartnership({ signedOn: "2021-02-30" }), "BAD_USER_INPUT", "input.signedOn", /not a real date/],
    ["a date in another format", newPartnership({ signedOn: "13.05.2024" }), "BAD_USER_INPUT", "input.signedOn", /not a real date/],
    ["a new partnership that is already ended", newPartnership({ status: "ENDED" }), "BAD_USER_INPUT", "input.status", /endSachsenAnhaltPartnership/],
    ["an unknown municipality", existingMunicipality({ municipalityId: "ST-M-15099999" }), "BAD_USER_INPUT", "input.municipalityId", /municipality ST-M-15099999 does not exist/],
    ["a municipality of another state", existingMunicipality({ municipalityId: "SL-M-10043114" }), "BAD_USER_INPUT", "input.municipalityId", /not a Sachsen-Anhalt id/],
    ["no municipality at all", existingMunicipality({ municipalityId: null }), "BAD_USER_INPUT", "input.municipalityId", /municipality is required/],
    ["both a municipality id and a new one", newPartnership({ municipalityId: "ST-M-15003000" }), "BAD_USER_INPUT", "input.newMunicipality", /not both/],
    ["an unknown programme", newPartnership({ programmeId: "ST-PRG-OTHER" }), "BAD_USER_INPUT", "input.programmeId", /programme ST-PRG-OTHER does not exist/],
    ["no source", newPartnership({ sources: [] }), "BAD_USER_INPUT", "input.sources", /at least one source/],
    ["a source that is not a web address", newPartnership({ sources: [{ url: "Volksstimme, page 3" }] }), "BAD_USER_INPUT", "input.sources[0].url", /not an http\(s\) URL/],
    ["a source published in the future", newPartnership({ sources: [{ url: "https://example.org", publishedOn: "2999" }] }), "BAD_USER_INPUT", "input.sources[0].publishedOn", /future/],
    ["an id of another state", newPartnership({ id: "SN-P-01" }), "BAD_USER_INPUT", "input.id", /ids look like ST-P-07/],
    ["an id that is taken", newPartnership({ id: "ST-P-01" }), "CONFLICT", "input.id", /already exists/],
    ["a signatory who only attended", newPartnership({ signatories: [{ name: "A. Gast", basis: "PRESENT" }] }), "BAD_USER_INPUT", "input.signatories[0].basis", /present/],
    ["a person without a name", newPartnership({ present: [{ name: "", basis: "PRESENT" }] }), "BAD_USER_INPUT", "input.present[0].name", /non-empty/],
    ["an effective date before the signing", newPartnership({ effectiveOn: "2024-01-01" }), "BAD_USER_INPUT", "input.effectiveOn", /before the signing date/],
    ["a day without a year next to a full date", newPartnership({ signedMonth: 5, signedDay: 13 }), "BAD_USER_INPUT", "input.signedMonth", /year is unknown/],
    ["a day and month without a year that does not exist", newPartnership({ signedOn: null, signedMonth: 4, signedDay: 31 }), "BAD_USER_INPUT", "input.signedDay", /month 4 has no day 31/],
  ];

  it.each(cases)("refuses %s with a coded error naming the field, writing nothing", async (_name, input, code, field, message) => {
    const before = await counts(service);
    const result = await run(service, CREATE, { input }, editor);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    const error = result.errors![0]!;
    expect(error.extensions).toMatchObject({ code, field });
    expect(error.extensions!.fields).toEqual([expect.objectContaining({ field, code })]);
    expect(error.message).toMatch(message);
    expect(await counts(service)).toEqual(before);
  });

  // The vocabulary is typed as the shared enums (docs/API.md): GraphQL refuses a value outside
  // it before the resolver runs, with BAD_USER_INPUT and the enum's name.
  it.each([
    ["an unknown instrument", { instrument: "HANDSHAKE" }, "Instrument"],
    ["an unknown signing format", { format: "TELEPATHY" }, "SigningFormat"],
    ["an unknown status", { status: "PAUSED" }, "ParticipationStatus"],
  ])("refuses %s as outside the vocabulary, writing nothing", async (_name, extra, enumName) => {
    const before = await counts(service);
    const result = await run(service, CREATE, { input: newPartnership(extra) }, editor);
    expect(result.data ?? null).toBeNull();
    expect(result.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(result.errors![0]!.message).toContain(enumName);
    expect(await counts(service)).toEqual(before);
  });

  it("reports every bad field of one input together", async () => {
    const result = await run(service, CREATE, { input: { ...withMunicipality({ ags: "123" }), signedOn: "2021-02-30", sources: [] } }, editor);
    const fields = (result.errors![0]!.extensions!.fields as { field: string; code: string }[]).map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(["input.newMunicipality.ags:INVALID_AGS", "input.signedOn:BAD_USER_INPUT", "input.sources:BAD_USER_INPUT"]);
    // Mixed codes: the error as a whole is BAD_USER_INPUT; the first field leads.
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.newMunicipality.ags" });
  });

  it("allows a future signing date for an ANNOUNCED partnership, and a day and month without a year", async () => {
    const announced = await run(service, CREATE, { input: existingMunicipality({ status: "ANNOUNCED", signedOn: "2999-01-15" }) }, editor);
    expect(announced.errors).toBeUndefined();
    expect(announced.data!.createSachsenAnhaltPartnership).toMatchObject({ status: "ANNOUNCED", signedOn: { iso: "2999-01-15", precision: "DAY" } });
    const dayMonth = await run(
      service,
      `mutation ($input: SachsenAnhaltPartnershipInput!) { createSachsenAnhaltPartnership(input: $input) { signedOn { iso precision month day } } }`,
      { input: existingMunicipality({ signedOn: null, signedMonth: 2, signedDay: 29, signedNote: "29 February, year not stated" }) },
      editor,
    );
    expect(dayMonth.errors).toBeUndefined();
    expect(dayMonth.data!.createSachsenAnhaltPartnership.signedOn).toEqual({ iso: null, precision: "DAY_MONTH", month: 2, day: 29 });
  });

  it("answers an unknown value of an enum of the shared input types (a person's basis) with a coded error naming the field", async () => {
    const before = await counts(service);
    const result = await run(service, CREATE, { input: newPartnership({ present: [{ name: "A. Gast", basis: "WAVED" }] }) }, editor);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.present[0].basis" });
    expect(await counts(service)).toEqual(before);
  });
});
