#!/usr/bin/env node
// `npm run import -w @laenderhub/subgraph-saarland -- <file> [--dry-run] [--type …]`: the logic
// is the shared import engine; this file names Saarland's database and record types.
import { runImportCommand, useCallersDirectory } from "@laenderhub/shared";
import { saarlandCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runImportCommand(saarlandCliOptions("import", process.argv.slice(2)));
