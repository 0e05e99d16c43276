#!/usr/bin/env node
// `npm run import -w @laenderhub/subgraph-saarland -- <file> [--dry-run] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SAARLAND } from "../state.js";

useCallersDirectory();
process.exitCode = await SAARLAND.cli("import", process.argv.slice(2));
