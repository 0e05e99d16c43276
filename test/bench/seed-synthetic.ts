import { join } from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { seedState, STATE_TARGETS } from "./synthetic.js";

// `npm run seed:synthetic -- --per-state N [--seed S] [--data-dir DIR | --database-url SL=postgres://… …]`
// Fills each state's database with N synthetic participations through the state's own import
// command (validated, audited, tallied), marked as synthetic (see synthetic.ts). Without a
// database option the states' default SQLite files under .data (what npm start serves) are used.

const root = fileURLToPath(new URL("../../", import.meta.url));
const usage = `usage: npm run seed:synthetic -- --per-state N [--seed S] [--states SL,SN,ST] [--batch B] [--data-dir DIR | --database-url CODE=URL ...]`;

const { values } = parseArgs({
  options: {
    "per-state": { type: "string" },
    seed: { type: "string", default: "1" },
    states: { type: "string", default: "SL,SN,ST" },
    batch: { type: "string", default: "10000" },
    "data-dir": { type: "string" },
    "database-url": { type: "string", multiple: true },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const count = z.coerce.number().int().positive();
const parsed = z
  .object({ perState: count.max(1_000_000), seed: z.coerce.number().int().min(0), batch: count, states: z.array(z.enum(["SL", "SN", "ST"])).min(1) })
  .safeParse({ perState: values["per-state"], seed: values.seed, batch: values.batch, states: values.states.split(",") });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error(usage);
  process.exit(2);
}
const urls = new Map<string, string>();
for (const entry of values["database-url"] ?? []) {
  const [code, ...rest] = entry.split("=");
  if (!code || !rest.length) {
    console.error(`--database-url takes CODE=URL (e.g. SL=postgres://…), got "${entry}"`);
    process.exit(2);
  }
  urls.set(code, rest.join("="));
}
const dataDir = values["data-dir"] ?? join(root, ".data");
const started = Date.now();
for (const target of STATE_TARGETS.filter((t) => parsed.data.states.includes(t.code))) {
  const url = urls.get(target.code) ?? join(dataDir, `${target.subgraph}.sqlite`);
  await seedState(target, { code: target.code, url }, { perState: parsed.data.perState, seed: parsed.data.seed, batch: parsed.data.batch });
}
console.error(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
