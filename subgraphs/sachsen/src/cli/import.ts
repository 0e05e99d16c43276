// Bulk import of Sachsen's records: `npm run import -w @laenderhub/subgraph-sachsen -- file.csv [--dry-run]`.
import { runImportCommand, useCallersDirectory } from "@laenderhub/shared";
import { sachsenCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runImportCommand(sachsenCliOptions("import", process.argv.slice(2)));
