// `npm run export -w @laenderhub/subgraph-sachsen-anhalt -- [--format csv|json] [--out <file>] [--type …]`
import { runExportCommand, useCallersDirectory } from "@laenderhub/shared";
import { sachsenAnhaltCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runExportCommand(sachsenAnhaltCliOptions("export", process.argv.slice(2)));
