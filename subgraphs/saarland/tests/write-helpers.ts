import { issueToken, stateAudience, StateCode, type SubgraphService } from "@laenderhub/shared";
import { createSaarlandSubgraph, type SaarlandContext } from "@laenderhub/subgraph-saarland";
import type { Result } from "./helpers.js";

/** The HS256 secret of the test subgraph (the factory's `auth` option). */
export const SECRET = "saarland-test-secret-with-at-least-32-characters";
/** Another state's key: tokens signed with it do not verify here. */
export const OTHER_SECRET = "sachsen-test-secret-with-at-least-32-characters";

export const AUTH = { secrets: [SECRET], publicKeys: [], issuer: "laenderhub", audience: stateAudience(StateCode.SL) };

/** A seeded in-memory Saarland subgraph that verifies tokens signed with SECRET. */
export function createWritableSaarland(): Promise<SubgraphService<SaarlandContext>> {
  return createSaarlandSubgraph({ databaseUrl: ":memory:", auth: AUTH });
}

/** `Bearer <jwt>` for a role of a state, signed with SECRET unless told otherwise. */
export async function bearer(state: StateCode, role: "editor" | "viewer", extra: Partial<Parameters<typeof issueToken>[0]> = {}): Promise<string> {
  return `Bearer ${await issueToken({ secret: SECRET, state, role, subject: `${role}-${state.toLowerCase()}@test`, expiresIn: "1h", ...extra })}`;
}

export const editor = () => bearer(StateCode.SL, "editor");

/** Runs one operation with an Authorization header through the production server. */
export async function runAs<T = any>(service: SubgraphService<SaarlandContext>, authorization: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<Result<T>> {
  const response = await service.server.executeOperation({ query, variables }, { contextValue: await service.createContext(authorization) });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult as Result<T>;
}

/** Like `runAs`, failing on any GraphQL error. */
export async function dataAs<T = any>(service: SubgraphService<SaarlandContext>, authorization: string | undefined, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await runAs<T>(service, authorization, query, variables);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** Row counts of the tables a write touches, to prove that a refused write changed nothing. */
export async function tableCounts(service: SubgraphService<SaarlandContext>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ["partnership", "partnership_person", "partnership_field_of_action", "partnership_measure", "municipality", "event", "indicator", "prevention_body", "audit_entry"]) {
    const [row] = await service.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(row.n);
  }
  return out;
}

export const SOURCE = { url: "https://example.org/saarland/sipa-test", publisher: "Test publisher", publishedOn: "2024-05" };

/** A valid new partnership with Bexbach's register entry (test data, not a fact). */
export function newPartnership(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    municipalityId: "SL-M-10045111",
    instrumentLabel: "Letter of Intent (Absichtserklärung)",
    signedOn: "2024-05-13",
    partners: ["Saarland (Innenministerium)", "Stadt Bexbach"],
    notes: ["video surveillance at the station", "joint focus operations"],
    signatories: [{ name: "Erika Muster", role: "Ministerin", organisation: "MIBS", basis: "SIGNED" }],
    present: [{ name: "Max Beispiel", role: "Polizeidirektor", basis: "PRESENT" }],
    sources: [SOURCE],
    ...extra,
  };
}

export const CREATE = /* GraphQL */ `
  mutation ($input: SaarlandPartnershipInput!, $note: String) {
    createSaarlandPartnership(input: $input, note: $note) {
      id state status endedOn agreementId municipality { id } municipalityName
      signedOn { iso precision } fieldsOfAction
      signatories { name basis } present { name basis } sources { url }
      measures { measure }
    }
  }
`;
