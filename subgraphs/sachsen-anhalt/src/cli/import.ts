// `npm run import -w @laenderhub/subgraph-sachsen-anhalt -- <file.csv|file.json> [--dry-run] [--type …]`
import { runImportCommand, useCallersDirectory } from "@laenderhub/shared";
import { sachsenAnhaltCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runImportCommand(sachsenAnhaltCliOptions("import", process.argv.slice(2)));
