import { createDataSource, type QueryCounter } from "@laenderhub/shared";
import type { DataSource } from "typeorm";
import { Sachsen_ENTITIES } from "./entities/index.js";
import { Sachsen_MIGRATIONS } from "./migrations/index.js";

/**
 * Opens the Sachsen database (SQLite file, `:memory:` or `postgres://…`) and runs its pending
 * migrations. Seeds nothing: the subgraph seeds an empty database on start, and the import
 * and export commands work on whatever the database holds.
 */
export function openSachsenDataSource(url: string, counter?: QueryCounter): Promise<DataSource> {
  return createDataSource({ url, entities: Sachsen_ENTITIES, migrations: Sachsen_MIGRATIONS, ...(counter ? { counter } : {}) });
}
