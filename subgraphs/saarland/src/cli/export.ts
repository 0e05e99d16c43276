#!/usr/bin/env node
// `npm run export -w @laenderhub/subgraph-saarland -- [--format csv|json] [--out …] [--type …]`.
import { runExportCommand, useCallersDirectory } from "@laenderhub/shared";
import { EXPORT_PROGRAM, saarlandCliOptions } from "./options.js";

useCallersDirectory();
process.exitCode = await runExportCommand(saarlandCliOptions(process.argv.slice(2), EXPORT_PROGRAM));
