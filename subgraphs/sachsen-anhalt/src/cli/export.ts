#!/usr/bin/env node
// `npm run export -w @laenderhub/subgraph-sachsen-anhalt -- [--format csv|json] [--out <file>] [--type …]` (`--help` lists every option).
import { useCallersDirectory } from "@laenderhub/shared";
import { SACHSEN_ANHALT } from "../state.js";

useCallersDirectory();
process.exitCode = await SACHSEN_ANHALT.cli("export", process.argv.slice(2));
