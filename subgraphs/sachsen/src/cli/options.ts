import type { SubgraphCliOptions } from "@laenderhub/shared";
import { fileURLToPath } from "node:url";
import { openSachsenDataSource } from "../db.js";
import { SACHSEN_RECORD_IO } from "../io/specs.js";

// src/cli and dist/cli both sit two levels below the package: its .data/ is the database that
// `npm start -w @laenderhub/subgraph-sachsen` uses by default.
const PACKAGE_DATABASE = fileURLToPath(new URL("../../.data/sachsen.sqlite", import.meta.url));

/**
 * The options of Sachsen's import and export commands: the state, its default database, its
 * record types. Tests run the commands in-process with these same options.
 */
export function sachsenCliOptions(command: "import" | "export", argv: string[], extra: Partial<SubgraphCliOptions> = {}): SubgraphCliOptions {
  return {
    argv,
    program: `npm run ${command} -w @laenderhub/subgraph-sachsen --`,
    state: "SN",
    defaultDatabase: PACKAGE_DATABASE,
    openDataSource: (url) => openSachsenDataSource(url),
    specs: SACHSEN_RECORD_IO,
    ...extra,
  };
}

/**
 * `npm run -w` runs a script in the package folder; file names on the command line mean the
 * folder the user typed them in (npm passes it as INIT_CWD), so the command works from there.
 */
export function runInCallersDirectory(env: Record<string, string | undefined> = process.env): void {
  if (env.INIT_CWD) process.chdir(env.INIT_CWD);
}
