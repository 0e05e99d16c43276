import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStateDataset, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import { data, run } from "./helpers.js";

const raw = loadStateDataset(StateCode.SL);
const rawById = new Map(raw.participations.map((p) => [p.id, p]));

const PARTNERSHIP_FIELDS = /* GraphQL */ `
  id state programmeId instrument instrumentLabel agreementId status endedOn partners
  municipality { id } municipalityName
  registeredMunicipality { id name ags district }
  signedOn { iso precision year month day note }
  ordinal ordinalBasis ordinalBasisText format place
  notes { text sources { url } }
  group { name kind }
  fieldsOfAction
  signatories { name role organisation party basis }
  present { name role organisation party basis }
  measures { measure wording origin sources { url } }
  sources { url publisher publishedOn }
`;

describe("saarland subgraph: schema and facts", () => {
  let service: SubgraphService<SaarlandContext>;

  beforeAll(async () => {
    service = await createSaarlandSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service?.close();
  });

  it("serves the namespace entry field", async () => {
    const d = await data(service, `{ saarland { state name programme { id shortName kind } } }`);
    expect(d.saarland).toEqual({
      state: "SL",
      name: "Saarland",
      programme: { id: "SL-PRG-SIPA", shortName: "SL-SiPa", kind: "BILATERAL_STATE_MUNICIPAL_PARTNERSHIP" },
    });
  });

  it("has the 11 partnerships of the data", async () => {
    const d = await data(service, `{ saarland { partnerships(first: 200) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`);
    expect(d.saarland.partnerships.totalCount).toBe(11);
    expect(d.saarland.partnerships.pageInfo.hasNextPage).toBe(false);
    const empty = await data(service, `{ saarland { partnerships(first: 0) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`);
    expect(empty.saarland.partnerships).toEqual({ totalCount: 11, pageInfo: { hasNextPage: true, endCursor: null }, edges: [] });
    const beyond = await data(service, `query ($a: String) { saarland { partnerships(after: $a) { pageInfo { hasNextPage } edges { node { id } } } } }`, { a: d.saarland.partnerships.pageInfo.endCursor });
    expect(beyond.saarland.partnerships).toEqual({ pageInfo: { hasNextPage: false }, edges: [] });
    expect(d.saarland.partnerships.edges.map((e: { node: any }) => e.node).map((p: { id: string }) => p.id).sort()).toEqual(raw.participations.map((p) => p.id).sort());
  });

  it("knows Bexbach as the 10th and Losheim am See as the 11th partnership", async () => {
    const d = await data(
      service,
      `{ saarland {
          tenth: partnershipByOrdinal(n: 10) { id municipalityName ordinal ordinalBasis signedOn { iso precision } }
          eleventh: partnershipByOrdinal(n: 11) { id municipalityName ordinal ordinalBasis signedOn { iso precision } }
          twelfth: partnershipByOrdinal(n: 12) { id }
      } }`,
    );
    expect(d.saarland.tenth).toEqual({ id: "SL-P-10", municipalityName: "Bexbach", ordinal: 10, ordinalBasis: "STATED", signedOn: { iso: "2021-06-30", precision: "DAY" } });
    expect(d.saarland.eleventh).toEqual({
      id: "SL-P-11",
      municipalityName: "Losheim am See",
      ordinal: 11,
      ordinalBasis: "STATED",
      signedOn: { iso: "2022-09-16", precision: "DAY" },
    });
    // The data reports no 12th partnership.
    expect(d.saarland.twelfth).toBeNull();
  });

  it("keeps Neunkirchen's month (2017-01) without inventing a day, and St. Ingbert's date unknown", async () => {
    const d = await data(
      service,
      `{ saarland {
          first: partnershipByOrdinal(n: 1) { id municipalityName ordinalBasis ordinalBasisText signedOn { iso precision year month day note } }
          ingbert: partnership(id: "SL-P-08") { municipalityName ordinal signedOn { iso precision year month day note } }
      } }`,
    );
    expect(d.saarland.first.municipalityName).toBe("Neunkirchen (Saar)");
    expect(d.saarland.first.signedOn).toEqual({ iso: "2017-01", precision: "MONTH", year: 2017, month: 1, day: null, note: rawById.get("SL-P-01")!.signed_date_note });
    // Neunkirchen's number is implied by the Saarbrücken source, not stated.
    expect(d.saarland.first.ordinalBasis).toBe("IMPLIED");
    expect(d.saarland.first.ordinalBasisText).toBe(rawById.get("SL-P-01")!.ordinal_basis);
    expect(d.saarland.ingbert.municipalityName).toBe("St. Ingbert");
    expect(d.saarland.ingbert.ordinal).toBe(8);
    expect(d.saarland.ingbert.signedOn).toEqual({ iso: null, precision: "UNKNOWN", year: null, month: null, day: null, note: rawById.get("SL-P-08")!.signed_date_note });
  });

  it("serves every field each partnership record carries", async () => {
    const d = await data(service, `{ saarland { partnerships(first: 200) { edges { node { ${PARTNERSHIP_FIELDS} } } } } }`);
    for (const p of d.saarland.partnerships.edges.map((e: { node: any }) => e.node)) {
      const r = rawById.get(p.id)!;
      expect(p.state).toBe("SL");
      expect(p.programmeId).toBe(r.programme_id);
      expect(p.municipality).toEqual({ id: r.municipality_id });
      expect(p.municipalityName).toBe(r.municipality_name);
      expect(p.registeredMunicipality).toEqual({ id: r.municipality_id, name: r.municipality_name, ags: r.ags, district: r.landkreis });
      expect(p.instrument).toBe(r.instrument);
      expect(p.instrumentLabel).toBe(r.instrument_label);
      expect(p.agreementId).toBe(r.agreement_id);
      expect(p.group).toBe(null);
      expect(p.status).toBe("ACTIVE");
      expect(p.endedOn).toBeNull();
      expect(p.partners).toEqual(r.parties);
      expect(p.ordinal).toBe(r.ordinal);
      expect(p.ordinalBasisText).toBe(r.ordinal_basis);
      expect(p.format).toBe(r.format);
      expect(p.place).toBe(r.place);
      expect(p.notes.map((n: { text: string }) => n.text)).toEqual(r.notes);
      if (r.signed_date) expect(p.signedOn.iso).toBe(r.signed_date);
      expect(p.signedOn.note).toBe(r.signed_date_note);
      expect(p.signatories.map((s: { name: string }) => s.name)).toEqual(r.signatories.map((s) => s.name));
      expect(p.signatories.map((s: { party: string | null }) => s.party)).toEqual(r.signatories.map((s) => s.party));
      expect(p.signatories.map((s: { basis: string }) => s.basis)).toEqual(r.signatories.map((s) => s.basis.toUpperCase()));
      expect(p.present.map((s: { name: string }) => s.name)).toEqual(r.present.map((s) => s.name));
      expect(p.sources.map((s: { url: string }) => s.url)).toEqual(r.sources.map((s) => s.url));
    }
  });

  it("keeps people present apart from signatories (Losheim am See)", async () => {
    const d = await data(service, `{ saarland { partnership(id: "SL-P-11") { signatories { name basis } present { name role basis } } } }`);
    const r = rawById.get("SL-P-11")!;
    expect(d.saarland.partnership.present).toEqual(r.present.map((p) => ({ name: p.name, role: p.role, basis: "PRESENT" })));
    expect(d.saarland.partnership.signatories.map((s: { name: string }) => s.name)).not.toContain(r.present[0]!.name);
    expect(d.saarland.partnership.signatories.every((s: { basis: string }) => s.basis === "SIGNED")).toBe(true);
  });

  it("derives fields of action only from what a partnership's notes name", async () => {
    const d = await data(service, `{ saarland { saarbruecken: partnership(id: "SL-P-02") { fieldsOfAction } dillingen: partnership(id: "SL-P-05") { fieldsOfAction } } }`);
    // "video surveillance Johanneskirche and main station"
    expect(d.saarland.saarbruecken.fieldsOfAction).toEqual(["VIDEO_SURVEILLANCE"]);
    // Dillingen's notes ("presence concept", "police station") name none of the shared fields.
    expect(d.saarland.dillingen.fieldsOfAction).toEqual([]);
  });

  it("lists the agreed measures from the programme's wording, video surveillance only for Saarbrücken and Sulzbach", async () => {
    const d = await data(
      service,
      `{ saarland { programme { measures { measure wording origin municipalityIds } } partnerships(first: 200) { edges { node { id municipality { id } measures { measure sources { url } } } } } } }`,
    );
    const programme = raw.programmes[0]!;
    for (const m of d.saarland.programme.measures) {
      const list = m.origin === "FIELDS_OF_ACTION" ? programme.fields_of_action : programme.notes;
      expect(list, m.measure).toContain(m.wording);
    }
    const items = d.saarland.partnerships.edges.map((e: { node: any }) => e.node);
    const measuresOf = (id: string) => items.find((p: { id: string }) => p.id === id).measures.map((m: { measure: string }) => m.measure);
    expect(measuresOf("SL-P-10")).toEqual(
      expect.arrayContaining(["JOINT_FOCUS_OPERATIONS", "CRIME_HOT_SPOT_DETECTION", "CONTINUOUS_INFORMATION_EXCHANGE", "REVIEW_AFTER_START_UP"]),
    );
    expect(measuresOf("SL-P-10")).not.toContain("VIDEO_SURVEILLANCE");
    const withVideo = items.filter((p: { measures: { measure: string }[] }) => p.measures.some((m) => m.measure === "VIDEO_SURVEILLANCE"));
    expect(withVideo.map((p: { municipality: { id: string } }) => p.municipality.id).sort()).toEqual(["SL-M-10041100", "SL-M-10041518"]);
    // Measures are programme facts: they carry the programme-level sources.
    const programmeUrls = new Set([...programme.fields_of_action_sources, ...programme.sources].map((s) => s.url));
    for (const p of items) for (const m of p.measures) for (const s of m.sources) expect(programmeUrls.has(s.url)).toBe(true);
  });

  it("serves the round table of 4 November 2020 as the data words it", async () => {
    const d = await data(service, `{ saarland { events { totalCount edges { node { id title eventType format status occursOn { iso precision } participantsSummary sources { url } } } } } }`);
    const e = raw.events.find((x) => x.id === "SL-E-001")!;
    expect(d.saarland.events.totalCount).toBe(raw.events.length);
    expect(d.saarland.events.edges[0].node).toEqual({
      id: "SL-E-001",
      title: e.title,
      eventType: "ROUND_TABLE",
      format: "VIDEOCONFERENCE",
      status: "HELD",
      occursOn: { iso: "2020-11-04", precision: "DAY" },
      participantsSummary: e.participants_summary,
      sources: e.sources.map((s) => ({ url: s.url })),
    });
  });

  it("serves partnerships_total as a time series, oldest first", async () => {
    const d = await data(service, `{ saarland { indicators(filter: { indicators: ["partnerships_total"] }) { edges { node { indicator unit figures { value qualifier referenceOn { iso } } latest { value } } } } } }`);
    expect(d.saarland.indicators.edges).toHaveLength(1);
    const series = d.saarland.indicators.edges[0].node;
    const expected = raw.indicators.filter((i) => i.indicator === "partnerships_total").sort((a, b) => a.reference_date!.localeCompare(b.reference_date!));
    expect(series.figures.map((v: { value: number }) => v.value)).toEqual(expected.map((i) => i.value));
    expect(series.figures.map((v: { referenceOn: { iso: string } }) => v.referenceOn.iso)).toEqual(expected.map((i) => i.reference_date));
    // No qualifier in the data means an exact figure.
    expect(series.figures.every((v: { qualifier: string }) => v.qualifier === "EXACT")).toBe(true);
    expect(series.latest.value).toBe(11);
  });

  it("serves the prevention bodies and the municipality register", async () => {
    const c = await data(service, `{ saarland { preventionBodies { edges { node { id municipalityId name status statusOn { iso } } } } municipalities(first: 200) { edges { node { id name ags district type } } } } }`);
    const d = { saarland: { preventionBodies: c.saarland.preventionBodies.edges.map((e: { node: any }) => e.node), municipalities: c.saarland.municipalities.edges.map((e: { node: any }) => e.node) } };
    const bodies = raw.municipalities.flatMap((m) => m.prevention_bodies.map((b) => ({ municipalityId: m.id, name: b.name, status: b.status })));
    expect(d.saarland.preventionBodies.map((b: { municipalityId: string; name: string; status: string }) => ({ municipalityId: b.municipalityId, name: b.name, status: b.status })).sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual(
      bodies.sort((a, b) => a.name.localeCompare(b.name)),
    );
    expect(d.saarland.preventionBodies.map((b: { id: string }) => b.id)).toContain("SL-PB-10043114-1");
    expect(d.saarland.municipalities).toHaveLength(raw.municipalities.length);
    for (const m of d.saarland.municipalities) {
      const r = raw.municipalities.find((x) => x.id === m.id)!;
      expect(m).toEqual({ id: r.id, name: r.name, ags: r.ags, district: r.landkreis, type: r.type });
      if (m.ags !== null) expect(m.ags).toMatch(/^10\d{6}$/);
    }
  });

  it("filters by signing year, district, field of action and measure", async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const d = await data(service, `query ($f: SaarlandPartnershipFilterInput) { saarland { partnerships(filter: $f, first: 200) { totalCount edges { node { id } } } } }`, { f: filter });
      expect(d.saarland.partnerships.totalCount).toBe(d.saarland.partnerships.edges.length);
      return d.saarland.partnerships.edges.map((e: { node: any }) => e.node).map((p: { id: string }) => p.id).sort();
    };
    const in2019 = raw.participations.filter((p) => p.signed_date?.startsWith("2019")).map((p) => p.id).sort();
    expect(in2019.length).toBeGreaterThan(0);
    expect(await ids({ signedFrom: "2019", signedTo: "2019" })).toEqual(in2019);
    // A month-precise date lies within its year; an unknown date never matches a bound.
    expect(await ids({ signedTo: "2017" })).toEqual(["SL-P-01", "SL-P-02"]);
    expect(await ids({ signedFrom: "2000" })).not.toContain("SL-P-08");
    expect(await ids({ district: "Saarpfalz-Kreis" })).toEqual(raw.participations.filter((p) => p.landkreis === "Saarpfalz-Kreis").map((p) => p.id).sort());
    expect(await ids({ fieldsOfAction: ["VIDEO_SURVEILLANCE"] })).toEqual(["SL-P-02", "SL-P-03"]);
    expect(await ids({ measures: ["VIDEO_SURVEILLANCE"] })).toEqual(["SL-P-02", "SL-P-03"]);
    expect(await ids({ ordinalBasis: "IMPLIED" })).toEqual(["SL-P-01"]);
    expect(await ids({ ids: [] })).toEqual([]);
  });

  it("pages in a total order without gaps or repeats", async () => {
    for (const orderBy of ["ORDINAL", "SIGNED_ON", "MUNICIPALITY_NAME"]) {
      for (const descending of [false, true]) {
        const seen: { id: string; ordinal: number | null; signedOn: { iso: string | null } }[] = [];
        let after: string | null = null;
        for (let page = 0; page < 5; page++) {
          const d = await data(
            service,
            `query ($o: SaarlandPartnershipOrder!, $d: SortDirection!, $a: String) { saarland { partnerships(orderBy: $o, direction: $d, first: 4, after: $a) { totalCount pageInfo { hasNextPage endCursor } edges { node { id ordinal signedOn { iso } } } } } }`,
            { o: orderBy, d: descending ? "DESC" : "ASC", a: after },
          );
          seen.push(...d.saarland.partnerships.edges.map((e: { node: any }) => e.node));
          if (!d.saarland.partnerships.pageInfo.hasNextPage) break;
          after = d.saarland.partnerships.pageInfo.endCursor;
        }
        expect(seen.map((p) => p.id).sort(), `${orderBy} ${descending}`).toEqual(raw.participations.map((p) => p.id).sort());
        if (orderBy === "SIGNED_ON") {
          // Unknown dates sort last in both directions.
          expect(seen[seen.length - 1]!.signedOn.iso).toBeNull();
          const dated = seen.filter((p) => p.signedOn.iso !== null).map((p) => p.signedOn.iso!);
          expect(dated).toEqual([...dated].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b))));
        }
        if (orderBy === "ORDINAL" && !descending) {
          expect(seen.slice(0, 6).map((p) => p.ordinal)).toEqual([1, 2, 7, 8, 10, 11]);
        }
      }
    }
  });

  it("returns null for lookups that find nothing", async () => {
    const d = await data(
      service,
      `{ saarland { partnership(id: "SL-P-99") { id } other: partnership(id: "SN-P-001") { id } partnershipByOrdinal(n: 99) { id } municipality(id: "SL-M-00000000") { id } byAgs: municipality(ags: "10045111") { id } } }`,
    );
    expect(d.saarland).toEqual({ partnership: null, other: null, partnershipByOrdinal: null, municipality: null, byAgs: { id: "SL-M-10045111" } });
  });

  it("rejects bad arguments with a GraphQL error and a code", async () => {
    const cases: Array<[string, string, string | null]> = [
      [`{ saarland { partnerships(first: -1) { totalCount } } }`, "BAD_USER_INPUT", "first"],
      [`{ saarland { partnerships(first: 100000) { totalCount } } }`, "BAD_USER_INPUT", "first"],
      [`{ saarland { partnerships(after: "nope") { totalCount } } }`, "BAD_USER_INPUT", "after"],
      [`{ saarland { events(first: 201) { totalCount } } }`, "BAD_USER_INPUT", "first"],
      [`{ saarland { partnerships(filter: { signedFrom: "2019-13" }) { totalCount } } }`, "BAD_USER_INPUT", "filter.signedFrom"],
      [`{ saarland { partnerships(filter: { signedTo: "19" }) { totalCount } } }`, "BAD_USER_INPUT", "filter.signedTo"],
      [`{ saarland { partnershipByOrdinal(n: 0) { id } } }`, "BAD_USER_INPUT", "n"],
      [`{ saarland { municipality(ags: "1004511") { id } } }`, "INVALID_AGS", "ags"],
      [`{ saarland { municipality { id } } }`, "BAD_USER_INPUT", "id"],
      [`{ saarland { partnerships(orderBy: NOPE) { totalCount } } }`, "BAD_USER_INPUT", null],
    ];
    for (const [query, code, field] of cases) {
      const result = await run(service, query);
      expect(result.errors?.[0]?.extensions?.code, query).toBe(code);
      if (field) expect(result.errors?.[0]?.extensions?.field, query).toBe(field);
    }
  });
});
