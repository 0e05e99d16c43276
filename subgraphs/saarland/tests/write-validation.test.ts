import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SubgraphService } from "@laenderhub/shared";
import type { SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data } from "./helpers.js";
import { CREATE, createWritableSaarland, dataAs, editor, newPartnership, runAs, SOURCE, tableCounts } from "./write-helpers.js";

const NEW_MUNICIPALITY = { ags: "10046111", name: "Testgemeinde", sources: [{ url: "https://example.org/ags" }] };

describe("saarland write path: validation", () => {
  let service: SubgraphService<SaarlandContext>;
  let token: string;

  beforeAll(async () => {
    service = await createWritableSaarland();
    token = await editor();
  });
  afterAll(async () => {
    await service?.close();
  });

  /** Runs a write that must fail and checks that it wrote nothing; returns the error. */
  async function refused(query: string, variables: Record<string, unknown>) {
    const before = await tableCounts(service);
    const result = await runAs(service, token, query, variables);
    expect(result.errors, JSON.stringify(variables)).toHaveLength(1);
    expect(await tableCounts(service)).toEqual(before);
    return result.errors![0]!;
  }

  const createCases: Array<[string, Record<string, unknown>, string, string]> = [
    ["a malformed AGS", { municipalityId: null, newMunicipality: { ...NEW_MUNICIPALITY, ags: "1004699" } }, "INVALID_AGS", "input.newMunicipality.ags"],
    ["an AGS with letters", { municipalityId: null, newMunicipality: { ...NEW_MUNICIPALITY, ags: "1004699x" } }, "INVALID_AGS", "input.newMunicipality.ags"],
    ["an AGS of Sachsen (prefix 14)", { municipalityId: null, newMunicipality: { ...NEW_MUNICIPALITY, ags: "14612000" } }, "BAD_USER_INPUT", "input.newMunicipality.ags"],
    ["an AGS registered already", { municipalityId: null, newMunicipality: { ...NEW_MUNICIPALITY, ags: "10045111" } }, "CONFLICT", "input.newMunicipality.ags"],
    ["a municipality without a source for its AGS", { municipalityId: null, newMunicipality: { ...NEW_MUNICIPALITY, sources: [] } }, "BAD_USER_INPUT", "input.newMunicipality.sources"],
    ["both a register id and a new municipality", { newMunicipality: NEW_MUNICIPALITY }, "BAD_USER_INPUT", "input.municipalityId"],
    ["a signing date in the future", { signedOn: "2999-01-01" }, "BAD_USER_INPUT", "input.signedOn"],
    ["a day that does not exist (2021-02-30)", { signedOn: "2021-02-30" }, "BAD_USER_INPUT", "input.signedOn"],
    ["a date that is no ISO prefix", { signedOn: "13.05.2024" }, "BAD_USER_INPUT", "input.signedOn"],
    ["an unknown municipality", { municipalityId: "SL-M-99999999" }, "BAD_USER_INPUT", "input.municipalityId"],
    ["a municipality of another state", { municipalityId: "SN-M-SCHNEEBERG" }, "BAD_USER_INPUT", "input.municipalityId"],
    ["no source", { sources: [] }, "BAD_USER_INPUT", "input.sources"],
    ["a source that is no URL", { sources: [{ url: "saarland.de" }] }, "BAD_USER_INPUT", "input.sources[0].url"],
    ["an id of another state", { id: "SN-P-001" }, "BAD_USER_INPUT", "input.id"],
    ["an id that exists", { id: "SL-P-10" }, "CONFLICT", "input.id"],
    ["a running number that is taken (Bexbach's 10)", { ordinal: 10, ordinalBasis: "STATED" }, "CONFLICT", "input.ordinal"],
    ["a running number without its basis", { ordinal: 12 }, "BAD_USER_INPUT", "input.ordinalBasis"],
    ["a person present listed as signing", { present: [{ name: "X", basis: "SIGNED" }] }, "BAD_USER_INPUT", "input.present[0].basis"],
    ["a new partnership that is ENDED", { status: "ENDED" }, "BAD_USER_INPUT", "input.status"],
    ["day and month without a year next to a full date", { signedMonth: 2, signedDay: 30 }, "BAD_USER_INPUT", "input.signedMonth"],
  ];

  for (const [what, change, code, field] of createCases) {
    it(`refuses a create with ${what}: ${code} on ${field}, nothing written`, async () => {
      const error = await refused(CREATE, { input: newPartnership(change) });
      expect(error.extensions).toMatchObject({ code, field });
      expect(error.message).toContain(field);
    });
  }

  it("refuses an unknown enum value, naming the field", async () => {
    const error = await refused(CREATE, { input: newPartnership({ instrument: "TREATY" }) });
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toMatch(/input\.instrument/);
    expect(error.message).toMatch(/TREATY/);
  });

  it("reports every bad field of one input together", async () => {
    const error = await refused(CREATE, { input: newPartnership({ signedOn: "2021-02-30", sources: [], municipalityId: "SL-M-99999999" }) });
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    const fields = (error.extensions?.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(["input.municipalityId", "input.signedOn", "input.sources"]);
  });

  it("refuses to end a partnership before its signing date, in the future, or without a full day", async () => {
    const END = `mutation ($id: ID!, $endedOn: String!) { endSaarlandPartnership(id: $id, endedOn: $endedOn) { id } }`;
    for (const endedOn of ["2021-06-29", "2999-01-01", "2024-05", "2023-02-29"]) {
      const error = await refused(END, { id: "SL-P-10", endedOn });
      expect(error.extensions, endedOn).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" });
    }
    // The signing day itself is fine; an unknown signing date leaves only the other checks.
    await dataAs(service, token, END, { id: "SL-P-08", endedOn: "2020-01-01" });
    const d = await data(service, `{ saarland { partnership(id: "SL-P-08") { status endedOn signedOn { iso precision } } } }`);
    expect(d.saarland.partnership).toEqual({ status: "ENDED", endedOn: "2020-01-01", signedOn: { iso: null, precision: "UNKNOWN" } });
  });

  it("refuses updates that clear a required field, end a partnership, or touch a record that is not Saarland's", async () => {
    const UPDATE = `mutation ($id: ID!, $input: SaarlandPartnershipUpdateInput!) { updateSaarlandPartnership(id: $id, input: $input) { id } }`;
    expect((await refused(UPDATE, { id: "SL-P-10", input: { municipalityId: null } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.municipalityId" });
    expect((await refused(UPDATE, { id: "SL-P-10", input: { sources: [] } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.sources" });
    expect((await refused(UPDATE, { id: "SL-P-10", input: { status: "ENDED" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.status" });
    expect((await refused(UPDATE, { id: "SL-P-10", input: { signedOn: "2021-06-31" } })).extensions).toMatchObject({ field: "input.signedOn" });
    expect((await refused(UPDATE, { id: "SL-P-10", input: { ordinal: 11 } })).extensions).toMatchObject({ code: "CONFLICT", field: "input.ordinal" });
    expect((await refused(UPDATE, { id: "SL-P-99", input: { place: "x" } })).extensions).toMatchObject({ code: "NOT_FOUND" });
    expect((await refused(UPDATE, { id: "SN-P-001", input: { place: "x" } })).extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "id" });
  });

  it("checks events: a held event not in the future, a type code, existing partnerships, a source", async () => {
    const RECORD = `mutation ($input: SaarlandEventInput!) { recordSaarlandEvent(input: $input) { id } }`;
    const base = { title: "Test", eventType: "CONFERENCE", occursOn: "2024-01-10", sources: [SOURCE] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ occursOn: "2999-05" }, "input.occursOn"],
      [{ occursOn: "2024-13" }, "input.occursOn"],
      [{ eventType: "conference" }, "input.eventType"],
      [{ relatedIds: ["SL-P-99"] }, "input.relatedIds[0]"],
      [{ relatedIds: ["SN-P-001"] }, "input.relatedIds[0]"],
      [{ title: " " }, "input.title"],
      [{ sources: [] }, "input.sources"],
      [{ id: "SL-E-001" }, "input.id"],
    ];
    for (const [change, field] of cases) {
      const error = await refused(RECORD, { input: { ...base, ...change } });
      expect(error.extensions?.field, JSON.stringify(change)).toBe(field);
    }
    // An announced event may lie ahead.
    const announced = await dataAs(service, token, RECORD, { input: { ...base, occursOn: "2999-05", status: "ANNOUNCED" } });
    expect(announced.recordSaarlandEvent.id).toMatch(/^SL-E-\d{3}$/);
  });

  it("checks figures: a code, a finite value of 0 or more, a reference date not in the future, a source", async () => {
    const PUBLISH = `mutation ($input: SaarlandIndicatorInput!) { publishSaarlandIndicator(input: $input) { id } }`;
    const base = { indicator: "partnerships_total", label: "partnerships", value: 12, unit: "partnerships", referenceOn: "2024", sources: [SOURCE] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ indicator: "Partnerships Total" }, "input.indicator"],
      [{ value: -1 }, "input.value"],
      [{ referenceOn: "2999" }, "input.referenceOn"],
      [{ unit: "" }, "input.unit"],
      [{ sources: [] }, "input.sources"],
      [{ id: "SL-X-1" }, "input.id"],
    ];
    for (const [change, field] of cases) {
      const error = await refused(PUBLISH, { input: { ...base, ...change } });
      expect(error.extensions?.field, JSON.stringify(change)).toBe(field);
    }
  });
});
