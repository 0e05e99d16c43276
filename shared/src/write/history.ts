import DataLoader from "dataloader";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root, type ClassType } from "type-graphql";
import { In, type DataSource, type EntityManager, type FindOptionsWhere } from "typeorm";
import { checkPageSize, connectionFromSlice, createConnectionType, decodeOffsetCursor, DEFAULT_PAGE_SIZE, type Connection } from "../schema/connection.js";
import type { BaseContext } from "../server/subgraph.js";
import { AuditEntry } from "./audit-entry.js";

/** Narrows a state's audit history. */
@InputType("HistoryFilterInput", { description: "Narrows the audit history; all given conditions must hold" })
export class HistoryFilterInput {
  @Field(() => [ID], { nullable: true, description: "Only the changes of these records" })
  recordIds?: string[] | null;
}

/** A page of audit entries, oldest first. */
export const HistoryEntryConnection = createConnectionType("HistoryEntry", () => AuditEntry, "A page of audited changes, oldest first", { shareable: true });

/**
 * One page of a state's audit history, oldest first: the count and the page, two SQL
 * statements whatever the page size.
 */
export async function queryHistoryPage(db: DataSource | EntityManager, state: string, filter: HistoryFilterInput | null, first: number, after: string | null): Promise<Connection<AuditEntry>> {
  checkPageSize(first);
  const list = `${state}.history`;
  const offset = decodeOffsetCursor(list, after);
  const where: FindOptionsWhere<AuditEntry> = filter?.recordIds != null ? { state, recordId: In(filter.recordIds) } : { state };
  const [items, totalCount] = await db.getRepository(AuditEntry).findAndCount({ where, order: { id: "ASC" }, skip: offset, take: first });
  return connectionFromSlice(list, items, offset, totalCount);
}

/**
 * The audit entries of some records of a state, oldest first, grouped by record id: one query
 * whatever the number of ids.
 */
export async function loadHistory(db: DataSource | EntityManager, state: string, recordIds: readonly string[]): Promise<Map<string, AuditEntry[]>> {
  const byId = new Map<string, AuditEntry[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return byId;
  const entries = await db.getRepository(AuditEntry).find({ where: { state, recordId: In([...new Set(recordIds)]) }, order: { id: "ASC" } });
  for (const entry of entries) byId.get(entry.recordId)?.push(entry);
  return byId;
}

// Keyed by the request's context object, so each request gets its own loader (batched per
// request, never shared across requests) without the subgraph having to add it to its context.
const loaders = new WeakMap<object, DataLoader<string, AuditEntry[]>>();

/** The per-request history loader of a context (one SQL statement per batch of record ids). */
export function historyLoader(ctx: BaseContext, state: string): DataLoader<string, AuditEntry[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, AuditEntry[]>(async (ids) => {
      const byId = await loadHistory(ctx.dataSource, state, ids);
      return ids.map((id) => byId.get(id) ?? []);
    });
    loaders.set(ctx, loader);
  }
  return loader;
}

export interface HistoryResolverOptions<TParent extends object = object> {
  /** The state whose records this subgraph owns; entries of other states are never served. */
  state: string;
  /**
   * Where the field lives. Omitted: a root `Query` field (name it per state, e.g.
   * `saarlandHistory`: root fields of the supergraph must not clash). A class: a field on
   * that object type, e.g. the state's namespace type (`saarland { history(id) }`).
   */
  parent?: ClassType<TParent>;
  /**
   * With `parent` set to a record type: read the record id from the parent object, so the
   * field takes no `id` argument (`partnership { history { … } }`).
   */
  idOf?: (parent: TParent) => string;
  /** Field name; defaults to `history`. */
  field?: string;
}

/**
 * Creates the type-graphql resolver that serves the audit history of the state's own records
 * (a public read, oldest entry first, batched per request). Add the returned class to the
 * subgraph's `resolvers`.
 */
export function createHistoryResolver<TParent extends object = object>(options: HistoryResolverOptions<TParent>): ClassType {
  const name = options.field ?? "history";
  const description = "Audit history of a record owned by this state: who changed what, when, before and after (oldest first)";
  const { state, parent, idOf } = options;

  if (parent && idOf) {
    const recordIdOf = idOf;
    @Resolver(() => parent)
    class RecordHistoryResolver {
      @FieldResolver(() => [AuditEntry], { name, description })
      history(@Root() root: TParent, @Ctx() ctx: BaseContext): Promise<AuditEntry[]> {
        return historyLoader(ctx, state).load(recordIdOf(root));
      }
    }
    return RecordHistoryResolver;
  }
  if (parent) {
    @Resolver(() => parent)
    class NamespaceHistoryResolver {
      @FieldResolver(() => HistoryEntryConnection, { name, description: "Audit history of the records this state owns: who changed what, when, before and after (oldest first)" })
      history(
        @Ctx() ctx: BaseContext,
        @Arg("filter", () => HistoryFilterInput, { nullable: true }) filter: HistoryFilterInput | null,
        @Arg("first", () => Int, { defaultValue: DEFAULT_PAGE_SIZE }) first: number,
        @Arg("after", () => String, { nullable: true }) after: string | null,
      ): Promise<Connection<AuditEntry>> {
        return queryHistoryPage(ctx.dataSource, state, filter, first, after);
      }
    }
    return NamespaceHistoryResolver;
  }
  @Resolver()
  class QueryHistoryResolver {
    @Query(() => [AuditEntry], { name, description })
    history(@Arg("id", () => ID) id: string, @Ctx() ctx: BaseContext): Promise<AuditEntry[]> {
      return historyLoader(ctx, state).load(id);
    }
  }
  return QueryHistoryResolver;
}
