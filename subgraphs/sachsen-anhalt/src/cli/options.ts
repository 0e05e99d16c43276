import { StateCode, startDatabaseOf, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSachsenAnhaltDatabase } from "../database.js";
import { SACHSEN_ANHALT_IO_SPECS } from "../io/index.js";

/** The database `npm start` runs this subgraph on, so an import changes what the federation serves. */
export const SACHSEN_ANHALT_DEFAULT_DATABASE = startDatabaseOf("sachsen-anhalt");

/**
 * What the import and export commands of the subgraph share: the state, the database (opened,
 * migrated and, unless SEED=false, seeded when empty, exactly as the subgraph opens it) and the
 * record types (`--type partnerships|events|indicators|municipalities|programmes`).
 */
export function sachsenAnhaltCliOptions(command: "import" | "export", argv: string[], env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
  return {
    argv,
    env,
    program: `npm run ${command} -w @laenderhub/subgraph-sachsen-anhalt --`,
    state: StateCode.ST,
    defaultDatabase: SACHSEN_ANHALT_DEFAULT_DATABASE,
    openDataSource: async (url) => (await openSachsenAnhaltDatabase(url, { seed: env.SEED !== "false" })).dataSource,
    specs: SACHSEN_ANHALT_IO_SPECS,
  };
}

