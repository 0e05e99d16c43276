import type { SubgraphService } from "@laenderhub/shared";
import type { SachsenContext } from "@laenderhub/subgraph-sachsen";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSubgraph, data, query, servedPerson } from "./helpers.js";

const MEMBERSHIP = `
  id state programmeId instrument instrumentLabel agreementId stage status endedOn partners notes { text sources { url } } place format
  polizeidirektion policeParty fieldsOfAction
  municipality { id }
  signedOn { iso precision year month day note }
  effectiveOn { iso precision }
  ordinal ordinalBasis ordinalBasisText
  signatories { name role organisation party basis }
  present { name role organisation party basis }
  registeredMunicipality { id name ags district agsNote }
  sources { url publisher publishedOn }
`;

const raw = (id: string) => {
  const record = data.participations.find((p) => p.id === id);
  if (!record) throw new Error(`${id} is not in the dataset`);
  return record;
};

let service: SubgraphService<SachsenContext>;
beforeAll(async () => {
  service = await createTestSubgraph();
});
afterAll(async () => {
  await service.close();
});

const membership = async (id: string) =>
  (await query<{ sachsen: { membership: any } }>(service, `query ($id: ID!) { sachsen { membership(id: $id) { ${MEMBERSHIP} } } }`, { id })).sachsen.membership;

describe("entry field", () => {
  it("serves the Sachsen namespace with its programme", async () => {
    const result = await query(service, `{ sachsen { state name programme { id shortName name coordinatingBody kind startOn { iso precision note } } } }`);
    expect(result.sachsen).toEqual({
      state: "SN",
      name: "Sachsen",
      programme: {
        id: "SN-PRG-ASSKOMM",
        shortName: "ASSKomm",
        name: "Allianz Sichere Sächsische Kommunen",
        coordinatingBody: "Landespräventionsrat Sachsen (LPR)",
        kind: "STATE_PREVENTION_STRATEGY_NETWORK",
        startOn: { iso: "2019-02-06", precision: "DAY", note: data.programmes[0]!.start_note },
      },
    });
    expect(result.sachsen.programme.startOn.note).toContain("Chemnitz");
  });
});

describe("facts from the data", () => {
  it("Torgau's cooperation agreement (SN-P-007) is dated 2021-06-25 to the day, with its signatories as recorded", async () => {
    const torgau = await membership("SN-P-007");
    expect(torgau.stage).toBe("COOPERATION_AGREEMENT");
    expect(torgau.instrument).toBe("COOPERATION_AGREEMENT");
    expect(torgau.signedOn).toMatchObject({ iso: "2021-06-25", precision: "DAY", year: 2021, month: 6, day: 25 });
    expect(torgau.signatories).toEqual(raw("SN-P-007").signatories.map(servedPerson));
    expect(torgau.signatories.map((s: { name: string }) => s.name)).toEqual(["Romina Barth", "René Demmler", "Sven Forkert"]);
    // The minister and the MdL attended without signing: kept apart from the signatories.
    expect(torgau.present).toEqual(raw("SN-P-007").present.map(servedPerson));
    expect(torgau.present.every((p: { basis: string }) => p.basis === "PRESENT")).toBe(true);
    // "Polizei Sachsen" names no Polizeidirektion: null, with the party text kept.
    expect(torgau.polizeidirektion).toBeNull();
    expect(torgau.policeParty).toBe("Polizei Sachsen");
    expect(torgau.partners).toEqual(raw("SN-P-007").parties);
    expect(torgau.registeredMunicipality).toMatchObject({ id: "SN-M-14730310", name: "Torgau", ags: "14730310", district: "Landkreis Nordsachsen" });
    expect(torgau.municipality).toEqual({ id: "SN-M-14730310" });
  });

  it("there are 8 model municipalities, effective from the 2019-02-06 launch and with no signing date", async () => {
    const result = await query(service, `{ sachsen { memberships(filter: { stages: [MODEL_MUNICIPALITY] }, first: 100) { totalCount edges { node { id registeredMunicipality { name } signedOn { iso precision } effectiveOn { iso precision } } } } } }`);
    const page = result.sachsen.memberships;
    const expected = data.participations.filter((p) => p.instrument === "MODEL_MUNICIPALITY");
    expect(expected).toHaveLength(8);
    expect(page.totalCount).toBe(8);
    expect(page.edges.map((e: any) => e.node).map((n: { id: string }) => n.id).sort()).toEqual(expected.map((p) => p.id).sort());
    expect(page.edges.map((e: any) => e.node).map((n: any) => n.registeredMunicipality.name).sort()).toEqual(["Chemnitz", "Freital", "Görlitz", "Leipzig", "Pirna", "Plauen", "Wurzen", "Zwickau"]);
    for (const node of page.edges.map((e: any) => e.node)) {
      expect(node.signedOn).toEqual({ iso: null, precision: "UNKNOWN" });
      expect(node.effectiveOn).toEqual({ iso: "2019-02-06", precision: "DAY" });
    }
  });

  it("the Städtebund Silberberg agreement groups 5 memberships", async () => {
    const result = await query(service, `{ sachsen { jointAgreements { edges { node { id name memberships { id registeredMunicipality { name } } signedOn { iso } polizeidirektion sources { url } } } } } }`);
    const agreements = result.sachsen.jointAgreements.edges.map((e: any) => e.node);
    const silberberg = agreements.find((a: { name: string }) => a.name === "Städtebund Silberberg");
    expect(silberberg.id).toBe("SN-KV-2021-12-17-SILBERBERG");
    expect(silberberg.memberships).toHaveLength(5);
    expect(silberberg.memberships.map((m: { id: string }) => m.id)).toEqual(["SN-P-013a", "SN-P-013b", "SN-P-013c", "SN-P-013d", "SN-P-013e"]);
    expect(silberberg.signedOn.iso).toBe("2021-12-17");
    expect(silberberg.polizeidirektion).toBe("Polizeidirektion Chemnitz");
    // The other two joint agreements of the data: Verwaltungsgemeinschaft Olbersdorf (4), Göltzschtal (3).
    const sizes = Object.fromEntries(agreements.map((a: any) => [a.id, a.memberships.length]));
    expect(sizes).toEqual({ "SN-KV-2021-12-17-SILBERBERG": 5, "SN-KV-2022-01-14-VG-OLBERSDORF": 4, "SN-KV-2022-07-22-GOELTZSCHTAL": 3 });
    const fromMember = (await query(service, `{ sachsen { membership(id: "SN-P-013b") { jointAgreement { id memberships { id } } } } }`)).sachsen.membership;
    expect(fromMember.jointAgreement.memberships).toHaveLength(5);
    const single = (await query(service, `{ sachsen { membership(id: "SN-P-014") { agreementId jointAgreement { id } } } }`)).sachsen.membership;
    expect(single).toEqual({ agreementId: "SN-P-014", jointAgreement: null });
  });

  it("Crimmitschau's Webex signing was a VIDEOCONFERENCE, with its stated ordinal", async () => {
    const crimmitschau = await membership("SN-P-012");
    expect(crimmitschau.registeredMunicipality.name).toBe("Crimmitschau");
    expect(crimmitschau.format).toBe("VIDEOCONFERENCE");
    expect(crimmitschau.notes.map((n: { text: string }) => n.text)).toContain("first virtual signing (Webex)");
    expect([crimmitschau.ordinal, crimmitschau.ordinalBasis, crimmitschau.ordinalBasisText]).toEqual([30, "STATED", "stated (30th municipality to join)"]);
    const torgau = await membership("SN-P-007");
    expect(torgau.format).toBeNull();
  });

  it("Schneeberg's municipality has no AGS: null, kept, with the reason", async () => {
    const schneeberg = await membership("SN-P-013d");
    expect(schneeberg.registeredMunicipality.id).toBe("SN-M-SCHNEEBERG");
    expect(schneeberg.registeredMunicipality.ags).toBeNull();
    expect(schneeberg.registeredMunicipality.agsNote).toContain("not confirmed");
    const register = (await query(service, `{ sachsen { municipality(id: "SN-M-SCHNEEBERG") { ags agsSources { url } sources { url } } } }`)).sachsen.municipality;
    expect(register.ags).toBeNull();
    expect(register.agsSources).toEqual([]);
    expect(register.sources.length).toBeGreaterThan(0);
  });

  it("Görlitz's signing keeps only the month its note gives", async () => {
    const goerlitz = await membership("SN-P-001");
    expect(goerlitz.signedOn).toEqual({ iso: "2020-07", precision: "MONTH", year: 2020, month: 7, day: null, note: raw("SN-P-001").signed_date_note });
    expect(goerlitz.polizeidirektion).toBe("Polizeidirektion Görlitz");
  });

  it("Meerane's signing keeps day and month with a null year", async () => {
    const meerane = await membership("SN-P-023");
    expect(meerane.signedOn).toEqual({ iso: null, precision: "DAY_MONTH", year: null, month: 4, day: 25, note: raw("SN-P-023").signed_date_note });
    expect([meerane.ordinal, meerane.ordinalBasis, meerane.ordinalBasisText]).toEqual([50, "STATED", "stated (50th cooperation agreement)"]);
  });

  it("Oelsnitz/Erzgeb.'s Vorvereinbarung links to its later Kooperationsvereinbarung and back", async () => {
    const result = await query(service, `{ sachsen {
      pre: membership(id: "SN-P-008") { stage signedOn { iso } followUpAgreement { id stage signedOn { iso } ordinal } preAgreement { id } }
      coop: membership(id: "SN-P-020") { preAgreement { id stage } followUpAgreement { id } }
    } }`);
    expect(result.sachsen.pre).toEqual({
      stage: "PRE_AGREEMENT",
      signedOn: { iso: "2021-09-01" },
      followUpAgreement: { id: "SN-P-020", stage: "COOPERATION_AGREEMENT", signedOn: { iso: "2023-02-23" }, ordinal: 47 },
      preAgreement: null,
    });
    expect(result.sachsen.coop).toEqual({ preAgreement: { id: "SN-P-008", stage: "PRE_AGREEMENT" }, followUpAgreement: null });
  });

  it("every membership is served as recorded: stage, dates, parties, people and status", async () => {
    const result = await query(service, `{ sachsen { memberships(first: 200) { totalCount edges { node { ${MEMBERSHIP} } } } } }`);
    const nodes = result.sachsen.memberships.edges.map((e: any) => e.node) as any[];
    expect(result.sachsen.memberships.totalCount).toBe(data.participations.length);
    expect(nodes).toHaveLength(data.participations.length);
    for (const node of nodes) {
      const record = raw(node.id);
      expect(node.stage).toBe(record.instrument);
      expect(node.instrumentLabel).toBe(record.instrument_label);
      expect(node.agreementId).toBe(record.agreement_id);
      expect(node.municipality.id).toBe(record.municipality_id);
      expect(node.registeredMunicipality.name).toBe(record.municipality_name);
      expect(node.registeredMunicipality.ags).toBe(record.ags);
      expect(node.registeredMunicipality.district).toBe(record.landkreis);
      expect(node.partners).toEqual(record.parties);
      expect(node.notes.map((n: { text: string }) => n.text)).toEqual(record.notes);
      expect(node.place).toBe(record.place);
      expect(node.format).toBe(record.format);
      expect(node.signatories).toEqual(record.signatories.map(servedPerson));
      expect(node.present).toEqual(record.present.map(servedPerson));
      expect(node.status).toBe("ACTIVE");
      expect(node.signedOn.precision).toBe(record.signed_date_precision.toUpperCase());
      expect(node.signedOn.note).toBe(record.signed_date_note);
      if (record.signed_date) expect(node.signedOn.iso).toBe(record.signed_date);
      expect(node.effectiveOn?.iso ?? null).toBe(record.effective_date);
      expect(node.ordinal ?? null).toBe(record.ordinal);
      expect(node.sources.map((s: { url: string }) => s.url)).toEqual(record.sources.map((s) => s.url));
      const pd = record.parties.find((p) => p.startsWith("Polizeidirektion ")) ?? null;
      expect(node.polizeidirektion).toBe(pd);
    }
  });

  it("filters memberships by Polizeidirektion, in either spelling, and pages them", async () => {
    const expected = data.participations.filter((p) => p.parties.includes("Polizeidirektion Görlitz")).map((p) => p.id).sort();
    expect(expected.length).toBeGreaterThan(3);
    const full = await query(service, `{ sachsen { memberships(filter: { polizeidirektion: "Polizeidirektion Görlitz" }, first: 100) { totalCount edges { node { id polizeidirektion } } } } }`);
    const short = await query(service, `{ sachsen { memberships(filter: { polizeidirektion: "Görlitz" }, first: 100) { totalCount edges { node { id } } } } }`);
    expect(full.sachsen.memberships.edges.map((e: any) => e.node).map((n: { id: string }) => n.id).sort()).toEqual(expected);
    expect(short.sachsen.memberships).toEqual({ totalCount: expected.length, edges: full.sachsen.memberships.edges.map((e: any) => ({ node: { id: e.node.id } })) });

    const pages: string[] = [];
    let after: string | null = null;
    for (let offset = 0; offset < expected.length; offset += 2) {
      const page = await query(service, `query ($a: String) { sachsen { memberships(filter: { polizeidirektion: "Görlitz" }, first: 2, after: $a) { totalCount pageInfo { endCursor } edges { node { id } } } } }`, { a: after });
      after = page.sachsen.memberships.pageInfo.endCursor;
      expect(page.sachsen.memberships.totalCount).toBe(expected.length);
      pages.push(...page.sachsen.memberships.edges.map((e: any) => e.node).map((n: { id: string }) => n.id));
    }
    expect(pages).toEqual(full.sachsen.memberships.edges.map((e: any) => e.node).map((n: { id: string }) => n.id));
  });

  it("orders memberships by date with unknown dates last", async () => {
    const result = await query(service, `{ sachsen { memberships(first: 200) { edges { node { id signedOn { iso } effectiveOn { iso } } } } } }`);
    const dates = result.sachsen.memberships.edges.map((e: any) => e.node).map((n: any) => n.signedOn.iso ?? n.effectiveOn?.iso ?? null);
    const known = dates.filter((d: string | null) => d !== null);
    expect(dates.slice(0, known.length)).toEqual([...known].sort());
    expect(dates.slice(known.length).every((d: string | null) => d === null)).toBe(true);
  });

  it("serves the programme's fields of action in its own wording plus the shared values, offers, documents and funding", async () => {
    const result = await query(service, `{ sachsen {
      programme {
        fieldsOfAction { wording fieldsOfAction }
        sharedFieldsOfAction
        offers { description }
        frameworkDocuments { title parties datedOn { iso precision } }
        fundingStatements { amountEur }
      }
      fundingStatements { edges { node { id amountEur qualifier qualifierText period statementOn { iso precision } } } }
    } }`);
    const programme = result.sachsen.programme;
    const raw = data.programmes[0]!;
    expect(programme.fieldsOfAction.map((f: { wording: string }) => f.wording)).toEqual(raw.fields_of_action);
    expect(programme.fieldsOfAction.find((f: any) => f.wording === "Graffiti").fieldsOfAction).toEqual(["GRAFFITI"]);
    expect(programme.sharedFieldsOfAction).toEqual(["DRUG_ABUSE", "EXTREMISM", "GRAFFITI", "LITTERING", "VIOLENCE"]);
    expect(programme.offers.map((o: { description: string }) => o.description)).toEqual(raw.offers);
    expect(programme.frameworkDocuments.map((d: { title: string }) => d.title)).toEqual(raw.framework_documents.map((d) => d.title));
    expect(programme.frameworkDocuments.map((d: { title: string }) => d.title).join(" ")).toMatch(/Kooperationsvereinbarung.*Vorvereinbarung.*Förderrichtlinie.*four-pillar/);
    expect(programme.frameworkDocuments[0].datedOn).toEqual({ iso: null, precision: "UNKNOWN" });
    const funding = result.sachsen.fundingStatements.edges.map((e: any) => e.node);
    expect(funding.map((f: { amountEur: number }) => f.amountEur)).toEqual(raw.funding_statements.map((f) => f.amount_eur));
    expect(funding[0]).toEqual({ id: "SN-FS-1", amountEur: 2600000, qualifier: "EXACT", qualifierText: "total", period: "2019-2020", statementOn: { iso: "2019-02-06", precision: "DAY" } });
    expect(funding.find((f: any) => f.amountEur === 420000)).toMatchObject({ qualifier: "MORE_THAN", statementOn: { iso: "2021-02", precision: "MONTH" } });
    expect(funding.find((f: any) => f.qualifierText === "about")).toMatchObject({ qualifier: "ABOUT", amountEur: 1300000 });
  });

  it("serves the indicator figures as time series with the date each refers to", async () => {
    const result = await query(service, `{ sachsen { indicators(filter: { indicators: ["member_municipalities"] }) { edges { node { indicator figures { id value qualifier referenceOn { iso precision } } latest { value referenceOn { iso } } } } } } }`);
    const [series] = result.sachsen.indicators.edges.map((e: any) => e.node);
    const expected = data.indicators.filter((i) => i.indicator === "member_municipalities");
    expect(series.indicator).toBe("member_municipalities");
    expect(series.figures).toHaveLength(expected.length);
    const isos = series.figures.map((f: any) => f.referenceOn.iso);
    expect(isos).toEqual([...isos].sort());
    expect(series.figures.find((f: any) => f.id === "SN-I-023")).toEqual({ id: "SN-I-023", value: 29, qualifier: "EXACT", referenceOn: { iso: "2021-11", precision: "MONTH" } });
    expect(series.latest).toEqual({ value: 60, referenceOn: { iso: "2025-04-11" } });

    const all = await query(service, `{ sachsen { indicators { edges { node { indicator figures { id qualifier } } } } } }`);
    const served = all.sachsen.indicators.edges.map((e: any) => e.node).flatMap((s: any) => s.figures);
    expect(served).toHaveLength(data.indicators.length);
    const advised = served.find((f: any) => f.id === "SN-I-015");
    expect(advised.qualifier).toBe("MORE_THAN");
    const none = await query(service, `{ sachsen { indicators(filter: { indicators: ["no_such_indicator"] }) { edges { node { indicator } } } } }`);
    expect(none.sachsen.indicators.edges.map((e: any) => e.node)).toEqual([]);
  });

  it("serves the Kommunale Präventionsräte with status and date", async () => {
    const result = await query(service, `{ sachsen { preventionBodies(first: 200) { edges { node { id name kind status statusOn { iso precision } note registeredMunicipality { id name } municipality { id } } } } } }`);
    const councils = result.sachsen.preventionBodies.edges.map((e: any) => e.node);
    const expected = data.municipalities.flatMap((m) => m.prevention_bodies.map((b) => ({ m, b })));
    expect(councils).toHaveLength(expected.length);
    const zwickau = councils.find((c: { name: string }) => c.name === "Kommunaler Präventionsrat Zwickau");
    expect(zwickau).toMatchObject({ id: "SN-PB-14524330-1", kind: "KPR", status: "FOUNDED", statusOn: { iso: "2020-10-26", precision: "DAY" }, registeredMunicipality: { id: "SN-M-14524330", name: "Zwickau" } });
    const pirna = councils.find((c: { name: string }) => c.name === "Präventionsnetzwerk Pirna");
    expect(pirna).toMatchObject({ kind: "PREVENTION_NETWORK", status: "EXISTING", statusOn: { iso: "2019-02", precision: "MONTH" } });
    const planned = await query(service, `{ sachsen { preventionBodies(filter: { statuses: [PLANNED] }) { edges { node { id status } } } } }`);
    expect(planned.sachsen.preventionBodies.edges.map((e: any) => e.node)).toHaveLength(expected.filter((x) => x.b.status === "PLANNED").length);
  });

  it("serves the events with related memberships", async () => {
    const result = await query(service, `{ sachsen { events(first: 200) { edges { node { id title occursOn { iso precision } alsoOccursOn { iso } format status eventType relatedMemberships { id } } } } } }`);
    const events = result.sachsen.events.edges.map((e: any) => e.node);
    expect(events).toHaveLength(data.events.length);
    expect(events[0]).toMatchObject({ id: "SN-E-001", occursOn: { iso: "2018-11-19", precision: "DAY" }, alsoOccursOn: [{ iso: "2018-12-13" }, { iso: "2019-01-17" }], format: "IN_PERSON", status: "HELD" });
    expect(events.find((e: { id: string }) => e.id === "SN-E-006").relatedMemberships).toEqual([{ id: "SN-P-002" }]);
  });
});

describe("lookups and errors", () => {
  it("an unknown id is null, not an error", async () => {
    const result = await query(service, `{ sachsen { membership(id: "SN-P-999") { id } municipality(id: "SN-M-00000000") { id } jointAgreement(id: "SN-KV-NONE") { id } } }`);
    expect(result.sachsen).toEqual({ membership: null, municipality: null, jointAgreement: null });
  });

  it("finds a register entry by AGS as well as by id; an AGS not in the register is null", async () => {
    const result = await query(service, `{ sachsen {
      byAgs: municipality(ags: "14730310") { id name }
      byId: municipality(id: "SN-M-14730310") { id name }
      elsewhere: municipality(ags: "10041100") { id }
    } }`);
    expect(result.sachsen).toEqual({ byAgs: { id: "SN-M-14730310", name: "Torgau" }, byId: { id: "SN-M-14730310", name: "Torgau" }, elsewhere: null });
  });
});
