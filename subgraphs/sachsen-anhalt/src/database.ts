import { createDataSource, type QueryCounter } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { SachsenAnhalt_ENTITIES } from "./entities/index.js";
import { SachsenAnhalt_MIGRATIONS } from "./migrations/index.js";
import { seedSachsenAnhalt } from "./seed/index.js";

export interface SachsenAnhaltDatabaseOptions {
  /** Default true: seed an empty database with the cited records. */
  seed?: boolean;
  counter?: QueryCounter;
}

/**
 * Opens the subgraph's database (SQLite file, `:memory:` or `postgres://` URL), runs the
 * pending migrations and, unless `seed` is false, seeds it when it is empty. The subgraph and
 * the import/export commands open it the same way, so a fresh file behaves the same in both.
 * Returns the data source and whether it was seeded now.
 */
export async function openSachsenAnhaltDatabase(url: string, options: SachsenAnhaltDatabaseOptions = {}): Promise<{ dataSource: DataSource; seeded: boolean }> {
  const dataSource = await createDataSource({
    url,
    entities: SachsenAnhalt_ENTITIES,
    migrations: SachsenAnhalt_MIGRATIONS,
    ...(options.counter ? { counter: options.counter } : {}),
  });
  try {
    const seeded = (options.seed ?? true) ? await seedSachsenAnhalt(dataSource) : false;
    return { dataSource, seeded };
  } catch (err) {
    await dataSource.destroy();
    throw err;
  }
}
