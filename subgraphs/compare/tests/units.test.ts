import { describe, expect, it } from "vitest";
import { StateCode } from "@laenderhub/shared";
import { decodeCursor, encodeCursor } from "../src/comparative/cursor.js";
import { mergeSorted } from "../src/comparative/merge.js";
import { normalisePersonName } from "../src/comparative/people.js";
import { findDistrict } from "../src/gazetteer/districts.js";

describe("k-way merge", () => {
  const rows = (...keys: [string, string][]) => keys.map(([sortKey, id]) => ({ sortKey, id }));

  it("merges sorted lists by (sortKey, id) and stops at the limit", () => {
    const a = rows(["2017-01", "SL-P-01"], ["2021-06-30", "SL-P-10"], ["~", "SL-P-08"]);
    const b = rows(["2019-02-06", "SN-P-M01"], ["2021-06-30", "SN-P-005"], ["~", "SN-P-026"]);
    const c = rows(["2003-02-17", "ST-P-01"]);
    expect(mergeSorted([a, b, c], "ASC", 10).map((r) => r.id)).toEqual(["ST-P-01", "SL-P-01", "SN-P-M01", "SL-P-10", "SN-P-005", "SL-P-08", "SN-P-026"]);
    expect(mergeSorted([a, b, c], "ASC", 3).map((r) => r.id)).toEqual(["ST-P-01", "SL-P-01", "SN-P-M01"]);
    // Descending, unknown dates carry the lowest key ("") and so still come last.
    const da = rows(["2021-06-30", "SL-P-10"], ["2017-01", "SL-P-01"], ["", "SL-P-08"]);
    const db = rows(["2021-06-30", "SN-P-005"], ["2019-02-06", "SN-P-M01"], ["", "SN-P-026"]);
    expect(mergeSorted([da, db, c], "DESC", 10).map((r) => r.id)).toEqual(["SN-P-005", "SL-P-10", "SN-P-M01", "SL-P-01", "ST-P-01", "SN-P-026", "SL-P-08"]);
    expect(mergeSorted([[], []], "ASC", 5)).toEqual([]);
  });
});

describe("cursor", () => {
  it("round-trips and refuses a cursor of another order or a forged one", () => {
    const cursor = encodeCursor({ order: "SIGNED_ON", direction: "ASC", sortKey: "2021-06-30", id: "SL-P-10" });
    expect(decodeCursor(cursor, { order: "SIGNED_ON", direction: "ASC" })).toEqual({ order: "SIGNED_ON", direction: "ASC", sortKey: "2021-06-30", id: "SL-P-10" });
    expect(() => decodeCursor(cursor, { order: "STATE", direction: "ASC" })).toThrow(/belongs to order SIGNED_ON ASC/);
    expect(() => decodeCursor("eyJ4IjoxfQ", { order: "SIGNED_ON", direction: "ASC" })).toThrow(/malformed/);
    expect(() => decodeCursor("%%%", { order: "SIGNED_ON", direction: "ASC" })).toThrow(/malformed/);
  });
});

describe("person names", () => {
  it("drops titles, folds umlauts and collapses spaces, and keeps different people apart", () => {
    expect(normalisePersonName("Prof. Dr. Roland Wöller")).toBe("roland woeller");
    expect(normalisePersonName("  Roland   Wöller ")).toBe("roland woeller");
    expect(normalisePersonName("Dr. Stephan Meyer")).not.toBe(normalisePersonName("Prof. Dr. Ulli Meyer"));
    expect(normalisePersonName("Philipp Eichler")).toBe("philipp eichler");
  });
});

describe("district of a municipality", () => {
  it("uses the AGS; only without one the exact district name; never a near match", () => {
    expect(findDistrict({ ags: "14626110", state: StateCode.SN, districtName: "Erzgebirgskreis" })).toEqual({ key: "14626", basis: "AGS" });
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Landkreis Görlitz" })).toEqual({ key: "14626", basis: "NAME" });
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Görlitz" })).toEqual({ key: "14626", basis: "NAME" });
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Landkreis Goerlitz" })).toBeNull();
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Erzgebirge" })).toBeNull();
    // "Leipzig" names both the kreisfreie Stadt and the Landkreis: ambiguous, so no district.
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Leipzig" })).toBeNull();
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: "Landkreis Leipzig" })).toEqual({ key: "14729", basis: "NAME" });
    // The name is matched within the municipality's own state only.
    expect(findDistrict({ ags: null, state: StateCode.SL, districtName: "Landkreis Görlitz" })).toBeNull();
    expect(findDistrict({ ags: null, state: StateCode.SN, districtName: null })).toBeNull();
    expect(findDistrict({ ags: "14999000", state: StateCode.SN, districtName: "Landkreis Görlitz" })).toBeNull();
  });
});
