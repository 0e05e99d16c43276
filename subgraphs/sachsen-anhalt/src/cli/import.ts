// `npm run import -w @laenderhub/subgraph-sachsen-anhalt -- <file.csv|file.json> [--dry-run] [--type …]`
import { runImportCommand } from "@laenderhub/shared";
import { sachsenAnhaltCliOptions, useCallersDirectory } from "./options.js";

useCallersDirectory();
process.exitCode = await runImportCommand(sachsenAnhaltCliOptions("import", process.argv.slice(2)));
