import { AuditEntry, issueToken, stateAudience, StateCode, type AuthConfig, type IssueTokenOptions, type QueryCounter, type SubgraphService } from "@laenderhub/shared";
import {
  EventEntity,
  IndicatorEntity,
  MembershipEntity,
  MembershipFieldEntity,
  MembershipPersonEntity,
  MunicipalityEntity,
  type SachsenContext,
} from "@laenderhub/subgraph-sachsen";
import { createTestSubgraph, type Result } from "./helpers.js";

/** The HS256 secret the write tests configure; tokens signed with anything else fail. */
export const TEST_SECRET = "sachsen-write-tests-secret-0123456789abcdef";
export const TEST_AUTH: AuthConfig = { secrets: [TEST_SECRET], publicKeys: [], issuer: "laenderhub", audience: stateAudience(StateCode.SN) };

/** A seeded in-memory Sachsen subgraph that verifies tokens signed with TEST_SECRET. */
export function createWriteSubgraph(options: { databaseUrl?: string; seed?: boolean; counter?: QueryCounter } = {}): Promise<SubgraphService<SachsenContext>> {
  return createTestSubgraph({ ...options, auth: TEST_AUTH });
}

/** A bearer header for a token of `state` with `role`, signed with TEST_SECRET unless told otherwise. */
export async function bearer(state: StateCode | string, role: "editor" | "viewer", extra: Partial<IssueTokenOptions> = {}): Promise<string> {
  return `Bearer ${await issueToken({ secret: TEST_SECRET, state, role, subject: `${role}-${state}@lpr.sachsen.example`, expiresIn: "1h", ...extra })}`;
}

/** The bearer header of a Sachsen editor: the one caller allowed to write here. */
export const editor = () => bearer(StateCode.SN, "editor");

/** Runs one operation with a fresh request context built from `authorization`. */
export async function exec<T = any>(service: SubgraphService<SachsenContext>, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<Result<T>> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext(authorization) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result<T>;
}

/** Like exec(), but fails on any GraphQL error. */
export async function execOk<T = any>(service: SubgraphService<SachsenContext>, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<T> {
  const result = await exec<T>(service, query, variables, authorization);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data as T;
}

/** Row counts of every table a write touches, and of the audit: "nothing changed" is these being equal. */
export async function counts(service: SubgraphService<SachsenContext>): Promise<Record<string, number>> {
  const ds = service.dataSource;
  return {
    memberships: await ds.getRepository(MembershipEntity).count(),
    people: await ds.getRepository(MembershipPersonEntity).count(),
    fields: await ds.getRepository(MembershipFieldEntity).count(),
    municipalities: await ds.getRepository(MunicipalityEntity).count(),
    events: await ds.getRepository(EventEntity).count(),
    indicators: await ds.getRepository(IndicatorEntity).count(),
    audit: await ds.getRepository(AuditEntry).count(),
  };
}

/** A made-up source for records written in tests (never a fact about the real programme). */
export const TEST_SOURCE = { url: "https://example.org/asskomm/test-1", publisher: "Test publisher", title: "Test page", publishedOn: "2024-05-02" };

export const CREATE = /* GraphQL */ `
  mutation Create($input: AsskommMembershipInput!, $note: String) {
    createAsskommMembership(input: $input, note: $note) {
      id stage instrument status endedOn agreementId polizeidirektion fieldsOfAction partners
      signedOn { iso precision year month day }
      municipality { id }
      registeredMunicipality { id name ags }
      signatories { name basis }
      present { name basis }
      sources { url publisher title publishedOn }
    }
  }
`;

/** A valid new Kooperationsvereinbarung of a seeded municipality (Chemnitz), with made-up details. */
export const validMembership = (extra: Record<string, unknown> = {}) => ({
  municipalityId: "SN-M-14511000",
  stage: "COOPERATION_AGREEMENT",
  instrumentLabel: "Kooperationsvereinbarung",
  signedOn: "2024-05-02",
  place: "Rathaus",
  partners: ["Stadt Chemnitz", "Polizeidirektion Chemnitz", "Landespräventionsrat Sachsen"],
  notes: ["video surveillance at the central station", "joint patrols"],
  signatories: [
    { name: "Erika Beispiel", role: "Oberbürgermeisterin", organisation: "Stadt Chemnitz", party: null, basis: "SIGNED" },
    { name: "Max Muster", role: "Polizeipräsident", organisation: "Polizeidirektion Chemnitz", party: null, basis: "SIGNED" },
  ],
  present: [{ name: "Paula Probe", role: "Staatsministerin", organisation: "SMI", party: null, basis: "PRESENT" }],
  sources: [TEST_SOURCE],
  ...extra,
});
