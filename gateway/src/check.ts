import { isMainModule } from "./entry.js";
import { composeServices } from "@apollo/composition";
import { Supergraph } from "@apollo/federation-internals";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { STATE_SUBGRAPHS } from "@laenderhub/shared";
import { httpContractClient, runContractChecks, type ContractCheckResult } from "@laenderhub/shared/contract-checks";
import type { GraphQLSchema } from "graphql";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { CompositionError, subgraphSchemaPath } from "./compose.js";
import { SUBGRAPH_SOURCES } from "./subgraphs.js";
import { readSupergraphSdl } from "./supergraph.js";

// @apollo/federation-internals and @graphql-inspector/core load graphql as CommonJS, and graphql-js
// refuses a schema built by another copy of itself. Node gives an ESM import of graphql that same
// CommonJS copy, but vitest gives sources the ESM build: requiring it keeps one copy in both.
const { buildSchema, lexicographicSortSchema, parse, printSchema } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

/** The public API of the last release (`npm run check -- --update-baseline` writes it). */
export const API_BASELINE_PATH = fileURLToPath(new URL("../api-baseline.graphql", import.meta.url));

/** Breaking changes announced to clients, which the check lets pass. */
export const ANNOUNCED_PATH = fileURLToPath(new URL("../announced-breaking-changes.json", import.meta.url));

const BASELINE_HEADER = [
  "# The public API of laenderhub's last release: the supergraph's API schema (no @inaccessible",
  "# contract fields, no federation machinery), sorted. `npm test` fails when the committed",
  "# supergraph breaks it without an entry in gateway/announced-breaking-changes.json.",
  "# Written by `npm run check -- --update-baseline` at a release; do not edit by hand.",
  "",
].join("\n");

const COORDINATE = /^@?[_A-Za-z][_0-9A-Za-z]*(\.[_A-Za-z][_0-9A-Za-z]*){0,2}$/;

const announcementSchema = z.strictObject({
  coordinate: z.string().regex(COORDINATE, "a schema coordinate such as Type.field or Type.field.argument"),
  /** graphql-inspector's change type, e.g. FIELD_REMOVED; without it every breaking change at the coordinate passes. */
  change: z.string().regex(/^[A-Z_]+$/, "a change type such as FIELD_REMOVED").optional(),
  reason: z.string().trim().min(1).max(500),
  announcedOn: z.iso.date(),
});

const announcementsFileSchema = z.strictObject({
  announced: z.array(announcementSchema),
});

/** One announced breaking change: where, optionally which change, why, and since when. */
export type Announcement = z.infer<typeof announcementSchema>;

/**
 * Reads and validates the announced breaking changes; every problem in the file is reported
 * at once (with its path in the file).
 */
export async function readAnnouncements(path: string = ANNOUNCED_PATH): Promise<Announcement[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new Error(`${path} is not readable JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = announcementsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`${path} is not a valid list of announcements:\n${parsed.error.issues.map((i) => `  ${i.path.join(".") || "(file)"}: ${i.message}`).join("\n")}`);
  }
  return parsed.data.announced;
}

/** What clients see of a supergraph: its API schema, without @inaccessible elements or join__ machinery. */
export function publicApiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** The public API as committed text: sorted, so that a review shows only what changed. */
export function printPublicApi(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema)).trimEnd()}\n`;
}

export type ChangeLevel = "BREAKING" | "DANGEROUS" | "SAFE";

/** One change of the public API, classified by @graphql-inspector/core. */
export interface ApiChange {
  level: ChangeLevel;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED. */
  type: string;
  /** Schema coordinate of the change (Type, Type.field, Type.field.argument). */
  coordinate: string;
  message: string;
  /** The announcement that lets a breaking change pass, if any. */
  announcement?: Announcement;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: "BREAKING",
  [CriticalityLevel.Dangerous]: "DANGEROUS",
  [CriticalityLevel.NonBreaking]: "SAFE",
};

const ORDER: Record<ChangeLevel, number> = { BREAKING: 0, DANGEROUS: 1, SAFE: 2 };

/**
 * Diffs two public API schemas with @graphql-inspector/core and marks each breaking change
 * that an announcement covers (same coordinate, and the same change type where one is given).
 * Breaking changes come first.
 */
export async function classifyApiChanges(before: GraphQLSchema, after: GraphQLSchema, announcements: readonly Announcement[]): Promise<ApiChange[]> {
  const changes: Change[] = await diff(before, after);
  return changes
    .map((c): ApiChange => {
      const level = LEVELS[c.criticality.level];
      const coordinate = c.path ?? "";
      const announcement = level === "BREAKING" ? announcements.find((a) => a.coordinate === coordinate && (!a.change || a.change === c.type)) : undefined;
      return { level, type: c.type, coordinate, message: c.message, ...(announcement ? { announcement } : {}) };
    })
    .sort((a, b) => ORDER[a.level] - ORDER[b.level] || a.coordinate.localeCompare(b.coordinate));
}

/** Breaking changes that no announcement covers: these fail the check. */
export const unannounced = (changes: readonly ApiChange[]): ApiChange[] => changes.filter((c) => c.level === "BREAKING" && !c.announcement);

/**
 * Composes the committed SDL of every subgraph (`subgraphs/<name>/schema.graphql`) with `sdl`
 * in place of `subgraph`'s, so a ministry needs none of the other subgraphs' sources. Throws a
 * {@link CompositionError} with every error's code.
 */
export async function composeWithSubgraph(subgraph: string, sdl: string): Promise<string> {
  const services = [];
  for (const source of SUBGRAPH_SOURCES) {
    const typeDefs = source.name === subgraph ? sdl : await readFile(subgraphSchemaPath(source.name), "utf8");
    services.push({ name: source.name, url: source.defaultUrl, typeDefs: parse(typeDefs) });
  }
  const result = composeServices(services);
  if (result.errors) {
    throw new CompositionError(result.errors.map((e) => ({ code: String(e.extensions?.code ?? "COMPOSITION_ERROR"), message: e.message })));
  }
  return result.supergraphSdl;
}

const serviceAnswer = z.object({ data: z.object({ _service: z.object({ sdl: z.string().min(1) }) }) });

/** A running subgraph's SDL by the federation query `{ _service { sdl } }`. */
export async function fetchSubgraphSdl(url: string, timeoutMs = 10_000): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: "{ _service { sdl } }" }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const parsed = serviceAnswer.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new Error(`the subgraph answered HTTP ${res.status} without { _service { sdl } }`);
  return parsed.data.data._service.sdl;
}

/** The outcome of comparing a schema change with the committed public API. */
export interface SchemaCheckReport {
  /** Composition errors with their codes; when set, there are no changes to report. */
  compositionErrors?: { code: string; message: string }[];
  changes: ApiChange[];
}

/**
 * Composes the committed subgraphs with `sdl` for `subgraph` and classifies the changes of the
 * public API against the committed supergraph's.
 */
export async function checkSubgraphSchema(subgraph: string, sdl: string, announcements: readonly Announcement[]): Promise<SchemaCheckReport> {
  let supergraphSdl: string;
  try {
    supergraphSdl = await composeWithSubgraph(subgraph, sdl);
  } catch (err) {
    if (err instanceof CompositionError) return { compositionErrors: err.errors, changes: [] };
    throw err;
  }
  return { changes: await classifyApiChanges(publicApiSchema(readSupergraphSdl()), publicApiSchema(supergraphSdl), announcements) };
}

/** Classifies the changes of the committed supergraph's public API against the release baseline. */
export async function checkAgainstBaseline(announcements: readonly Announcement[], baselinePath: string = API_BASELINE_PATH, supergraphSdl: string = readSupergraphSdl()): Promise<ApiChange[]> {
  return classifyApiChanges(buildSchema(readFileSync(baselinePath, "utf8")), publicApiSchema(supergraphSdl), announcements);
}

/** Writes the committed supergraph's public API as the new release baseline. */
export async function updateBaseline(baselinePath: string = API_BASELINE_PATH): Promise<void> {
  await writeFile(baselinePath, BASELINE_HEADER + printPublicApi(publicApiSchema(readSupergraphSdl())));
}

/** Plain text columns, padded to the widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** The changes as a table: level, coordinate, change type, message, and the announcement that lets a breaking one pass. */
export function formatChanges(changes: readonly ApiChange[]): string {
  if (changes.length === 0) return "no changes to the public API";
  return table(
    ["LEVEL", "COORDINATE", "CHANGE", "ANNOUNCED", "MESSAGE"],
    changes.map((c) => [c.level, c.coordinate, c.type, c.announcement ? `on ${c.announcement.announcedOn}` : c.level === "BREAKING" ? "NO" : "", c.message]),
  );
}

/** A failure's code (ENOENT, ECONNREFUSED, TimeoutError) rather than a message that may quote a path or URL. */
function errorReason(err: unknown): string {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  if (cause && typeof cause.code === "string") return cause.code;
  if (err instanceof Error && "code" in err && typeof err.code === "string") return err.code;
  if (err instanceof Error && err.name !== "Error" && err.name !== "TypeError") return err.name;
  return err instanceof Error ? err.message : String(err);
}

function formatConformance(results: readonly ContractCheckResult[]): string {
  return results.map((r) => [`${r.failures.length ? "FAIL" : "pass"}  ${r.name}`, ...r.failures.map((f) => `        ${f}`)].join("\n")).join("\n");
}

const USAGE = `Usage:
  npm run check -- --subgraph <name> (--schema <file.graphql> | --url <http://…/graphql>) [--conformance-url <http://…/graphql>]
  npm run check -- --subgraph <name> --conformance-url <http://…/graphql>
  npm run check -- --against-committed
  npm run check -- --update-baseline

  --subgraph <name>          the subgraph whose schema changes (${SUBGRAPH_SOURCES.map((s) => s.name).join(", ")})
  --schema <file>            its new SDL from a file (relative to where npm was run)
  --url <url>                its new SDL from a running subgraph ({ _service { sdl } })
  --conformance-url <url>    run the contract conformance checks against a running state subgraph
  --against-committed        the committed supergraph's public API against gateway/api-baseline.graphql
  --update-baseline          write the committed supergraph's public API to gateway/api-baseline.graphql (at a release)

Breaking changes fail the check unless gateway/announced-breaking-changes.json lists them.
Exit status: 0 passed, 1 failed, 2 bad arguments.`;

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const argsSchema = z
  .strictObject({
    subgraph: z.enum(SUBGRAPH_SOURCES.map((s) => s.name) as [string, ...string[]], { error: `must be one of ${SUBGRAPH_SOURCES.map((s) => s.name).join(", ")}` }).optional(),
    schema: z.string().min(1).optional(),
    url: httpUrl.optional(),
    "conformance-url": httpUrl.optional(),
    "against-committed": z.boolean().optional(),
    "update-baseline": z.boolean().optional(),
    help: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const modes = [a.subgraph !== undefined, a["against-committed"], a["update-baseline"]].filter(Boolean).length;
    if (modes !== 1) ctx.addIssue({ code: "custom", path: [], message: "give exactly one of --subgraph, --against-committed, --update-baseline" });
    if (a.subgraph !== undefined) {
      if (a.schema !== undefined && a.url !== undefined) ctx.addIssue({ code: "custom", path: ["schema"], message: "give --schema or --url, not both" });
      if (a.schema === undefined && a.url === undefined && a["conformance-url"] === undefined) {
        ctx.addIssue({ code: "custom", path: ["schema"], message: "give --schema, --url or --conformance-url" });
      }
      if (a["conformance-url"] !== undefined && !STATE_SUBGRAPHS.some((s) => s.subgraph === a.subgraph)) {
        ctx.addIssue({ code: "custom", path: ["conformance-url"], message: "applies to state subgraphs only (compare implements no contract)" });
      }
    } else if (a.schema !== undefined || a.url !== undefined || a["conformance-url"] !== undefined) {
      ctx.addIssue({ code: "custom", path: ["subgraph"], message: "--schema, --url and --conformance-url need --subgraph" });
    }
  });

/** Where the check writes; the CLI passes the console, tests collect the lines. */
export interface CheckOutput {
  log(text: string): void;
  error(text: string): void;
}

/** Where the check reads and writes its files; the defaults are the committed ones. */
export interface CheckFiles {
  /** Resolves a relative `--schema` path. */
  cwd?: string;
  announcedPath?: string;
  baselinePath?: string;
}

/**
 * `npm run check`: parses `argv` (without node and script), runs the requested check and
 * returns the exit status (0 passed, 1 failed, 2 bad arguments).
 */
export async function runCheck(argv: readonly string[], out: CheckOutput, files: CheckFiles = {}): Promise<number> {
  const { cwd = process.cwd(), announcedPath = ANNOUNCED_PATH, baselinePath = API_BASELINE_PATH } = files;
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        subgraph: { type: "string" }, schema: { type: "string" }, url: { type: "string" }, "conformance-url": { type: "string" },
        "against-committed": { type: "boolean" }, "update-baseline": { type: "boolean" }, help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (err) {
    // The kind of mistake (e.g. ERR_PARSE_ARGS_UNKNOWN_OPTION), never the text that was typed.
    out.error(`bad command line (${err instanceof Error && "code" in err ? String(err.code) : "unreadable"})\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out.log(USAGE);
    return 0;
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    out.error(`${parsed.error.issues.map((i) => (i.path.length ? `--${i.path.join(".")}: ${i.message}` : i.message)).join("\n")}\n\n${USAGE}`);
    return 2;
  }
  const args = parsed.data;

  if (args["update-baseline"]) {
    await updateBaseline(baselinePath);
    out.log(`wrote ${baselinePath} from the committed supergraph's public API`);
    out.log(`announcements that are now part of the baseline can leave ${announcedPath}`);
    return 0;
  }

  const announcements = await readAnnouncements(announcedPath);
  let failed = false;
  const reportChanges = (changes: ApiChange[], against: string) => {
    const counts = (level: ChangeLevel) => changes.filter((c) => c.level === level).length;
    out.log(`public API changes against ${against}: ${counts("BREAKING")} breaking, ${counts("DANGEROUS")} dangerous, ${counts("SAFE")} safe`);
    out.log(formatChanges(changes));
    const open = unannounced(changes);
    if (open.length) {
      failed = true;
      out.error(`${open.length} breaking change(s) are not announced: announce them in gateway/announced-breaking-changes.json (see gateway/README.md) or keep the old API`);
    }
  };

  if (args["against-committed"]) {
    reportChanges(await checkAgainstBaseline(announcements, baselinePath), "gateway/api-baseline.graphql");
    return failed ? 1 : 0;
  }

  const subgraph = args.subgraph!;
  if (args.schema !== undefined || args.url !== undefined) {
    let sdl: string;
    try {
      sdl = args.schema !== undefined ? await readFile(resolve(cwd, args.schema), "utf8") : await fetchSubgraphSdl(args.url!);
    } catch (err) {
      const reason = errorReason(err);
      out.error(`could not read the new schema from ${args.schema !== undefined ? "--schema" : "--url"}: ${reason}`);
      return 1;
    }
    const report = await checkSubgraphSchema(subgraph, sdl, announcements);
    if (report.compositionErrors) {
      out.error(`composition failed with ${report.compositionErrors.length} error(s):`);
      for (const e of report.compositionErrors) out.error(`  [${e.code}] ${e.message}`);
      failed = true;
    } else {
      out.log(`composed ${subgraph}'s new schema with the committed schemas of ${SUBGRAPH_SOURCES.filter((s) => s.name !== subgraph).map((s) => s.name).join(", ")}`);
      reportChanges(report.changes, "gateway/supergraph.graphql");
    }
  }

  if (args["conformance-url"] !== undefined) {
    const state = STATE_SUBGRAPHS.find((s) => s.subgraph === subgraph)!.code;
    const results = await runContractChecks(state, httpContractClient(args["conformance-url"]));
    const failures = results.filter((r) => r.failures.length > 0).length;
    out.log(`contract conformance (${state}): ${results.length - failures} of ${results.length} checks passed`);
    out.log(formatConformance(results));
    if (failures) failed = true;
  }
  return failed ? 1 : 0;
}


if (isMainModule(import.meta.url)) {
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  runCheck(process.argv.slice(2), { log: (t) => console.log(t), error: (t) => console.error(t) }, { cwd: process.env.INIT_CWD ?? process.cwd() }).then(
    (status) => process.exit(status),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
