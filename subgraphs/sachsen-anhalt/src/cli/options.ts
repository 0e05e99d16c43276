import { StateCode, startDatabaseOf, stateCliOptions, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSachsenAnhaltDatabase } from "../database.js";
import { SACHSEN_ANHALT_IO_SPECS } from "../io/index.js";

/** The database `npm start` runs this subgraph on, so an import changes what the federation serves. */
export const SACHSEN_ANHALT_DEFAULT_DATABASE = startDatabaseOf("sachsen-anhalt");

/**
 * The options of the subgraph's import and export commands (the shared `stateCliOptions`): the
 * database opened, migrated and, unless SEED=false, seeded when empty, exactly as the subgraph
 * opens it; the record types `--type partnerships|events|indicators|municipalities|programmes`.
 */
export function sachsenAnhaltCliOptions(command: "import" | "export", argv: string[], env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
  return stateCliOptions(
    {
      subgraph: "sachsen-anhalt",
      state: StateCode.ST,
      open: async (url, seed) => (await openSachsenAnhaltDatabase(url, { seed })).dataSource,
      specs: SACHSEN_ANHALT_IO_SPECS,
    },
    command,
    argv,
    env,
  );
}
