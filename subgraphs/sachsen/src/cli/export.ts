#!/usr/bin/env node
// `npm run export -w @laenderhub/subgraph-sachsen -- [--format csv|json] [--out …] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SACHSEN } from "../state.js";

useCallersDirectory();
process.exitCode = await SACHSEN.cli("export", process.argv.slice(2));
