import { StateCode, startDatabaseOf, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSaarlandDatabase } from "../write/database.js";
import { SAARLAND_RECORD_IO } from "../write/record-io.js";

export const IMPORT_PROGRAM = "npm run import -w @laenderhub/subgraph-saarland --";
export const EXPORT_PROGRAM = "npm run export -w @laenderhub/subgraph-saarland --";

/** The database `npm start` runs Saarland's subgraph on, so an import changes what the federation serves. */
export const DEFAULT_DATABASE = startDatabaseOf("saarland");

/**
 * The options of Saarland's import and export commands. The database is opened the way the
 * server opens it: migrated, and seeded when empty unless SEED=false, so an import into a new
 * file finds the programme and register its records reference. No logger: stdout carries the
 * export and the summary only.
 */
export function saarlandCliOptions(argv: string[], program: string, env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
  return {
    argv,
    env,
    program,
    state: StateCode.SL,
    defaultDatabase: DEFAULT_DATABASE,
    openDataSource: (url) => openSaarlandDatabase(url, { seed: env.SEED !== "false" }),
    specs: SAARLAND_RECORD_IO,
  };
}
