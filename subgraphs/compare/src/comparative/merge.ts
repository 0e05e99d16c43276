/** A row the states order by (sortKey, id). */
export interface Keyed {
  sortKey: string;
  id: string;
}

/**
 * The total order every state's SQL uses: by sort key, then id, with plain string (code unit)
 * comparison, which agrees with SQLite BINARY and PostgreSQL COLLATE "C" on the keys used.
 */
export function compareKeyed(a: Keyed, b: Keyed, direction: "ASC" | "DESC"): number {
  const c = a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  return direction === "ASC" ? c : -c;
}

/**
 * K-way merge of lists that are each already sorted in `direction`; stops after `limit` rows.
 * Ties across lists cannot occur (ids are globally unique), so the result is deterministic.
 */
export function mergeSorted<T extends Keyed>(lists: readonly (readonly T[])[], direction: "ASC" | "DESC", limit: number): T[] {
  const heads = lists.map(() => 0);
  const out: T[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++) {
      const candidate = lists[i]![heads[i]!];
      if (candidate === undefined) continue;
      if (best === -1 || compareKeyed(candidate, lists[best]![heads[best]!]!, direction) < 0) best = i;
    }
    if (best === -1) break;
    out.push(lists[best]![heads[best]!]!);
    heads[best] = heads[best]! + 1;
  }
  return out;
}
