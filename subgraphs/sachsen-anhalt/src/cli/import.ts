#!/usr/bin/env node
// `npm run import -w @laenderhub/subgraph-sachsen-anhalt -- <file.csv|file.json> [--dry-run] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SACHSEN_ANHALT } from "../state.js";

useCallersDirectory();
process.exitCode = await SACHSEN_ANHALT.cli("import", process.argv.slice(2));
