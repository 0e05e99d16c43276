import { StateCode, type SubgraphCliOptions } from "@laenderhub/shared";
import { fileURLToPath } from "node:url";
import { openSachsenAnhaltDatabase } from "../database.js";
import { SACHSEN_ANHALT_IO_SPECS } from "../io/index.js";

/**
 * The database `npm start` runs this subgraph on (`<repository>/.data/sachsen-anhalt.sqlite`),
 * so an import after `npm start` changes what the federation serves. Resolved from this file
 * (src/cli or dist/cli), not from the working directory.
 */
export const SACHSEN_ANHALT_DEFAULT_DATABASE = fileURLToPath(new URL("../../../../.data/sachsen-anhalt.sqlite", import.meta.url));

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

/** npm runs a workspace script in the package's folder; paths on the command line are meant from where npm was called. */
export function useCallersDirectory(env: Record<string, string | undefined> = process.env): void {
  if (env.INIT_CWD) process.chdir(env.INIT_CWD);
}
