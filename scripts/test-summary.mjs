#!/usr/bin/env node
// Runs vitest over every project with the default reporter plus a JSON report in a temp
// file, then prints one closing line `tests: N passed, M failed` that CI logs can be grepped
// for. Arguments are passed on to vitest; vitest's exit code is kept.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "laenderhub-test-"));
const report = join(dir, "vitest.json");
const vitest = join(root, "node_modules", "vitest", "vitest.mjs");

const run = spawnSync(
  process.execPath,
  [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit" },
);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests ?? 0;
  failed = result.numFailedTests ?? 0;
  // A test file that failed to load has no test results of its own: count it as one failure
  // so that the closing line never says "0 failed" for a red run.
  for (const file of result.testResults ?? []) {
    if (file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed")) failed += 1;
  }
} else {
  console.error("vitest wrote no JSON report (it did not run to the end)");
  failed = 1;
}
rmSync(dir, { recursive: true, force: true });

const code = run.status ?? 1;
// vitest can fail outside any test (unhandled errors); keep the line honest about it.
if (code !== 0 && failed === 0) failed = 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(code);
