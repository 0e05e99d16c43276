import { AsyncLocalStorage } from "node:async_hooks";
import { GraphQLError } from "graphql";
import { QueryFailedError, type DataSource, type EntityManager } from "typeorm";
import { refreshContractTally } from "../contract/tally.js";
import { ErrorCode, LaenderhubError } from "../errors.js";

const current = new AsyncLocalStorage<{ dataSource: DataSource; manager: EntityManager }>();
// TypeORM's SQLite drivers share ONE query runner per data source: two transactions started
// concurrently would interleave on it (the second becomes a savepoint of the first), and a
// rollback of one could undo the other. Writes are therefore queued per data source.
const queues = new WeakMap<DataSource, Promise<unknown>>();

/**
 * Runs `fn` in one database transaction: everything it writes (records and their audit
 * entries) commits together or not at all. Writes to the same SQLite database are queued so
 * they never interleave. A nested call with the same data source joins the running
 * transaction. Unique and foreign-key violations come back as CONFLICT / BAD_USER_INPUT
 * errors; any error rolls the whole transaction back and is rethrown.
 */
export async function withWriteTransaction<T>(dataSource: DataSource, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
  const running = current.getStore();
  if (running && running.dataSource === dataSource) return fn(running.manager);

  // The contract's tally follows the records in the same transaction (contract/tally.ts).
  const run = () =>
    dataSource.transaction(async (manager) => {
      const result = await current.run({ dataSource, manager }, () => fn(manager));
      await refreshContractTally(manager);
      return result;
    });
  let result: Promise<T>;
  if (isSingleConnection(dataSource)) {
    const previous = queues.get(dataSource) ?? Promise.resolve();
    result = previous.then(run, run);
    queues.set(
      dataSource,
      result.catch(() => undefined),
    );
  } else {
    result = run();
  }
  try {
    return await result;
  } catch (err) {
    throw translateDatabaseError(err);
  }
}

const SINGLE_CONNECTION_DRIVERS = new Set<string>(["better-sqlite3", "capacitor", "cordova", "expo", "nativescript", "react-native", "sqljs"]);

function isSingleConnection(dataSource: DataSource): boolean {
  return SINGLE_CONNECTION_DRIVERS.has(dataSource.options.type);
}

/**
 * Turns constraint violations into client errors with a code; leaves every other error
 * (including GraphQL errors thrown by the caller) unchanged.
 */
export function translateDatabaseError(err: unknown): unknown {
  if (err instanceof GraphQLError || !(err instanceof QueryFailedError)) return err;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? "";
  const message = err.message;
  if (code === "23505" || /UNIQUE constraint failed|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(message + code)) {
    return new LaenderhubError(ErrorCode.CONFLICT, "A record with the same key already exists");
  }
  if (code === "23503" || /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY/.test(message + code)) {
    return new LaenderhubError(ErrorCode.BAD_USER_INPUT, "A referenced record does not exist");
  }
  return err;
}
