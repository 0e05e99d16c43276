#!/usr/bin/env node
// `npm run export -w @laenderhub/subgraph-saarland -- [--format csv|json] [--out …] [--type …]`.
import { runExportCommand, useCallersDirectory } from "@laenderhub/shared";
import { saarlandCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runExportCommand(saarlandCliOptions("export", process.argv.slice(2)));
