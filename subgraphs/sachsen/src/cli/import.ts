// Bulk import of Sachsen's records: `npm run import -w @laenderhub/subgraph-sachsen -- file.csv [--dry-run]`.
import { runImportCommand } from "@laenderhub/shared";
import { runInCallersDirectory, sachsenCliOptions } from "./options.js";

runInCallersDirectory();
process.exitCode = await runImportCommand(sachsenCliOptions("import", process.argv.slice(2)));
