import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Builds every package once, before any test file runs. Tests import the workspace packages
 * from their sources, but the command tests run the compiled CLIs (`npm run import` runs
 * dist/cli/import.js) in child processes. One build here, instead of one per test file,
 * means no test file's child can load a dist file that another file is rewriting. Turbo's
 * cache makes it instant when nothing changed (`npm test` has just built).
 */
export function setup(): void {
  const root = fileURLToPath(new URL(".", import.meta.url));
  const turbo = fileURLToPath(new URL("./node_modules/turbo/bin/turbo", import.meta.url));
  try {
    execFileSync(process.execPath, [turbo, "run", "build", "--output-logs=errors-only"], { cwd: root, stdio: "pipe", encoding: "utf8" });
  } catch (err) {
    // turbo prints tsc's errors on stdout: show them, not only "Command failed".
    const { stdout = "", stderr = "" } = err as { stdout?: string; stderr?: string };
    throw new Error(`the build before the tests failed:\n${stdout}${stderr}`);
  }
}
