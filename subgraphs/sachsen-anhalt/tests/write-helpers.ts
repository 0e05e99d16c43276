import { AuditEntry, issueToken, stateAudience, StateCode, type AuthConfig, type SubgraphService } from "@laenderhub/shared";
import { createSachsenAnhaltSubgraph, SachsenAnhaltEvent, SachsenAnhaltIndicator, SachsenAnhaltLocalPartnership, SachsenAnhaltMunicipality, StPartnershipPerson, type SachsenAnhaltContext } from "../src/index.js";

/** The HS256 secret the write tests configure on the subgraph and sign their tokens with. */
export const TEST_SECRET = "sachsen-anhalt-write-tests-secret-0123456789";

export const TEST_AUTH: AuthConfig = { secrets: [TEST_SECRET], publicKeys: [], issuer: "laenderhub", audience: stateAudience(StateCode.ST) };

/** A seeded in-memory subgraph that verifies tokens signed with TEST_SECRET. */
export function createWritableSubgraph(): Promise<SubgraphService<SachsenAnhaltContext>> {
  return createSachsenAnhaltSubgraph({ databaseUrl: ":memory:", auth: TEST_AUTH });
}

/** An `Authorization` header value with a token of the state and role. */
export async function bearer(state: StateCode, role: "editor" | "viewer", extra: Partial<Parameters<typeof issueToken>[0]> = {}): Promise<string> {
  return `Bearer ${await issueToken({ secret: TEST_SECRET, state, role, subject: `${role}-${state.toLowerCase()}@example.org`, expiresIn: "1h", ...extra })}`;
}

/** Rows of every table a write touches, and the audit entries: compared before and after a refused write. */
export async function counts(service: SubgraphService<SachsenAnhaltContext>): Promise<Record<string, number>> {
  const db = service.dataSource;
  return {
    partnerships: await db.getRepository(SachsenAnhaltLocalPartnership).count(),
    people: await db.getRepository(StPartnershipPerson).count(),
    municipalities: await db.getRepository(SachsenAnhaltMunicipality).count(),
    events: await db.getRepository(SachsenAnhaltEvent).count(),
    indicators: await db.getRepository(SachsenAnhaltIndicator).count(),
    audit: await db.getRepository(AuditEntry).count(),
  };
}

/** A test source (the records the tests write are invented). */
export const SOURCE = { url: "https://example.org/stendal/sicherheitspartnerschaft", publisher: "Example Press", title: "Sicherheitspartnerschaft unterzeichnet", publishedOn: "2024-05-14" };

/** A valid new partnership of Stendal with its police unit (municipality registered inline); the people are invented. */
export function newPartnership(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    newMunicipality: {
      ags: "15090535",
      name: "Hansestadt Stendal",
      type: "Hansestadt (Einheitsgemeinde)",
      district: "Landkreis Stendal",
      sources: [{ url: "https://de.wikipedia.org/wiki/Stendal", publisher: "Wikipedia (de)" }],
    },
    instrument: "COOPERATION_AGREEMENT",
    instrumentLabel: "Kooperationsvereinbarung zur Sicherheitspartnerschaft",
    signedOn: "2024-05-13",
    place: "Rathaus Stendal",
    partners: ["Hansestadt Stendal", "Polizeirevier Stendal"],
    notes: ["joint patrols", "video surveillance at the station square"],
    signatories: [
      { name: "Erika Beispiel", role: "Oberbürgermeisterin", organisation: "Hansestadt Stendal", basis: "SIGNED" },
      { name: "Max Muster", role: "Revierleiter", organisation: "Polizeirevier Stendal", basis: "SIGNED" },
    ],
    present: [{ name: "Paula Probe", role: "Staatssekretärin", organisation: "Ministerium für Inneres und Sport", basis: "PRESENT" }],
    sources: [SOURCE],
    ...overrides,
  };
}

export const CREATE = /* GraphQL */ `
  mutation Create($input: SachsenAnhaltPartnershipInput!, $note: String) {
    createSachsenAnhaltPartnership(input: $input, note: $note) {
      id status endedOn agreementId instrument
      signedOn { iso precision }
      municipality { id }
      registeredMunicipality { id ags name }
      policePartner { name kind }
      fieldsOfAction
      signatories { name basis }
      present { name basis }
      sources { url publishedOn }
    }
  }
`;
