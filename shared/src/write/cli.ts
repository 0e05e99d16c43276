import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, parseEnv } from "node:util";
import type { DataSource } from "typeorm";
import type { CliIo } from "../auth/token-cli.js";
import { runExport } from "./export.js";
import { formatOfFile, type DataFormat, type RowError } from "./formats.js";
import { runImport, type ImportReport, type RecordIoSpec } from "./import.js";

/** The repository root: shared/src/write and shared/dist/write both sit three levels below it. */
const REPOSITORY_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * The SQLite file `npm start` gives a subgraph, `<DATA_DIR>/<subgraph>.sqlite` (default
 * `<repository>/.data`): the default database of the state's import and export commands, so
 * that an import after `npm start` changes what the federation serves. DATA_DIR is read as
 * `npm start` reads it: from the environment, else from the repository's `.env`.
 */
export function startDatabaseOf(subgraph: string, env: Record<string, string | undefined> = process.env): string {
  let dataDir = env.DATA_DIR?.trim();
  const envFile = join(REPOSITORY_ROOT, ".env");
  if (!dataDir && existsSync(envFile)) dataDir = parseEnv(readFileSync(envFile, "utf8")).DATA_DIR?.trim();
  return resolve(REPOSITORY_ROOT, dataDir || ".data", `${subgraph}.sqlite`);
}

/**
 * npm runs a workspace script in the package's folder; file names typed on the command line
 * mean the folder npm was called from, which npm passes as INIT_CWD.
 */
export function useCallersDirectory(env: Record<string, string | undefined> = process.env): void {
  if (env.INIT_CWD) process.chdir(env.INIT_CWD);
}

/** Exit codes of the import and export commands. */
export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;

/** A command line that cannot be run; exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode = EXIT_USAGE;
}

export interface ImportCliArgs {
  command: "import";
  file: string;
  dryRun: boolean;
  database?: string;
  actor?: string;
  format?: DataFormat;
  /** Which record type, when the subgraph imports more than one. */
  type?: string;
  progressEvery?: number;
}

export interface ExportCliArgs {
  command: "export";
  format: DataFormat;
  /** Omitted: write to stdout. */
  out?: string;
  database?: string;
  type?: string;
}

const formatOption = (value: string | undefined): DataFormat | undefined => {
  if (value === undefined) return undefined;
  if (value !== "csv" && value !== "json") throw new UsageError(`--format must be csv or json, not ${JSON.stringify(value)}`);
  return value;
};

/**
 * Reads the arguments of a subgraph's import or export command:
 * `import <file> [--dry-run] [--database <url>] [--actor <name>] [--format csv|json] [--type <name>] [--progress-every <n>]`,
 * `export [--format csv|json] [--out <file>] [--database <url>] [--type <name>]`.
 * Throws UsageError (exit code 2) for anything else.
 */
export function parseCliArgs(argv: string[], command: "import"): ImportCliArgs;
export function parseCliArgs(argv: string[], command: "export"): ExportCliArgs;
export function parseCliArgs(argv: string[], command: "import" | "export"): ImportCliArgs | ExportCliArgs {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: command === "import",
      options: {
        "dry-run": { type: "boolean" },
        database: { type: "string" },
        actor: { type: "string" },
        format: { type: "string" },
        type: { type: "string" },
        out: { type: "string" },
        "progress-every": { type: "string" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : undefined);
  const common = {
    ...(str("database") ? { database: str("database")! } : {}),
    ...(str("type") ? { type: str("type")! } : {}),
  };
  if (command === "import") {
    if (v.out !== undefined) throw new UsageError("--out belongs to export");
    if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? "the file to import is missing" : "give exactly one file to import");
    const file = parsed.positionals[0]!;
    const format = formatOption(str("format"));
    if (!format && !formatOfFile(file)) throw new UsageError(`cannot tell the format of ${file}: name it .csv or .json, or pass --format`);
    let progressEvery: number | undefined;
    if (str("progress-every") !== undefined) {
      progressEvery = Number(str("progress-every"));
      if (!Number.isInteger(progressEvery) || progressEvery < 1) throw new UsageError("--progress-every must be a positive integer");
    }
    return {
      command,
      file,
      dryRun: v["dry-run"] === true,
      ...common,
      ...(str("actor") ? { actor: str("actor")! } : {}),
      ...(format ? { format } : {}),
      ...(progressEvery ? { progressEvery } : {}),
    };
  }
  for (const name of ["dry-run", "actor", "progress-every"]) if (v[name] !== undefined) throw new UsageError(`--${name} belongs to import`);
  const out = str("out");
  const format = formatOption(str("format")) ?? (out ? formatOfFile(out) : null) ?? "csv";
  return { command, format, ...common, ...(out ? { out } : {}) };
}

export interface SubgraphCliOptions {
  /** Arguments after the command (`process.argv.slice(2)`). */
  argv: string[];
  env?: Record<string, string | undefined>;
  /** How users invoke the command, shown in the usage text (`npm run import -w @laenderhub/subgraph-saarland --`). */
  program: string;
  /** The state whose records the subgraph owns. */
  state: string;
  /** Database when neither --database nor DATABASE_URL is given. */
  defaultDatabase: string;
  /** Opens the subgraph's database and runs its pending migrations. */
  openDataSource(url: string): Promise<DataSource>;
  /** The importable record types by name (`--type`); the first is the default. */
  specs: Record<string, RecordIoSpec<any, any>>;
  io?: CliIo;
}

/** What a state subgraph tells {@link stateCliOptions} about itself. */
export interface StateCliSpec {
  /** The subgraph's package name without the scope (`saarland`): names the npm script and the database. */
  subgraph: string;
  state: string;
  /** Opens, migrates and (when `seed`) seeds the database exactly as the subgraph does on start. */
  open(url: string, seed: boolean): Promise<DataSource>;
  specs: Record<string, RecordIoSpec<any, any>>;
}

/**
 * The options of a state's import or export command, the same for every state: usage text
 * `npm run <command> -w @laenderhub/subgraph-<subgraph> --`, the database npm start serves as
 * the default, a new database seeded unless SEED=false.
 */
export function stateCliOptions(
  spec: StateCliSpec,
  command: "import" | "export",
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): SubgraphCliOptions {
  return {
    argv,
    env,
    program: `npm run ${command} -w @laenderhub/subgraph-${spec.subgraph} --`,
    state: spec.state,
    defaultDatabase: startDatabaseOf(spec.subgraph, env),
    openDataSource: (url) => spec.open(url, env.SEED !== "false"),
    specs: spec.specs,
  };
}

const stdio: CliIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** True when the command line asks for help (`--help` or `-h` anywhere). */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.includes("--help") || argv.includes("-h");
}

/**
 * The `--help` text of a state's import or export command: what it does, every option with its
 * default, the environment it reads, and the record kinds with their file columns, so a
 * ministry can write a file without reading the source.
 */
export function commandHelp(command: "import" | "export", options: SubgraphCliOptions): string {
  const kinds = Object.keys(options.specs);
  const kindList = kinds.map((k, i) => (i === 0 ? `${k} (default)` : k)).join(", ");
  const lines =
    command === "import"
      ? [
          `Imports ${options.state}'s records of one kind from a CSV or JSON file, in one transaction:`,
          "every row is checked first, and nothing is written if one is invalid. Every change is audited.",
          "",
          `usage: ${options.program} <file.csv|file.json> [options]`,
          "",
          "options:",
          `  --type <kind>          the record kind: ${kindList}`,
          "  --dry-run              check the file and report what would change; write nothing",
          "  --database <url>       SQLite file, :memory: or postgres:// URL (default: DATABASE_URL, else the database npm start serves)",
          "  --actor <name>         the author the audit records (default: $USER)",
          "  --format csv|json      the file's format (default: from its name)",
          "  --progress-every <n>   a progress line on stderr every n rows (default: 1000)",
          "  -h, --help             show this help",
        ]
      : [
          `Exports ${options.state}'s records of one kind as CSV or JSON, in the layout the import reads.`,
          "",
          `usage: ${options.program} [options]`,
          "",
          "options:",
          `  --type <kind>          the record kind: ${kindList}`,
          "  --format csv|json      the output format (default: from --out's name, else csv)",
          "  --out <file>           write to this file (default: stdout)",
          "  --database <url>       SQLite file, :memory: or postgres:// URL (default: DATABASE_URL, else the database npm start serves)",
          "  -h, --help             show this help",
        ];
  return [
    ...lines,
    "",
    "environment:",
    `  DATABASE_URL           the database when --database is not given (else ${options.defaultDatabase})`,
    "  SEED=false             do not seed a new, empty database with the cited records",
    "",
    "columns of each record kind:",
    ...kinds.map((k) => `  ${k}: ${options.specs[k]!.columns.map((c) => c.name).join(", ")}`),
    "",
  ].join("\n");
}

function pickSpec(options: SubgraphCliOptions, type: string | undefined): [string, RecordIoSpec<any, any>] {
  const names = Object.keys(options.specs);
  const name = type ?? names[0];
  const spec = name ? options.specs[name] : undefined;
  if (!name || !spec) throw new UsageError(`unknown --type ${JSON.stringify(type)}; known: ${names.join(", ")}`);
  return [name, spec];
}

async function openOrReport(options: SubgraphCliOptions, url: string, io: CliIo): Promise<DataSource | null> {
  try {
    return await options.openDataSource(url);
  } catch (err) {
    io.err(`cannot open the database ${url.replace(/\/\/[^@/]*@/, "//***@")}: ${(err as Error).message}\n`);
    return null;
  }
}

/** One line per error: `people.csv line 7: ags: AGS "123" must be exactly 8 digits [INVALID_AGS]`. */
export function formatRowError(file: string, error: RowError): string {
  const field = error.field.startsWith("(") ? "" : `${error.field}: `;
  return `${file} ${error.where}: ${field}${error.message} [${error.code}]`;
}

function summary(report: ImportReport): string {
  const counts = `${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged (${report.total} rows)`;
  return report.dryRun ? `dry run, nothing written: would be ${counts}` : `imported: ${counts}`;
}

/**
 * The whole import command of a state subgraph (`--help` prints {@link commandHelp}): parses the arguments, opens the database,
 * runs the import with progress lines on stderr, prints the summary on stdout and every row
 * error on stderr. Returns the exit code: 0 ok, 1 invalid rows (nothing written), 2 usage.
 * The actor recorded in the audit is `--actor`, else $USER; an import needs no token because
 * whoever can run it can already write the database file.
 */
export async function runImportCommand(options: SubgraphCliOptions): Promise<number> {
  const io = options.io ?? stdio;
  if (wantsHelp(options.argv)) {
    io.out(commandHelp("import", options));
    return EXIT_OK;
  }
  const env = options.env ?? process.env;
  const usage = `usage: ${options.program} <file.csv|file.json> [--dry-run] [--database <url>] [--actor <name>] [--type ${Object.keys(options.specs).join("|")}]`;
  let args: ImportCliArgs;
  let name: string;
  let spec: RecordIoSpec<any, any>;
  try {
    args = parseCliArgs(options.argv, "import");
    [name, spec] = pickSpec(options, args.type);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${usage}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  const dataSource = await openOrReport(options, args.database ?? (env.DATABASE_URL?.trim() || options.defaultDatabase), io);
  if (!dataSource) return EXIT_INVALID;
  try {
    const report = await runImport({
      ...spec,
      file: args.file,
      ...(args.format ? { format: args.format } : {}),
      dryRun: args.dryRun,
      dataSource,
      state: options.state,
      actor: { subject: args.actor ?? env.USER ?? env.USERNAME ?? "cli", state: options.state, role: null },
      progressEvery: args.progressEvery ?? 1000,
      onProgress: (p) => {
        if (p.total >= (args.progressEvery ?? 1000)) io.err(`${name}: ${p.phase === "validate" ? "validated" : "applied"} ${p.done}/${p.total} rows\n`);
      },
    });
    if (!report.ok) {
      for (const error of report.errors) io.err(`${formatRowError(args.file, error)}\n`);
      io.err(`${report.errors.length} error(s); nothing was imported\n`);
      return EXIT_INVALID;
    }
    io.out(`${name}: ${summary(report)}\n`);
    return EXIT_OK;
  } catch (err) {
    io.err(`${name}: import failed, nothing was imported: ${(err as Error).message}\n`);
    return EXIT_INVALID;
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The whole export command of a state subgraph (`--help` prints {@link commandHelp}): writes the state's records of one type to
 * CSV or JSON (`--out`, else stdout) in the layout the import reads. Returns the exit code.
 */
export async function runExportCommand(options: SubgraphCliOptions): Promise<number> {
  const io = options.io ?? stdio;
  if (wantsHelp(options.argv)) {
    io.out(commandHelp("export", options));
    return EXIT_OK;
  }
  const env = options.env ?? process.env;
  const usage = `usage: ${options.program} [--format csv|json] [--out <file>] [--database <url>] [--type ${Object.keys(options.specs).join("|")}]`;
  let args: ExportCliArgs;
  let name: string;
  let spec: RecordIoSpec<any, any>;
  try {
    args = parseCliArgs(options.argv, "export");
    [name, spec] = pickSpec(options, args.type);
    if (!spec.exportRecords) throw new UsageError(`${name} cannot be exported`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${usage}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  const dataSource = await openOrReport(options, args.database ?? (env.DATABASE_URL?.trim() || options.defaultDatabase), io);
  if (!dataSource) return EXIT_INVALID;
  try {
    const rows = await spec.exportRecords!(dataSource.manager);
    const text = await runExport({ format: args.format, rows, columns: spec.columns, ...(args.out ? { out: args.out } : {}) });
    if (args.out) io.err(`${name}: exported ${rows.length} records to ${args.out}\n`);
    else io.out(text);
    return EXIT_OK;
  } catch (err) {
    io.err(`${name}: export failed: ${(err as Error).message}\n`);
    return EXIT_INVALID;
  } finally {
    await dataSource.destroy();
  }
}
