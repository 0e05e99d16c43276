import { startDatabaseOf, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSachsenDataSource } from "../db.js";
import { seedSachsen } from "../seed/index.js";
import { SACHSEN_RECORD_IO } from "../io/specs.js";

/** The database `npm start` runs Sachsen's subgraph on, so an import changes what the federation serves. */
export const SACHSEN_DEFAULT_DATABASE = startDatabaseOf("sachsen");

/**
 * The options of Sachsen's import and export commands: the state, its default database (opened
 * and migrated, and seeded when empty unless SEED=false, as the subgraph does on start), its
 * record types. Tests run the commands in-process with these same options.
 */
export function sachsenCliOptions(command: "import" | "export", argv: string[], extra: Partial<SubgraphCliOptions> = {}): SubgraphCliOptions {
  return {
    argv,
    program: `npm run ${command} -w @laenderhub/subgraph-sachsen --`,
    state: "SN",
    defaultDatabase: SACHSEN_DEFAULT_DATABASE,
    openDataSource: async (url) => {
      const dataSource = await openSachsenDataSource(url);
      if ((extra.env ?? process.env).SEED !== "false") await seedSachsen(dataSource);
      return dataSource;
    },
    specs: SACHSEN_RECORD_IO,
    ...extra,
  };
}

