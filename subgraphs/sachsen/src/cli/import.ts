#!/usr/bin/env node
// `npm run import -w @laenderhub/subgraph-sachsen -- file.csv [--dry-run] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SACHSEN } from "../state.js";

useCallersDirectory();
process.exitCode = await SACHSEN.cli("import", process.argv.slice(2));
