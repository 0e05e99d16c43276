import { StateCode, startDatabaseOf, stateCliOptions, type SubgraphCliOptions } from "@laenderhub/shared";
import { openSachsenDataSource } from "../db.js";
import { SACHSEN_RECORD_IO } from "../io/specs.js";
import { seedSachsen } from "../seed/index.js";

/** The database `npm start` runs Sachsen's subgraph on, so an import changes what the federation serves. */
export const SACHSEN_DEFAULT_DATABASE = startDatabaseOf("sachsen");

/**
 * The options of Sachsen's import and export commands (the shared `stateCliOptions`): the
 * database opened and migrated, and seeded when empty unless SEED=false, as the subgraph does
 * on start. Tests run the commands in-process with these same options.
 */
export function sachsenCliOptions(command: "import" | "export", argv: string[], env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
  return stateCliOptions(
    {
      subgraph: "sachsen",
      state: StateCode.SN,
      open: async (url, seed) => {
        const dataSource = await openSachsenDataSource(url);
        if (seed) await seedSachsen(dataSource);
        return dataSource;
      },
      specs: SACHSEN_RECORD_IO,
    },
    command,
    argv,
    env,
  );
}
