// Export of Sachsen's records: `npm run export -w @laenderhub/subgraph-sachsen -- --format json --out memberships.json`.
import { runExportCommand, useCallersDirectory } from "@laenderhub/shared";
import { sachsenCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runExportCommand(sachsenCliOptions("export", process.argv.slice(2)));
