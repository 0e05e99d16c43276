import { loadDataset } from "@laenderhub/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFederation, type RunningFederation, type StateKey } from "../support/federation.js";

// A ministry writes through the gateway with its editor token, and researchers see the record
// at once in the comparative API; a token of another state changes nothing. Every state,
// each subgraph with its own signing key, over HTTP.

const dataset = loadDataset();
const SOURCE = { url: "https://example.org/e2e/press-release", publisher: "e2e", publishedOn: "2024-05-13" };
const SIGNATORY = { name: "Erika Beispiel", role: "Bürgermeisterin", basis: "SIGNED" };

interface StateWrite {
  state: StateKey;
  typename: string;
  mutation: string;
  field: string;
  input: Record<string, unknown>;
  /**
   * The municipality registered with the write. The gazetteer knows it already from the
   * municipal register (under the register's name, `gazetteerName`), with no participations.
   */
  municipality: { id: string; name: string; gazetteerName: string; ags: string; district: string };
}

const WRITES: StateWrite[] = [
  {
    state: "SL",
    typename: "SaarlandSecurityPartnership",
    mutation: `mutation ($input: SaarlandPartnershipInput!) { createSaarlandPartnership(input: $input, note: "e2e") { id } }`,
    field: "createSaarlandPartnership",
    input: {
      newMunicipality: { ags: "10046111", name: "Freisen", type: "Gemeinde", district: "Landkreis St. Wendel", sources: [SOURCE] },
      signedOn: "2024-05-13",
      partners: ["Saarland (Innenministerium)", "Gemeinde Freisen"],
      notes: ["joint focus operations"],
      signatories: [SIGNATORY],
      sources: [SOURCE],
    },
    municipality: { id: "SL-M-10046111", name: "Freisen", gazetteerName: "Freisen", ags: "10046111", district: "Landkreis St. Wendel" },
  },
  {
    state: "SN",
    typename: "AsskommMembership",
    mutation: `mutation ($input: AsskommMembershipInput!) { createAsskommMembership(input: $input, note: "e2e") { id } }`,
    field: "createAsskommMembership",
    input: {
      newMunicipality: { ags: "14625020", name: "Bautzen", type: "Große Kreisstadt", district: "Landkreis Bautzen", sources: [SOURCE] },
      stage: "COOPERATION_AGREEMENT",
      signedOn: "2024-05-13",
      partners: ["Stadt Bautzen", "Polizeidirektion Görlitz", "Landespräventionsrat Sachsen"],
      signatories: [SIGNATORY],
      sources: [SOURCE],
    },
    municipality: { id: "SN-M-14625020", name: "Bautzen", gazetteerName: "Bautzen / Budyšin", ags: "14625020", district: "Landkreis Bautzen" },
  },
  {
    state: "ST",
    typename: "SachsenAnhaltLocalPartnership",
    mutation: `mutation ($input: SachsenAnhaltPartnershipInput!) { createSachsenAnhaltPartnership(input: $input, note: "e2e") { id } }`,
    field: "createSachsenAnhaltPartnership",
    input: {
      newMunicipality: { ags: "15090535", name: "Hansestadt Stendal", type: "Hansestadt (Einheitsgemeinde)", district: "Landkreis Stendal", sources: [SOURCE] },
      instrument: "COOPERATION_AGREEMENT",
      signedOn: "2024-05-13",
      partners: ["Hansestadt Stendal", "Polizeirevier Stendal"],
      signatories: [SIGNATORY],
      sources: [SOURCE],
    },
    municipality: { id: "ST-M-15090535", name: "Hansestadt Stendal", gazetteerName: "Stendal", ags: "15090535", district: "Landkreis Stendal" },
  },
];

/** Everything a researcher could see of one state's participations: ids, count and the municipality lookup. */
const SNAPSHOT = /* GraphQL */ `
  query ($state: StateCode!, $municipality: ID!) {
    participations(first: 200, filter: { states: [$state] }) { totalCount edges { node { id } } unavailableStates { state } }
    comparison { states { state participations municipalities latestSignedOn } }
    municipality(id: $municipality) { id participations { id } }
  }
`;

describe("writes through the gateway", () => {
  let federation: RunningFederation;
  // Participations each state holds now: the cited data plus what the tests created.
  const held = new Map<StateKey, number>((["SL", "SN", "ST"] as const).map((s) => [s, dataset.participations.filter((p) => p.state === s).length]));

  beforeAll(async () => {
    federation = await startFederation();
  });

  afterAll(async () => {
    await federation?.close();
  });

  async function snapshot(write: StateWrite) {
    const body = await federation.post<any>(SNAPSHOT, { state: write.state, municipality: write.municipality.id });
    expect(body.errors).toBeUndefined();
    const { participations, comparison, municipality } = body.data;
    expect(participations.unavailableStates).toEqual([]);
    return {
      ids: participations.edges.map((e: any) => e.node.id).sort(),
      totalCount: participations.totalCount,
      perState: comparison.states.find((s: any) => s.state === write.state),
      municipality,
    };
  }

  describe.each(WRITES)("$state", (write) => {
    const others = (["SL", "SN", "ST"] as const).filter((s) => s !== write.state);

    it("refuses the write with no token and with every other state's token, and nothing changes", async () => {
      const before = await snapshot(write);
      expect(before.totalCount).toBe(held.get(write.state));
      expect(before.municipality).toEqual({ id: write.municipality.id, participations: [] });

      const attempts: Array<[string, Record<string, string>, string]> = [["no token", {}, "UNAUTHENTICATED"]];
      for (const other of others) {
        // A token for another state goes only to that state's subgraph (the gateway routes by its
        // state claim), so this state sees no token at all, whichever key signed it; that the
        // state also refuses such a token when it does see one is its own write-auth test.
        attempts.push([`${other} editor`, await federation.bearer(other, "editor"), "UNAUTHENTICATED"]);
        attempts.push([`${other} editor signed with ${write.state}'s key`, await federation.bearer(other, "editor", write.state), "UNAUTHENTICATED"]);
      }
      attempts.push([`${write.state} viewer`, await federation.bearer(write.state, "viewer"), "FORBIDDEN"]);
      for (const [who, headers, code] of attempts) {
        const body = await federation.post<any>(write.mutation, { input: write.input }, headers);
        expect(body.errors?.[0]?.extensions?.code, who).toBe(code);
        expect(body.data?.[write.field] ?? null, who).toBeNull();
      }

      expect(await snapshot(write)).toEqual(before);
    });

    it("creates the participation with the state's editor token, and the comparative API shows it at once", async () => {
      const before = await snapshot(write);
      // The gateway sends the mutation to the owning subgraph only: count what the others receive meanwhile.
      const elsewhere: string[] = [];
      const listeners = others.map((other) => {
        const listener = () => elsewhere.push(other);
        federation.servers.get(other)!.httpServer.on("request", listener);
        return () => federation.servers.get(other)!.httpServer.off("request", listener);
      });
      const headers = await federation.bearer(write.state, "editor");
      let created: Awaited<ReturnType<typeof federation.post<any>>>;
      try {
        created = await federation.post<any>(write.mutation, { input: write.input }, headers);
      } finally {
        for (const remove of listeners) remove();
      }
      expect(created.errors).toBeUndefined();
      expect(elsewhere, "requests to other states' subgraphs during the mutation").toEqual([]);
      const id: string = created.data[write.field].id;
      expect(id.startsWith(`${write.state}-P-`)).toBe(true);
      held.set(write.state, held.get(write.state)! + 1);

      const after = await snapshot(write);
      expect(after.totalCount).toBe(before.totalCount + 1);
      expect(after.ids).toEqual([...before.ids, id].sort());
      expect(after.perState.participations).toBe(before.perState.participations + 1);
      expect(after.perState.municipalities).toBe(before.perState.municipalities + 1);
      expect(after.municipality).toEqual({ id: write.municipality.id, participations: [{ id }] });

      // The record itself, as its concrete type, with the gazetteer's view of the new municipality.
      const read = await federation.post<any>(
        `query ($id: ID!) {
          participations(first: 1, filter: { municipalityIds: [$id] }) {
            edges { node { __typename id state signedOn { iso precision } signatories { name } sources { url }
                           municipality { id name ags district { name } } } }
          }
        }`,
        { id: write.municipality.id },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data.participations.edges).toEqual([
        {
          node: {
            __typename: write.typename,
            id,
            state: write.state,
            signedOn: { iso: "2024-05-13", precision: "DAY" },
            signatories: [{ name: SIGNATORY.name }],
            sources: [{ url: SOURCE.url }],
            municipality: { id: write.municipality.id, name: write.municipality.gazetteerName, ags: write.municipality.ags, district: { name: write.municipality.district } },
          },
        },
      ]);

      // The other states' answers did not move.
      for (const other of others) {
        const body = await federation.post<any>(`query ($s: [StateCode!]) { participations(first: 1, filter: { states: $s }) { totalCount } }`, { s: [other] });
        expect(body.data.participations.totalCount, other).toBe(held.get(other));
      }
    });
  });
});
