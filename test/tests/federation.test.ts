import { loadDataset, type RawParticipation } from "@laenderhub/shared";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation } from "../support/federation.js";

// The whole federation over HTTP, as `npm start` runs it: three state subgraphs and compare
// from their production factories on port 0 with in-memory databases, and the gateway
// serving the committed supergraph with those URLs.

const dataset = loadDataset();

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The signing year as the cited record gives it: from the date, or from the note where only the month is known. */
function signingYear(p: RawParticipation): string | null {
  if (p.signed_date) return p.signed_date.slice(0, 4);
  if (p.signed_date_precision !== "month") return null;
  const m = new RegExp(`(?:${MONTHS.join("|")}) (\\d{4})`).exec(p.signed_date_note ?? "");
  return m ? m[1]! : null;
}

describe("federation over HTTP", () => {
  let federation: RunningFederation;
  let gatewayUrl: string;
  const post: RunningFederation["post"] = (...args) => federation.post(...args);

  beforeAll(async () => {
    federation = await startFederation();
    gatewayUrl = federation.gatewayUrl;
  });

  afterAll(async () => {
    await federation?.close();
  });

  it("answers /health", async () => {
    const res = await fetch(gatewayUrl.replace(/\/graphql$/, "/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", service: "gateway" });
  });

  it("serves Saarland's partnerships with the gazetteer's municipality data in one request", async () => {
    const body = await post<{ saarland: { partnerships: { totalCount: number; edges: { node: any }[] } } }>(
      `{
        saarland {
          partnerships(first: 50) {
            totalCount
            edges { node {
              id ordinal
              signedOn { iso precision note }
              signatories { name role organisation basis }
              sources { url publisher publishedOn }
              municipality { id name ags district { key name } }
            } }
          }
        }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, edges } = body.data!.saarland.partnerships;
    const items = edges.map((e) => e.node);
    const records = dataset.participations.filter((p) => p.state === "SL");
    expect(totalCount).toBe(records.length);
    expect(items).toHaveLength(records.length);

    const bexbach = items.find((p) => p.ordinal === 10);
    const municipality = dataset.municipalities.find((m) => m.name === "Bexbach")!;
    expect(bexbach).toMatchObject({
      id: "SL-P-10",
      signedOn: { iso: "2021-06-30", precision: "DAY" },
      municipality: { id: municipality.id, name: "Bexbach", ags: municipality.ags, district: { key: municipality.ags!.slice(0, 5), name: municipality.landkreis } },
    });
    expect(municipality.ags).toBe("10045111");
    expect(municipality.landkreis).toBe("Saarpfalz-Kreis");
    expect(bexbach.signatories.map((s: { name: string }) => s.name).sort()).toEqual(["Christian Prech", "Klaus Bouillon"]);
    expect(bexbach.sources.map((s: { url: string }) => s.url)).toContain(
      "https://www.sr.de/sr/home/nachrichten/politik_wirtschaft/bexbach_innenministerium_sicherheitspartnerschaft_100~_print-1.html",
    );

    // Every partnership: the cited ordinal, a date no more precise than the sources, >= 1 source,
    // and the municipality the record names.
    for (const record of records) {
      const item = items.find((p) => p.id === record.id);
      expect(item, record.id).toBeDefined();
      expect(item.ordinal).toBe(record.ordinal);
      expect(item.sources.length).toBeGreaterThan(0);
      expect(item.municipality.name).toBe(record.municipality_name);
      expect(item.municipality.ags).toBe(record.ags);
      if (record.signed_date_precision === "day") expect(item.signedOn.iso).toBe(record.signed_date);
      else expect(item.signedOn.iso === null || item.signedOn.iso.length <= 7, `${record.id} must not gain a day`).toBe(true);
    }
    expect(items.find((p) => p.ordinal === 11).municipality.name).toBe("Losheim am See");
  });

  it("serves automatic persisted queries, so a dashboard can send a hash instead of the query text (GET too)", async () => {
    const query = "{ comparison { states { state participations } } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const persistedQuery = { version: 1, sha256Hash };
    const send = async (body: Record<string, unknown>) =>
      (await fetch(gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json() as Promise<any>;

    const unknown = await send({ extensions: { persistedQuery } });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await send({ query, extensions: { persistedQuery } });
    expect(registered.errors).toBeUndefined();
    const byHash = await send({ extensions: { persistedQuery } });
    expect(byHash).toEqual(registered);
    const perState = Object.fromEntries(byHash.data.comparison.states.map((s: any) => [s.state, s.participations]));
    for (const state of ["SL", "SN", "ST"]) expect(perState[state]).toBe(dataset.participations.filter((p) => p.state === state).length);

    // By GET too, so a dashboard's request fits in a URL. (The gateway answers
    // cache-control: no-store today: nothing declares how long an answer stays fresh.)
    const url = `${gatewayUrl}?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery }))}`;
    const viaGet = await (await fetch(url, { headers: { "apollo-require-preflight": "true" } })).json();
    expect(viaGet).toEqual(registered);
  });

  it("answers null for ids nobody has", async () => {
    const body = await post(`{ municipality(id: "SL-M-99999999") { name } saarland { partnership(id: "SL-P-999") { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ municipality: null, saarland: { partnership: null } });
  });

  it("rejects a malformed AGS with INVALID_AGS", async () => {
    const body = await post(`query ($ags: String) { municipality(ags: $ags) { name } }`, { ags: "1004511" });
    expect(body.errors?.[0]?.extensions?.code).toBe("INVALID_AGS");
    expect(body.data?.municipality ?? null).toBeNull();
  });

  it("finds a municipality by AGS", async () => {
    const body = await post(`{ municipality(ags: "10045111") { id name district { name } participations { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ municipality: { id: "SL-M-10045111", name: "Bexbach", district: { name: "Saarpfalz-Kreis" }, participations: [{ id: "SL-P-10" }] } });
  });

  it("counts participations per state and per year as the cited data does", async () => {
    const body = await post<{ comparison: any }>(
      `{
        comparison(period: YEAR) {
          states { state participations undatedParticipations }
          timeline { period state participations }
          unavailableStates { state }
        }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const { states, timeline, unavailableStates } = body.data!.comparison;
    expect(unavailableStates).toEqual([]);

    const perState = new Map<string, number>();
    const undated = new Map<string, number>();
    const perYear = new Map<string, number>();
    for (const p of dataset.participations) {
      perState.set(p.state, (perState.get(p.state) ?? 0) + 1);
      const year = signingYear(p);
      if (year === null) undated.set(p.state, (undated.get(p.state) ?? 0) + 1);
      else perYear.set(`${p.state} ${year}`, (perYear.get(`${p.state} ${year}`) ?? 0) + 1);
    }
    expect(Object.fromEntries(states.map((s: any) => [s.state, s.participations]))).toEqual({ SL: 11, SN: 47, ST: 6 });
    expect(Object.fromEntries(states.map((s: any) => [s.state, s.participations]))).toEqual(Object.fromEntries(perState));
    expect(Object.fromEntries(states.map((s: any) => [s.state, s.undatedParticipations]))).toEqual(Object.fromEntries(undated));
    const served = Object.fromEntries(
      timeline.filter((t: any) => t.participations > 0).map((t: any) => [`${t.state} ${t.period}`, t.participations]),
    );
    expect(served).toEqual(Object.fromEntries(perYear));
  });

  it("pages the cross-state participation list through the gateway with concrete types", async () => {
    const body = await post<{ participations: any }>(
      `{
        participations(first: 5, orderBy: SIGNED_ON) {
          totalCount
          edges { node { __typename id state signedOn { iso } sources { url } ... on SaarlandSecurityPartnership { ordinal } } }
          unavailableStates { state }
        }
      }`,
    );
    expect(body.errors).toBeUndefined();
    const { totalCount, edges, unavailableStates } = body.data!.participations;
    expect(totalCount).toBe(dataset.participations.length);
    expect(unavailableStates).toEqual([]);
    expect(edges).toHaveLength(5);
    const isos = edges.map((e: any) => e.node.signedOn.iso);
    expect([...isos].sort()).toEqual(isos);
    for (const { node } of edges) expect(node.sources.length).toBeGreaterThan(0);
    // The oldest dated participation in the data is Sachsen-Anhalt's 2003 agreement.
    const oldest = dataset.participations.filter((p) => p.signed_date).sort((a, b) => a.signed_date!.localeCompare(b.signed_date!))[0]!;
    expect(edges[0].node.id).toBe(oldest.id);
  });

  it("sends the caller's token to its state: a state's editor writes its own records through the gateway", async () => {
    const mutation = `mutation ($place: String) { updateSaarlandPartnership(id: "SL-P-11", input: { place: $place }, note: "e2e") { id place } }`;
    const anonymous = await post(mutation, { place: "Losheim am See" });
    expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(anonymous.errors?.[0]?.message).toMatch(/editor token of SL/);
    // Sachsen's key is not Saarland's: the token cannot even be verified there.
    const otherKey = await post(mutation, { place: "Losheim am See" }, await federation.bearer("SN", "editor"));
    expect(otherKey.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
    // A token of another state never reaches Saarland, whatever key signed it.
    const otherState = await post(mutation, { place: "Losheim am See" }, await federation.bearer("SN", "editor", "SL"));
    expect(otherState.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", reason: "NO_TOKEN" });

    const editor = await post(mutation, { place: "Losheim am See" }, await federation.bearer("SL", "editor"));
    expect(editor.errors).toBeUndefined();
    expect(editor.data).toEqual({ updateSaarlandPartnership: { id: "SL-P-11", place: "Losheim am See" } });
    const read = await post(`{ saarland { partnershipByOrdinal(n: 11) { place } } }`);
    expect(read.data).toEqual({ saarland: { partnershipByOrdinal: { place: "Losheim am See" } } });
  });

  describe("with Sachsen-Anhalt's subgraph stopped", () => {
    beforeAll(async () => {
      await federation.servers.get("ST")!.stop();
    });

    it("still answers for the other states and names the missing one", async () => {
      const body = await post<{ comparison: any; participations: any }>(
        `{
          comparison { states { state participations } unavailableStates { state name } }
          participations(first: 100) { totalCount edges { node { id state } } unavailableStates { state } }
        }`,
      );
      const counted = (state: string) => dataset.participations.filter((p) => p.state === state).length;
      expect(Object.fromEntries(body.data!.comparison.states.map((s: any) => [s.state, s.participations]))).toEqual({ SL: counted("SL"), SN: counted("SN") });
      expect(body.data!.comparison.unavailableStates).toMatchObject([{ state: "ST", name: "Sachsen-Anhalt" }]);
      // The list keeps every participation of the states that answered, and says which state is missing.
      const ids = body.data!.participations.edges.map((e: any) => e.node.id).sort();
      expect(ids).toEqual(dataset.participations.filter((p) => p.state !== "ST").map((p) => p.id).sort());
      expect(body.data!.participations.totalCount).toBe(ids.length);
      expect(body.data!.participations.unavailableStates).toEqual([{ state: "ST" }]);
      const error = body.errors?.find((e) => e.extensions?.code === "STATE_UNAVAILABLE");
      expect(error, JSON.stringify(body.errors)).toBeDefined();
      expect(JSON.stringify(error)).toMatch(/Sachsen-Anhalt|"ST"/);
    });

    it("reports the state as STATE_UNAVAILABLE when the gateway itself cannot reach it", async () => {
      const missing = await post(`{ sachsenAnhalt { name } }`);
      expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "STATE_UNAVAILABLE", state: "ST" });
      expect(missing.errors?.[0]?.message).toMatch(/Sachsen-Anhalt/);
      const others = await post(`{ saarland { partnershipByOrdinal(n: 10) { municipality { name } } } }`);
      expect(others.errors).toBeUndefined();
      expect(others.data).toEqual({ saarland: { partnershipByOrdinal: { municipality: { name: "Bexbach" } } } });
    });
  });
});
