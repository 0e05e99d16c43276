#!/usr/bin/env node
// `npm run export -w @laenderhub/subgraph-saarland -- [--format csv|json] [--out …] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SAARLAND } from "../state.js";

useCallersDirectory();
process.exitCode = await SAARLAND.cli("export", process.argv.slice(2));
