import { Directive, Field, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import { badInput } from "../errors.js";

/**
 * The largest page any public list serves (`first`), in every subgraph: one limit, so a
 * dashboard's pager works on every list. docs/API.md states it.
 */
export const PAGE_SIZE_LIMIT = 200;
/** The page size when a client gives no `first`. */
export const DEFAULT_PAGE_SIZE = 50;

/** The direction of a list's order, the same enum on every list that can be ordered. */
export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "SortDirection", description: "Ascending or descending; the id breaks ties in both" });

/** Relay's page information; every subgraph declares the same shareable type. */
@ObjectType("PageInfo", { description: "Where a page stands in its list" })
@Directive("@shareable")
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Opaque cursor of the last edge; pass it as `after` for the next page" })
  endCursor!: string | null;
}

/** One page of a list as the connection types serve it. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<name>Connection` and `<name>Edge` around a node type: the one page shape of the
 * public API (Relay connections with `totalCount`). Each list gets its own named types, so a
 * client's generated code and cache see which list a page belongs to.
 */
export function createConnectionType<T extends object>(
  name: string,
  node: () => ClassType<T> | Function,
  description: string,
  options: { shareable?: boolean } = {},
): ClassType<Connection<T>> {
  // A connection every state subgraph declares the same way (the audit history) is shareable.
  const shareable = options.shareable ? Directive("@shareable") : () => undefined;

  @ObjectType(`${name}Edge`)
  @shareable
  class Edge {
    @Field(() => String, { description: "Opaque cursor of this item in the list as asked" })
    cursor!: string;

    @Field(node as () => ClassType<T>)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  @shareable
  class ConnectionType implements Connection<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "Items matching the filter, on all pages" })
    totalCount!: number;
  }
  return ConnectionType;
}

/** Checks a page size against the one limit (BAD_USER_INPUT naming `first` and the limit). */
export function checkPageSize(first: number, field = "first"): void {
  if (!Number.isInteger(first) || first < 0 || first > PAGE_SIZE_LIMIT) throw badInput(field, `${field} must be between 0 and ${PAGE_SIZE_LIMIT}, got ${first}`);
}

const MALFORMED = "malformed cursor: pass the endCursor or an edge cursor of a previous page unchanged";

/**
 * An opaque cursor for a list paged by position: base64url of the list's name, its order and
 * the position after the item. The list and order are checked on the way back, so a cursor of
 * another list or order is refused instead of silently skipping or repeating items.
 */
export function encodeOffsetCursor(list: string, position: number): string {
  return Buffer.from(JSON.stringify({ l: list, p: position }), "utf8").toString("base64url");
}

/** The position a cursor of `list` stands for (0 without a cursor); anything else is BAD_USER_INPUT on `field`. */
export function decodeOffsetCursor(list: string, value: string | null | undefined, field = "after"): number {
  if (value == null) return 0;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw badInput(field, MALFORMED);
  }
  const r = raw as { l?: unknown; p?: unknown } | null;
  if (!r || typeof r !== "object" || typeof r.l !== "string" || !Number.isInteger(r.p) || (r.p as number) < 0) throw badInput(field, MALFORMED);
  if (r.l !== list) throw badInput(field, "the cursor belongs to another list or order; start again without \"after\"");
  return r.p as number;
}

/** The page arguments every connection takes. */
export interface PageArgs {
  first: number;
  after?: string | null;
}

/**
 * Builds a connection from one page of items that starts at `offset` in a list of
 * `totalCount` items (the caller read the page with LIMIT/OFFSET or sliced it).
 */
export function connectionFromSlice<T>(list: string, items: readonly T[], offset: number, totalCount: number): Connection<T> {
  const edges = items.map((node, i) => ({ cursor: encodeOffsetCursor(list, offset + i + 1), node }));
  return {
    edges,
    pageInfo: { hasNextPage: offset + items.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}

/**
 * Pages a list that is already in memory and in its final order (the small lists of a state
 * namespace): checks `first`, decodes `after` and slices. `list` names the list and its order.
 */
export function connectionFromArray<T>(list: string, all: readonly T[], args: PageArgs): Connection<T> {
  checkPageSize(args.first);
  const offset = decodeOffsetCursor(list, args.after);
  return connectionFromSlice(list, all.slice(offset, offset + args.first), offset, all.length);
}

/** Keeps the items whose `key` is in `wanted`; no list given keeps all. */
export function whereIn<T>(items: readonly T[], wanted: readonly string[] | null | undefined, key: (item: T) => string | null): T[] {
  if (wanted == null) return [...items];
  const set = new Set(wanted);
  return items.filter((item) => {
    const k = key(item);
    return k !== null && set.has(k);
  });
}
