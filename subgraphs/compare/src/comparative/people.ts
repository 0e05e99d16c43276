import { PersonBasis, sortableName, type StateCode } from "@laenderhub/shared";
import type { Person, PersonAgreement } from "../schema/person.types.js";
import type { ContractPersonRow } from "./contract-client.js";

/** The bases under which the contract lists a person among an agreement's signatories. */
export const SIGNING_BASES: ReadonlySet<string> = new Set([PersonBasis.SIGNED, PersonBasis.CONCLUDED_BY, PersonBasis.IN_OFFICE, PersonBasis.ANNOUNCED_SIGNER]);

// Academic titles are written or left out from one source to the next ("Prof. Dr. Roland Wöller").
const TITLES = /(^|\s)(?:prof|dr|h\.\s?c|dipl\.-[a-zäöü]+|rer\.\s?nat|phil|jur|med)\.(?=\s|$)/gi;

/** The key people are grouped by: titles dropped, lower case, umlauts folded, spaces collapsed. */
export function normalisePersonName(name: string): string {
  let previous: string;
  let stripped = name;
  do {
    previous = stripped;
    stripped = stripped.replace(TITLES, " ");
  } while (stripped !== previous);
  return sortableName(stripped).replace(/\s+/g, " ").trim();
}

// Which basis describes an agreement when a person appears on several of its member rows.
const BASIS_RANK: Record<string, number> = {
  [PersonBasis.SIGNED]: 0,
  [PersonBasis.CONCLUDED_BY]: 1,
  [PersonBasis.IN_OFFICE]: 2,
  [PersonBasis.ANNOUNCED_SIGNER]: 3,
  [PersonBasis.PRESENT]: 4,
  [PersonBasis.QUOTED]: 5,
};

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null && v !== ""))].sort();

/**
 * Groups the states' people rows by person (normalised name) and agreement: a joint agreement
 * signed for five municipalities counts once. Sorted by agreements signed, then by all
 * agreements, then by name, so the first entry answers "who signed the most agreements".
 */
export function groupPeople(rows: readonly ContractPersonRow[]): Person[] {
  const people = new Map<string, ContractPersonRow[]>();
  for (const r of rows) {
    const key = normalisePersonName(r.name);
    if (!key) continue;
    people.set(key, [...(people.get(key) ?? []), r]);
  }
  const out: Person[] = [];
  for (const [key, personRows] of people) {
    const agreements = new Map<string, ContractPersonRow[]>();
    for (const r of personRows) {
      const id = `${r.state}\u0000${r.agreementId}`;
      agreements.set(id, [...(agreements.get(id) ?? []), r]);
    }
    const agreementList: PersonAgreement[] = [...agreements.values()].map((members) => {
      const best = [...members].sort((a, b) => (BASIS_RANK[a.basis] ?? 9) - (BASIS_RANK[b.basis] ?? 9))[0]!;
      const participationIds = [...new Set(members.map((m) => m.participationId))].sort();
      return {
        agreementId: best.agreementId,
        state: best.state as StateCode,
        basis: best.basis as PersonBasis,
        signed: SIGNING_BASES.has(best.basis),
        role: best.role,
        organisation: best.organisation,
        party: best.party,
        signedOn: members.map((m) => m.signedOn).find((d) => d !== null) ?? null,
        participationIds,
        municipalityIds: [...new Set(members.map((m) => m.municipalityId))].sort(),
      };
    });
    agreementList.sort((a, b) => ((a.signedOn ?? "~") < (b.signedOn ?? "~") ? -1 : (a.signedOn ?? "~") > (b.signedOn ?? "~") ? 1 : a.agreementId < b.agreementId ? -1 : 1));
    const spellings = new Map<string, number>();
    for (const r of personRows) spellings.set(r.name, (spellings.get(r.name) ?? 0) + 1);
    const name = [...spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    out.push({
      name,
      normalisedName: key,
      spellings: [...spellings.keys()].sort(),
      states: distinct(personRows.map((r) => r.state)) as StateCode[],
      agreementsSigned: agreementList.filter((a) => a.signed).length,
      agreementsPresent: agreementList.filter((a) => a.basis === PersonBasis.PRESENT).length,
      agreementCount: agreementList.length,
      roles: distinct(personRows.map((r) => r.role)),
      organisations: distinct(personRows.map((r) => r.organisation)),
      parties: distinct(personRows.map((r) => r.party)),
      agreements: agreementList,
    });
  }
  return out.sort(
    (a, b) => b.agreementsSigned - a.agreementsSigned || b.agreementCount - a.agreementCount || (a.normalisedName < b.normalisedName ? -1 : a.normalisedName > b.normalisedName ? 1 : 0),
  );
}
