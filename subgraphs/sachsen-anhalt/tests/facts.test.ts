import { loadStateDataset, StateCode, type SubgraphService } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSachsenAnhaltSubgraph, type SachsenAnhaltContext } from "../src/index.js";
import { data } from "./helpers.js";

// The cited records themselves: expectations below are read from here or copied from them,
// never from the subgraph's own output.
const raw = loadStateDataset(StateCode.ST);

describe("Sachsen-Anhalt subgraph: facts from the cited data", () => {
  let service: SubgraphService<SachsenAnhaltContext>;
  beforeAll(async () => {
    service = await createSachsenAnhaltSubgraph({ databaseUrl: ":memory:" });
  });
  afterAll(async () => {
    await service.close();
  });

  it("answers the entry field with the namespace of the state", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { state name programme { id shortName kind } } }`);
    expect(sachsenAnhalt).toEqual({
      state: "ST",
      name: "Sachsen-Anhalt",
      programme: { id: "ST-PRG-SIPA", shortName: "ST-SiPa", kind: "FRAMEWORK_DECLARATION_WITH_LOCAL_PARTNERSHIPS" },
    });
  });

  it("dates the Fortschreibung of the joint declaration 2017-09-13 and the 2004 declaration as scheduled", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { jointDeclarations { id title datedOn { iso precision note } parties persons { name basis party } description supersedes { id } sources { url } } } }`,
    );
    const [original, update] = sachsenAnhalt.jointDeclarations;
    expect(sachsenAnhalt.jointDeclarations).toHaveLength(2);
    expect(update.title).toContain("Fortschreibung");
    expect(update.datedOn).toMatchObject({ iso: "2017-09-13", precision: "DAY" });
    expect(update.supersedes).toEqual({ id: original.id });
    expect(update.parties).toEqual(["Ministerium für Inneres und Sport Sachsen-Anhalt", "Landkreistag Sachsen-Anhalt", "Städte- und Gemeindebund Sachsen-Anhalt"]);
    expect(update.persons).toContainEqual({ name: "Holger Stahlknecht", basis: "ANNOUNCED_SIGNER", party: "CDU" });
    expect(update.persons).toContainEqual({ name: "Michael Ziche", basis: "QUOTED", party: null });
    expect(update.description).toBe(raw.programmes[0]!.framework_documents[1]!.description);
    expect(original.datedOn).toEqual(expect.objectContaining({ iso: "2004-04-26", precision: "DAY", note: "date of scheduled signing per press invitation of 2004-04-22" }));
    expect(original.persons.map((p: { basis: string }) => p.basis)).toEqual(["ANNOUNCED_SIGNER", "ANNOUNCED_SIGNER", "ANNOUNCED_SIGNER"]);
  });

  it("serves Halle's Zielvereinbarung of 2003-02-17 with its two signatories and its Polizeidirektion", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { partnership(id: "ST-P-01") {
          id state instrument instrumentLabel signedOn { iso precision year month day }
          signatories { name role organisation party basis } present { name }
          policePartner { name kind } partners municipality { id } registeredMunicipality { name ags district }
          fieldsOfAction notes { text } status agreementId agreementMembers { id } } } }`,
    );
    const halle = sachsenAnhalt.partnership;
    expect(halle.instrument).toBe("TARGET_AGREEMENT");
    expect(halle.instrumentLabel).toMatch(/^Zielvereinbarung 'Stadtwache Halle'/);
    expect(halle.signedOn).toEqual({ iso: "2003-02-17", precision: "DAY", year: 2003, month: 2, day: 17 });
    expect(halle.signatories.map((s: { name: string }) => s.name)).toEqual(["Ingrid Häußler", "Walter Schumann"]);
    expect(halle.signatories[0]).toEqual({ name: "Ingrid Häußler", role: "Oberbürgermeisterin", organisation: "Stadt Halle (Saale)", party: "SPD", basis: "SIGNED" });
    expect(halle.present).toEqual([]);
    expect(halle.policePartner).toEqual({ name: "Polizeidirektion (Halle)", kind: "POLIZEIDIREKTION" });
    expect(halle.municipality).toEqual({ id: "ST-M-15002000" });
    expect(halle.registeredMunicipality).toEqual({ name: "Halle (Saale)", ags: "15002000", district: null });
    // "joint patrols" is the only note of Halle's that names a shared field of action.
    expect(halle.fieldsOfAction).toEqual(["JOINT_PATROLS"]);
    expect(halle.status).toBe("ACTIVE");
    expect(halle.agreementMembers).toEqual([{ id: "ST-P-01" }]);
  });

  it("keeps Bad Dürrenberg's July 2021 at month precision, with the note and no invented day", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { partnership(id: "ST-P-04") { signedOn { iso precision year month day note } place } } }`);
    const note = raw.participations.find((p) => p.id === "ST-P-04")!.signed_date_note;
    expect(sachsenAnhalt.partnership.signedOn).toEqual({ iso: "2021-07", precision: "MONTH", year: 2021, month: 7, day: null, note });
    expect(sachsenAnhalt.partnership.place).toBe("Rathaus Bad Dürrenberg");
  });

  it("gives Tangermünde the AGS 15090550 and an unknown partnership date", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { partnership(id: "ST-P-06") { instrument signedOn { iso precision year note } signatories { name } policePartner { kind }
          registeredMunicipality { id ags district agsNote agsSources { url } } } } }`,
    );
    const tangermuende = sachsenAnhalt.partnership;
    expect(tangermuende.registeredMunicipality).toMatchObject({ id: "ST-M-TANGERMUENDE", ags: "15090550", district: "Landkreis Stendal" });
    expect(tangermuende.registeredMunicipality.agsSources.length).toBeGreaterThan(0);
    expect(tangermuende.signedOn).toEqual({ iso: null, precision: "UNKNOWN", year: null, note: "start date not found" });
    expect(tangermuende.instrument).toBe("PREVENTION_PARTNERSHIP");
    expect(tangermuende.signatories).toEqual([]);
    expect(tangermuende.policePartner).toEqual({ kind: "POLIZEIINSPEKTION" });
  });

  it("has the 6 local partnerships of the data, ordered by signing date with the unknown one last", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { partnerships(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id signedOn { iso } } } } } }`);
    expect(raw.participations).toHaveLength(6);
    expect(sachsenAnhalt.partnerships.totalCount).toBe(6);
    expect(sachsenAnhalt.partnerships.pageInfo.hasNextPage).toBe(false);
    expect(sachsenAnhalt.partnerships.edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-01", "ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05", "ST-P-06"]);
    expect(new Set(sachsenAnhalt.partnerships.edges.map((e: any) => e.node).map((p: { id: string }) => p.id))).toEqual(new Set(raw.participations.map((p) => p.id)));
  });

  it("serves every partnership's dataset fields as the data has them", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { partnerships(first: 100) { edges { node { id instrument instrumentLabel agreementId partners place notes { text sources { url } } format ordinal ordinalBasis ordinalBasisText
          effectiveOn { iso precision } signatories { name basis } present { name } fieldsOfAction group { name } municipality { id } sources { url publisher publishedOn } } } } } }`,
    );
    for (const item of sachsenAnhalt.partnerships.edges.map((e: any) => e.node)) {
      const record = raw.participations.find((p) => p.id === item.id)!;
      expect(item.instrument).toBe(record.instrument);
      expect(item.instrumentLabel).toBe(record.instrument_label);
      expect(item.agreementId).toBe(record.agreement_id);
      expect(item.partners).toEqual(record.parties);
      expect(item.place).toBe(record.place);
      expect(item.notes.map((n: { text: string }) => n.text)).toEqual(record.notes);
      // A note rests on the record's sources.
      for (const n of item.notes) expect(n.sources).toEqual(item.sources.map((s: { url: string }) => ({ url: s.url })));
      expect(item.format).toBe(record.format);
      expect(item.ordinal).toBe(record.ordinal);
      expect(item.ordinalBasisText).toBe(record.ordinal_basis);
      expect(item.group).toBe(null);
      expect(item.effectiveOn?.iso ?? null).toBe(record.effective_date);
      expect(item.municipality.id).toBe(record.municipality_id);
      expect(item.signatories.map((s: { name: string }) => s.name)).toEqual(record.signatories.map((s) => s.name));
      expect(item.present.map((s: { name: string }) => s.name)).toEqual(record.present.map((s) => s.name));
      expect(item.sources).toEqual(record.sources.map((s) => ({ url: s.url, publisher: s.publisher, publishedOn: s.published })));
    }
    const magdeburg = sachsenAnhalt.partnerships.edges.map((e: any) => e.node).find((p: { id: string }) => p.id === "ST-P-03");
    expect(magdeburg.effectiveOn).toEqual({ iso: "2020-04-01", precision: "DAY" });
  });

  it("serves the strategic lines in their own wording with the shared values they name", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { strategicLines { wording fieldsOfAction introducedBy { id datedOn { iso } } sources { url } } programme { fieldsOfAction } } }`);
    const lines = sachsenAnhalt.strategicLines;
    expect(lines.map((l: { wording: string }) => l.wording)).toEqual(raw.programmes[0]!.fields_of_action);
    expect(lines.map((l: { fieldsOfAction: string[] }) => l.fieldsOfAction)).toEqual([[], ["INFORMATION_EXCHANGE"], ["TRAFFIC_SAFETY"], ["PREVENTION_BODY"]]);
    expect(lines[2].introducedBy.datedOn.iso).toBe("2017-09-13");
    expect(lines[0].introducedBy).toBeNull();
    expect(sachsenAnhalt.programme.fieldsOfAction).toEqual(["INFORMATION_EXCHANGE", "PREVENTION_BODY", "TRAFFIC_SAFETY"]);
  });

  it("serves the programme with its start, ministry, funding note and notes", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { programme { name responsibleMinistry coordinatingBody startOn { iso precision note } startPeriod fundingStatements { amountEur } fundingNote notes offers participationCountRecorded } } }`,
    );
    const record = raw.programmes[0]!;
    expect(sachsenAnhalt.programme).toEqual({
      name: record.name,
      responsibleMinistry: "Ministerium für Inneres und Sport des Landes Sachsen-Anhalt (MI)",
      coordinatingBody: record.coordinating_body,
      startOn: { iso: "2004-04-26", precision: "DAY", note: record.start_note },
      startPeriod: null,
      fundingStatements: [],
      fundingNote: "no programme budget found in the sources searched",
      notes: record.notes,
      offers: [],
      participationCountRecorded: 6,
    });
  });

  it("serves the prevention bodies with their status, and actor types only where a note names them", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { preventionBodies(first: 200) { edges { node { id name kind status note actorTypes statusOn { iso precision } municipality { id } } } } } }`);
    const bodies = sachsenAnhalt.preventionBodies.edges.map((e: any) => e.node);
    const expected = raw.municipalities.flatMap((m) => m.prevention_bodies.map((b) => ({ name: b.name, status: b.status, municipality: m.id })));
    expect(bodies.map((b: { name: string; status: string; municipality: { id: string } }) => ({ name: b.name, status: b.status, municipality: b.municipality.id }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(bodies).toHaveLength(expected.length);
    const magdeburg = bodies.find((b: { name: string }) => b.name === "Kriminalpräventiver Beirat Magdeburg");
    expect(magdeburg).toMatchObject({ status: "EXISTING", actorTypes: ["POLICE", "MUNICIPAL_AUTHORITY"], statusOn: { iso: null, precision: "UNKNOWN" } });
    for (const body of bodies.filter((b: { name: string }) => b !== magdeburg)) expect(body.actorTypes).toEqual([]);
    const { sachsenAnhalt: planned } = await data(service, `{ sachsenAnhalt { preventionBodies(filter: { statuses: [PLANNED] }) { edges { node { name } } } } }`);
    expect(planned.preventionBodies.edges.map((e: any) => e.node)).toEqual([{ name: "Kriminalpräventiver Rat Bad Dürrenberg" }]);
  });

  it("serves the Landespräventionsrat constituted 1999-09-06 with its membership series", async () => {
    const { sachsenAnhalt } = await data(
      service,
      `{ sachsenAnhalt { landespraeventionsrat { id name constitutedOn { iso precision } cabinetDecisionOn { iso } chairedBy constitutionEvent { id title }
          memberCounts { value referenceOn { iso precision } note } sources { url } } } }`,
    );
    const lpr = sachsenAnhalt.landespraeventionsrat;
    expect(lpr).toMatchObject({ name: "Landespräventionsrat Sachsen-Anhalt", constitutedOn: { iso: "1999-09-06", precision: "DAY" }, cabinetDecisionOn: { iso: "1999-06-22" } });
    expect(lpr.constitutionEvent.title).toBe("Constitution of the Landespräventionsrat Sachsen-Anhalt");
    expect(lpr.memberCounts).toEqual([
      { value: 56, referenceOn: { iso: "2024-02-14", precision: "DAY" }, note: null },
      { value: 50, referenceOn: { iso: null, precision: "UNKNOWN" }, note: "undated page; 11 of them in the board" },
    ]);
  });

  it("serves the Regionalkonferenzen as announced for the second half of 2017, status as the data gives", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { regionalConferences { edges { node { id eventType occursOn { iso precision year month } datePeriod status place alsoOccursOn { iso precision note } } } } } }`);
    const record = raw.events.find((e) => e.event_type === "REGIONAL_CONFERENCE_SERIES")!;
    expect(sachsenAnhalt.regionalConferences.edges.map((e: any) => e.node)).toEqual([
      {
        id: record.id,
        eventType: "REGIONAL_CONFERENCE_SERIES",
        occursOn: { iso: "2017", precision: "HALF_YEAR", year: 2017, month: null },
        datePeriod: "2017-H2",
        status: record.status,
        place: null,
        alsoOccursOn: [{ iso: "2017", precision: "HALF_YEAR", note: "2017-H2 (announced)" }],
      },
    ]);
  });

  it("serves every event of the state with the data's type, status, format and related partnerships", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { events { edges { node { id eventType status format place title relatedIds relatedPartnerships { id } } } } } }`);
    expect(sachsenAnhalt.events.edges.map((e: any) => e.node)).toHaveLength(raw.events.length);
    for (const event of sachsenAnhalt.events.edges.map((e: any) => e.node)) {
      const record = raw.events.find((e) => e.id === event.id)!;
      expect(event).toMatchObject({ eventType: record.event_type, status: record.status, format: record.format, place: record.place, title: record.title });
      expect(event.relatedPartnerships.map((p: { id: string }) => p.id)).toEqual(record.related_records);
    }
    const { sachsenAnhalt: cancelled } = await data(service, `{ sachsenAnhalt { events(filter: { statuses: [CANCELLED] }) { edges { node { id format } } } signings: events(filter: { eventTypes: ["SIGNING"] }) { edges { node { occursOn { iso } } } } } }`);
    expect(cancelled.events.edges.map((e: any) => e.node)).toEqual([{ id: "ST-E-008", format: "HYBRID" }]);
    expect(cancelled.signings.edges.map((e: any) => e.node).map((e: { occursOn: { iso: string } }) => e.occursOn.iso)).toEqual(["2004-04-26", "2017-09-13"]);
  });

  it("serves the indicators as time series, qualifier EXACT where the data gives none", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { indicators { edges { node { figures { id indicator value unit qualifier referenceOn { iso } } } } } participants: indicators(filter: { indicators: ["event_participants"] }) { edges { node { figures { qualifier value } } } } } }`);
    expect(sachsenAnhalt.indicators.edges.flatMap((e: any) => e.node.figures).map((i: { id: string }) => i.id)).toEqual(["ST-I-003", "ST-I-004", "ST-I-001", "ST-I-002"]);
    expect(sachsenAnhalt.participants.edges.flatMap((e: any) => e.node.figures)).toEqual([
      { qualifier: "ABOUT", value: 100 },
      { qualifier: "MORE_THAN", value: 180 },
    ]);
    expect(sachsenAnhalt.indicators.edges.flatMap((e: any) => e.node.figures).find((i: { id: string }) => i.id === "ST-I-001").qualifier).toBe("EXACT");
  });

  it("filters and pages the partnerships", async () => {
    const q = `query ($filter: SachsenAnhaltPartnershipFilterInput, $first: Int!, $after: String) {
      sachsenAnhalt { partnerships(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const ids = async (filter: object | null, first = 100, after: string | null = null) => {
      const { sachsenAnhalt } = await data(service, q, { filter, first, after });
      return sachsenAnhalt.partnerships;
    };
    expect((await ids({ instruments: ["COOPERATION_AGREEMENT"] })).edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-02", "ST-P-03", "ST-P-04", "ST-P-05"]);
    expect((await ids({ signedFrom: "2020", signedTo: "2021" })).edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-03", "ST-P-04"]);
    expect((await ids({ signedTo: "2021-07" })).totalCount).toBe(4);
    expect((await ids({ fieldsOfAction: ["PREVENTION_BODY"] })).edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-04", "ST-P-05"]);
    expect((await ids({ municipalityIds: ["ST-M-TANGERMUENDE"] })).edges.map((e: any) => e.node).map((p: { id: string }) => p.id)).toEqual(["ST-P-06"]);
    expect((await ids({ instruments: [] })).totalCount).toBe(0);
    const first = await ids(null, 2);
    const second = await ids(null, 2, first.pageInfo.endCursor);
    expect(second).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true }, edges: [{ node: { id: "ST-P-03" } }, { node: { id: "ST-P-04" } }] });
    const third = await ids(null, 2, second.pageInfo.endCursor);
    expect((await ids(null, 2, third.pageInfo.endCursor)).edges).toEqual([]);
  });

  it("lists the state's municipality register with the prevention bodies and partnerships of each", async () => {
    const { sachsenAnhalt } = await data(service, `{ sachsenAnhalt { municipalities(first: 200) { edges { node { id name ags type gazetteer { id } partnerships { id } preventionBodies { name } sources { url } } } } } }`);
    expect(sachsenAnhalt.municipalities.edges.map((e: any) => e.node).map((m: { id: string }) => m.id).sort()).toEqual(raw.municipalities.map((m) => m.id).sort());
    const weissenfels = sachsenAnhalt.municipalities.edges.map((e: any) => e.node).find((m: { name: string }) => m.name === "Weißenfels");
    expect(weissenfels).toMatchObject({ ags: "15084550", gazetteer: { id: "ST-M-15084550" }, partnerships: [{ id: "ST-P-05" }], preventionBodies: [{ name: "Kriminalpräventiver Beirat Weißenfels" }] });
  });
});
