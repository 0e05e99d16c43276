import type { DataSource } from "typeorm";
import { createDataSource, type Logger, type QueryCounter } from "@laenderhub/shared";
import { Saarland_ENTITIES } from "../entities/index.js";
import { Saarland_MIGRATIONS } from "../migrations/index.js";
import { seedSaarland } from "../seed/index.js";

export interface OpenSaarlandDatabaseOptions {
  /** Default true: seed an EMPTY database with the cited data, as the server does on start. */
  seed?: boolean;
  logger?: Logger;
  counter?: QueryCounter;
}

/**
 * Opens the Saarland database (SQLite file, ":memory:" or postgres:// URL), runs its pending
 * migrations and seeds it if it is empty. The server and the import/export commands open
 * their database through this one function, so both always see the same schema.
 */
export async function openSaarlandDatabase(url: string, options: OpenSaarlandDatabaseOptions = {}): Promise<DataSource> {
  const dataSource = await createDataSource({
    url,
    entities: Saarland_ENTITIES,
    migrations: Saarland_MIGRATIONS,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    if (options.seed ?? true) await seedSaarland(dataSource, options.logger);
    return dataSource;
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
