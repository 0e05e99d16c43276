import DataLoader from "dataloader";
import { stateOfId, type ActorType, type PreventionBodyStatus, type StateSubgraph } from "@laenderhub/shared";
import { CONTRACT_MAX_PAGE, contract, type ContractParticipationPage, type ContractParticipationRow } from "../comparative/contract-client.js";
import { toParticipationNodes } from "../comparative/participation-nodes.js";
import type { StateContracts } from "../comparative/state-contracts.js";
import type { ParticipationNode } from "../schema/participation.types.js";
import type { MunicipalPreventionBody } from "../schema/programme.types.js";
import { groupBy } from "../util/group-by.js";
import type { GazetteerLoaders } from "./gazetteer.loaders.js";

/** Per-request loaders over the states' contracts, batched per owning state. */
export interface ComparativeLoaders {
  /** Every participation of a municipality, ordered by signing date (from its owning state). */
  participationsByMunicipality: DataLoader<string, ParticipationNode[]>;
  /** A participation by id (for people's agreements). */
  participationById: DataLoader<string, ParticipationNode | null>;
  preventionBodiesByMunicipality: DataLoader<string, MunicipalPreventionBody[]>;
}

/**
 * Ids grouped by the state that owns them (the id prefix). The contract guarantees that a
 * state's participations reference only its own municipalities, so a municipality's
 * participations are asked of its own state only: another state being down does not blank it.
 */
function byOwningState(contracts: StateContracts, ids: readonly string[]) {
  const out: { state: StateSubgraph; ids: string[] }[] = [];
  for (const [code, stateIds] of groupBy(ids, (id) => stateOfId(id))) {
    if (!code) continue;
    const state = contracts.entry(code);
    if (state) out.push({ state, ids: stateIds });
    // A known state without a registered subgraph: its answer is missing, so say so.
    else contracts.targets([code]);
  }
  return out;
}

/** Pages through a state's rows for a filter; bounded by the rows that match, never the whole table. */
async function allRows(contracts: StateContracts, state: StateSubgraph, filter: { municipalityIds?: string[]; ids?: string[] }) {
  const rows: ContractParticipationRow[] = [];
  let after: { sortKey: string; id: string } | null = null;
  for (;;) {
    const page: ContractParticipationPage = await contracts.call(state, contract.participations({ filter, orderBy: "SIGNED_ON", direction: "ASC", first: CONTRACT_MAX_PAGE, after }));
    rows.push(...page.rows);
    if (page.rows.length < CONTRACT_MAX_PAGE) return rows;
    const last: ContractParticipationRow = page.rows[page.rows.length - 1]!;
    after = { sortKey: last.sortKey, id: last.id };
  }
}

/** Creates the comparative loaders of one request. */
export function createComparativeLoaders(contracts: StateContracts, gazetteer: GazetteerLoaders): ComparativeLoaders {
  async function rowsFor(ids: readonly string[], key: "municipalityIds" | "ids"): Promise<ContractParticipationRow[]> {
    const settled = await Promise.allSettled(byOwningState(contracts, ids).map((g) => allRows(contracts, g.state, { [key]: g.ids })));
    // A failed state is recorded for the response (STATE_UNAVAILABLE); its rows are missing.
    return settled.flatMap((s) => (s.status === "fulfilled" ? s.value : []));
  }

  const participationsByMunicipality = new DataLoader<string, ParticipationNode[]>(async (municipalityIds) => {
    const nodes = await toParticipationNodes(await rowsFor(municipalityIds, "municipalityIds"), gazetteer);
    const grouped = groupBy(nodes, (n) => n.municipality.id);
    return municipalityIds.map((id) => grouped.get(id) ?? []);
  });

  const participationById = new DataLoader<string, ParticipationNode | null>(async (ids) => {
    const nodes = await toParticipationNodes(await rowsFor(ids, "ids"), gazetteer);
    const found = new Map(nodes.map((n) => [n.id, n]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const preventionBodiesByMunicipality = new DataLoader<string, MunicipalPreventionBody[]>(async (municipalityIds) => {
    const settled = await Promise.allSettled(
      byOwningState(contracts, municipalityIds).map((g) => contracts.call(g.state, contract.preventionBodies(g.ids))),
    );
    const rows = settled.flatMap((s) => (s.status === "fulfilled" ? s.value : []));
    const grouped = groupBy(
      rows.map((r) => ({
        id: r.id,
        municipalityId: r.municipalityId,
        name: r.name,
        kind: r.kind,
        status: r.status as PreventionBodyStatus,
        date: r.date,
        note: r.note,
        actorTypes: r.actorTypes as ActorType[],
        sources: r.sources,
      })),
      (b) => b.municipalityId,
    );
    return municipalityIds.map((id) => grouped.get(id) ?? []);
  });

  return { participationsByMunicipality, participationById, preventionBodiesByMunicipality };
}
