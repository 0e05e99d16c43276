#!/usr/bin/env node
// Entry point of `npm run token`: the logic lives in token-cli.ts, where tests call it.
import { runTokenCli } from "./token-cli.js";

process.exitCode = await runTokenCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
