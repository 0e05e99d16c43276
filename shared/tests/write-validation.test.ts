import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  attachSources,
  changedFields,
  createDataSource,
  ErrorCode,
  FieldErrors,
  fieldErrorsFromZod,
  sameSnapshot,
  StateCode,
  translateDatabaseError,
  validateAgs,
  validateDateOrder,
  validateEnum,
  validateIsoDate,
  validateReferences,
  validateSources,
  validateText,
  validationError,
  WRITE_ENTITIES,
  WRITE_MIGRATIONS,
  AuditEntry,
  ParticipationStatus,
  loadRegister,
  registerEntry,
  splitRegisterName,
} from "../src/index.js";

const NOW = new Date("2025-06-15T12:00:00Z");

describe("validateAgs", () => {
  it("accepts 8 digits within the state, and null (unknown, never guessed)", () => {
    expect(validateAgs("10042113", StateCode.SL)).toBeNull();
    expect(validateAgs("14522180", StateCode.SN)).toBeNull();
    expect(validateAgs("15090535", StateCode.ST)).toBeNull();
    expect(validateAgs(null, StateCode.SL)).toBeNull();
  });

  it("reports a malformed AGS as INVALID_AGS", () => {
    for (const ags of ["1004211", "100421130", "1004211a", " 10042113", ""]) {
      expect(validateAgs(ags, StateCode.SL, "input.ags")).toMatchObject({ field: "input.ags", code: ErrorCode.INVALID_AGS });
    }
  });

  it("reports an AGS of another state as BAD_USER_INPUT", () => {
    expect(validateAgs("14522180", StateCode.SL)).toMatchObject({ field: "ags", code: ErrorCode.BAD_USER_INPUT, message: expect.stringMatching(/start with 10/) });
    expect(validateAgs("10042113", StateCode.ST)?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it("reports a well-formed key that is not in the municipal register as INVALID_AGS naming it", () => {
    // 10046999 has the shape of a Saarland key, but no municipality has it (GV100AD, 30.11.2025).
    expect(validateAgs("10046999", StateCode.SL, "input.ags")).toMatchObject({
      field: "input.ags",
      code: ErrorCode.INVALID_AGS,
      message: expect.stringMatching(/AGS 10046999 is not a municipality of the register/),
    });
    expect(validateAgs("14612000", StateCode.SN)).toBeNull();
  });
});

describe("the municipal register", () => {
  it("holds the 688 municipalities of SL, SN and ST with population and area, and the two keys the dataset lacks", () => {
    const register = loadRegister();
    expect(register.size).toBe(688);
    const perState = Object.fromEntries(Object.values(StateCode).map((s) => [s, [...register.values()].filter((m) => m.state === s).length]));
    expect(perState).toEqual({ SL: 52, SN: 418, ST: 218 });
    expect(registerEntry("14612000")).toMatchObject({ officialName: "Dresden, Stadt", districtKey: "14612", population: 564904, areaKm2: 328.48 });
    expect(registerEntry("14521530")?.officialName).toBe("Schneeberg, Stadt");
    expect(registerEntry("14626250")?.officialName).toMatch(/^Krauschwitz i\.d\. O\.L\./);
    expect(splitRegisterName("Weißwasser/O.L., Stadt / Běła Woda")).toEqual({ name: "Weißwasser/O.L.", type: "Stadt" });
    expect(splitRegisterName("Großrosseln")).toEqual({ name: "Großrosseln", type: "Gemeinde" });
  });
});

describe("validateIsoDate", () => {
  it("accepts the precisions the sources give", () => {
    for (const d of ["2019", "2019-04", "2019-04-01", "2024-02-29"]) expect(validateIsoDate(d, "d", { notInFuture: true, now: NOW })).toBeNull();
    expect(validateIsoDate(null, "d")).toBeNull();
  });

  it("rejects dates that do not exist or are not ISO", () => {
    for (const d of ["2023-02-29", "2019-13", "2019-04-31", "01.04.2019", "2019-4-1", "19", "2019-04-01T10:00"]) {
      expect(validateIsoDate(d, "signedOn")).toMatchObject({ field: "signedOn", code: ErrorCode.BAD_USER_INPUT });
    }
  });

  it("rejects future dates on the precision given, where asked", () => {
    expect(validateIsoDate("2025", "d", { notInFuture: true, now: NOW })).toBeNull();
    expect(validateIsoDate("2025-06", "d", { notInFuture: true, now: NOW })).toBeNull();
    expect(validateIsoDate("2025-06-15", "d", { notInFuture: true, now: NOW })).toBeNull();
    expect(validateIsoDate("2025-06-16", "d", { notInFuture: true, now: NOW })?.message).toMatch(/future/);
    expect(validateIsoDate("2025-07", "d", { notInFuture: true, now: NOW })).not.toBeNull();
    expect(validateIsoDate("2026", "d", { notInFuture: true, now: NOW })).not.toBeNull();
    // An announced event may lie ahead.
    expect(validateIsoDate("2026-01-01", "d", { now: NOW })).toBeNull();
  });

  it("can require a value and a full day", () => {
    expect(validateIsoDate(undefined, "endedOn", { required: true })?.message).toMatch(/required/);
    expect(validateIsoDate("2024-01", "endedOn", { dayOnly: true })?.message).toMatch(/full day/);
  });

  it("orders dates on their common precision", () => {
    expect(validateDateOrder("2019-04-01", "2019-04", "endedOn")).toBeNull();
    expect(validateDateOrder("2019-04-01", "2019-03-31", "endedOn")?.field).toBe("endedOn");
    expect(validateDateOrder(null, "2019", "endedOn")).toBeNull();
  });
});

describe("validateSources and attachSources", () => {
  it("requires one source with an http(s) URL and a real, past publication date", () => {
    expect(validateSources([{ url: "https://www.saarland.de/x", publishedOn: "2022-09" }], "sources", { now: NOW })).toEqual([]);
    expect(validateSources([], "input.sources")).toEqual([{ field: "input.sources", code: ErrorCode.BAD_USER_INPUT, message: "at least one source is required" }]);
    expect(validateSources(null, "input.sources")).toHaveLength(1);
    const errors = validateSources([{ url: "javascript:alert(1)" }, { url: "https://ok.example/a", publishedOn: "2022-02-30" }, { url: "http://ok.example/b", publishedOn: "2030" }], "s", { now: NOW });
    expect(errors.map((e) => e.field)).toEqual(["s[0].url", "s[1].publishedOn", "s[2].publishedOn"]);
  });

  it("attaches new URLs once and keeps what is already cited", () => {
    const existing = [{ url: "https://a.example/1", publisher: "A", title: null, publishedOn: "2020" }];
    const { sources, added } = attachSources(existing, [{ url: " https://a.example/1 ", publisher: "changed" }, { url: "https://b.example/2", publisher: " " }, { url: "https://b.example/2" }]);
    expect(sources).toEqual([existing[0], { url: "https://b.example/2", publisher: null, title: null, publishedOn: null }]);
    expect(added).toHaveLength(1);
  });
});

describe("other checks", () => {
  it("checks enums and texts", () => {
    expect(validateEnum("ENDED", ParticipationStatus, "status")).toBeNull();
    expect(validateEnum("PAUSED", ParticipationStatus, "status")?.message).toMatch(/not one of ANNOUNCED/);
    expect(validateEnum(null, ParticipationStatus, "status", { required: false })).toBeNull();
    expect(validateText("  ", "name")?.field).toBe("name");
    expect(validateText("x".repeat(5), "name", { maxLength: 4 })?.message).toMatch(/at most 4/);
  });

  it("checks references in one query and names each missing one", async () => {
    const ds = await createDataSource({ url: ":memory:", entities: WRITE_ENTITIES, migrations: WRITE_MIGRATIONS });
    try {
      await ds.getRepository(AuditEntry).save({ recordType: "T", recordId: "SL-T-1", state: "SL", action: "CREATE" as never, actorSubject: "s", actorState: null, actorRole: null, at: NOW.toISOString(), source: "seed" as never, changedFields: [], before: null, after: {}, note: null });
      const errors = await validateReferences(ds.manager, AuditEntry, ["SL-T-1", "SL-T-9", null, "SL-T-8"], (i) => `input.related[${i}]`, { column: "recordId", what: "participation" });
      expect(errors).toEqual([
        { field: "input.related[1]", code: ErrorCode.BAD_USER_INPUT, message: "participation SL-T-9 does not exist" },
        { field: "input.related[3]", code: ErrorCode.BAD_USER_INPUT, message: "participation SL-T-8 does not exist" },
      ]);
    } finally {
      await ds.destroy();
    }
  });

  it("turns zod issues into field errors, keeping a code given in params", () => {
    const schema = z.object({
      ags: z.string().refine((v) => /^\d{8}$/.test(v), { message: "8 digits", params: { code: "INVALID_AGS" } }),
      sources: z.array(z.object({ url: z.string() })),
    });
    const result = schema.safeParse({ ags: "1", sources: [{ url: 3 }] });
    expect(result.success).toBe(false);
    expect(fieldErrorsFromZod(result.error!, "input")).toEqual([
      { field: "input.ags", code: ErrorCode.INVALID_AGS, message: "8 digits" },
      { field: "input.sources[0].url", code: ErrorCode.BAD_USER_INPUT, message: expect.any(String) },
    ]);
  });
});

describe("validation errors", () => {
  it("collects every field error into one GraphQL error", () => {
    const errors = new FieldErrors().add(validateAgs("1", StateCode.SL, "input.ags"), null, validateSources([], "input.sources"));
    expect(errors.hasErrors).toBe(true);
    let thrown: any;
    try {
      errors.throwIfAny();
    } catch (err) {
      thrown = err;
    }
    expect(thrown.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "input.ags", fields: [{ field: "input.ags", code: ErrorCode.INVALID_AGS }, { field: "input.sources" }] });
    expect(thrown.message).toBe('Invalid input: input.ags: AGS "1" must be exactly 8 digits; input.sources: at least one source is required');
    expect(() => new FieldErrors().add(null).throwIfAny()).not.toThrow();
  });

  it("keeps the specific code when every error shares it", () => {
    expect(validationError([{ field: "a", code: ErrorCode.INVALID_AGS, message: "x" }]).extensions.code).toBe(ErrorCode.INVALID_AGS);
  });

  it("leaves errors that are not constraint violations alone", () => {
    const err = new Error("x");
    expect(translateDatabaseError(err)).toBe(err);
  });
});

describe("snapshots", () => {
  it("compares records regardless of key order and undefined properties", () => {
    expect(sameSnapshot({ a: 1, b: [{ x: 1, y: 2 }] }, { b: [{ y: 2, x: 1 }], a: 1, c: undefined })).toBe(true);
    expect(sameSnapshot({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(changedFields({ a: 1, b: { c: 1 }, d: null }, { a: 1, b: { c: 2 }, e: 3 })).toEqual(["b", "e"]);
  });
});
