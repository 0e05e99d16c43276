// Export of Sachsen's records: `npm run export -w @laenderhub/subgraph-sachsen -- --format json --out memberships.json`.
import { runExportCommand } from "@laenderhub/shared";
import { runInCallersDirectory, sachsenCliOptions } from "./options.js";

runInCallersDirectory();
process.exitCode = await runExportCommand(sachsenCliOptions("export", process.argv.slice(2)));
