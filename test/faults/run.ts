import { ConfigError, parseEnv } from "@laenderhub/shared";
import { z } from "zod";
import { LOAD_QUERIES } from "./load.js";
import { DEFAULT_FAULT_SETTINGS, formatResults, runFaultSuite } from "./suite.js";

// `npm run faults`: the fault suite on the real `npm start` (built packages, free loopback
// ports, data in a temp folder), printed as one table. Times are reported, not judged; the
// run fails (exit 1) when an answer was not JSON, did not name the missing part, another
// state failed, nothing recovered, or the killed import lost or half-wrote rows.

const positiveInt = z.coerce.number().int().positive();
const envSchema = z.object({
  /** Seconds of load before each fault and again after recovery. */
  FAULTS_STEADY_SECONDS: positiveInt.default(DEFAULT_FAULT_SETTINGS.steadySeconds),
  /** Seconds Sachsen stays stopped (SIGSTOP). */
  FAULTS_HANG_SECONDS: positiveInt.default(DEFAULT_FAULT_SETTINGS.hangSeconds),
  /** Closed request loops per query (five queries). */
  FAULTS_LOOPS_PER_QUERY: positiveInt.default(DEFAULT_FAULT_SETTINGS.loopsPerQuery),
  /** compare's STATE_TIMEOUT_MS during the run. */
  FAULTS_STATE_TIMEOUT_MS: positiveInt.default(DEFAULT_FAULT_SETTINGS.stateTimeoutMs),
  /** compare's STATE_BREAKER_HALF_OPEN_AFTER_MS during the run. */
  FAULTS_BREAKER_HALF_OPEN_AFTER_MS: positiveInt.default(DEFAULT_FAULT_SETTINGS.breakerHalfOpenAfterMs),
});

let env: z.infer<typeof envSchema>;
try {
  env = parseEnv(envSchema, process.env, "npm run faults");
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const settings = {
  ...DEFAULT_FAULT_SETTINGS,
  steadySeconds: env.FAULTS_STEADY_SECONDS,
  hangSeconds: env.FAULTS_HANG_SECONDS,
  loopsPerQuery: env.FAULTS_LOOPS_PER_QUERY,
  stateTimeoutMs: env.FAULTS_STATE_TIMEOUT_MS,
  breakerHalfOpenAfterMs: env.FAULTS_BREAKER_HALF_OPEN_AFTER_MS,
};
// Ctrl-C reaches npm start too (same terminal process group); ending here runs the suite's exit hook.
process.once("SIGINT", () => process.exit(130));

const started = Date.now();
const results = await runFaultSuite(settings, (line) => console.error(`faults | ${line}`));
console.log(
  [
    "",
    `Fault suite on npm start: ${settings.loopsPerQuery} loop(s) per query x ${LOAD_QUERIES.length} queries through the gateway (response cache off), ` +
      `STATE_TIMEOUT_MS=${settings.stateTimeoutMs}, STATE_BREAKER_FAILURES=1, STATE_BREAKER_HALF_OPEN_AFTER_MS=${settings.breakerHalfOpenAfterMs}, ` +
      `${settings.steadySeconds} s of load before each fault and after recovery, Sachsen hung ${settings.hangSeconds} s; ${((Date.now() - started) / 1000).toFixed(0)} s in all.`,
    "",
    formatResults(results),
    "",
  ].join("\n"),
);
const failed = results.filter((r) => r.notJson + r.noAnswer + r.unnamed + r.otherStateFailures > 0 || r.recoveryMs === null || (r.rowsLost ?? 0) > 0 || (r.tablesChanged ?? 0) > 0);
if (failed.length > 0) {
  console.error(`faults: ${failed.map((r) => r.name).join(", ")} broke the promise (see the table)`);
  process.exitCode = 1;
}
