import { StateCode, startDatabaseOf, stateCliOptions, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSaarlandDatabase } from "../write/database.js";
import { SAARLAND_RECORD_IO } from "../write/record-io.js";

/** The database `npm start` runs Saarland's subgraph on, so an import changes what the federation serves. */
export const DEFAULT_DATABASE = startDatabaseOf("saarland");

/**
 * The options of Saarland's import and export commands (the shared `stateCliOptions`): the
 * database is opened the way the server opens it, migrated and seeded when empty unless
 * SEED=false, so an import into a new file finds the programme and register its records
 * reference. No logger: stdout carries the export and the summary only.
 */
export function saarlandCliOptions(command: "import" | "export", argv: string[], env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
  return stateCliOptions(
    { subgraph: "saarland", state: StateCode.SL, open: (url, seed) => openSaarlandDatabase(url, { seed }), specs: SAARLAND_RECORD_IO },
    command,
    argv,
    env,
  );
}
