import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import type { DataSource } from "typeorm";
import { createAuthenticator, type Authenticator } from "../auth/authenticator.js";
import { authConfigFromEnv, type AuthConfig } from "../auth/config.js";
import { ConfigError, subgraphEnvSchema, type SubgraphEnv } from "../config.js";
import { ComparativeContractResolver } from "../contract/resolver.js";
import { createDataSource, type QueryCounter } from "../db/data-source.js";
import { createLogger, type Logger } from "../logger.js";
import { STATE_SUBGRAPHS, type RegistryEntryDefaults } from "../registry.js";
import { buildFederatedSchema, type ReferenceResolvers } from "../schema/build-federated-schema.js";
import { createSubgraphService, type BaseContext, type SubgraphService } from "../server/subgraph.js";
import type { CliIo } from "../auth/token-cli.js";
import { WRITE_ENTITIES, WRITE_MIGRATIONS } from "../write/audit-migration.js";
import { runExportCommand, runImportCommand, stateCliOptions, type SubgraphCliOptions } from "../write/cli.js";
import type { RecordIoSpec } from "../write/import.js";
import type { StateCode } from "../vocabulary.js";

/** The resolver context of a state subgraph: the shared base plus this request's DataLoaders. */
export type StateContext<TLoaders> = BaseContext & {
  /** Fresh per request; a write may replace them so its answer shows what it wrote. */
  loaders: TLoaders;
};

/**
 * Everything that is a state's own, and nothing else: the rest (database, auth, context,
 * schema, printing, `main`, the import/export commands) is {@link defineStateSubgraph}'s.
 */
export interface StateSubgraphDeclaration<TLoaders> {
  /** The state's registry entry (code, subgraph name, entry field, default port): `registeredState(StateCode.SL)`. */
  state: RegistryEntryDefaults;
  /** TypeORM entities; the shared audit entity is added when missing. */
  entities: Function[];
  /** Migrations of the state's own tables; the shared audit migration is added when missing. */
  migrations: Function[];
  /** The migration that creates the state's `cmp_*` views, its mapping onto the comparative contract. */
  contractViews: Function;
  /** type-graphql resolvers; the shared comparative contract resolver is added when missing. */
  resolvers: NonEmptyArray<Function>;
  /** Types reachable only through an interface or `_entities` (the concrete participation type). */
  orphanedTypes?: Function[];
  /** `__resolveReference` of the state's entities, by type name. */
  referenceResolvers?: ReferenceResolvers;
  /** The request's DataLoaders, created fresh for every request. */
  loaders(dataSource: DataSource): TLoaders;
  /** Seeds an EMPTY database with the state's cited records (and leaves one with content alone). */
  seed(dataSource: DataSource, logger?: Logger): Promise<unknown>;
  /** The record kinds of the import and export commands by `--type` name; the first is the default. */
  records: Record<string, RecordIoSpec<any, any>>;
}

/** How tests and `main` create a state subgraph. */
export interface StateSubgraphOptions {
  /** SQLite file, ":memory:", or postgres:// URL. */
  databaseUrl: string;
  /** Default true: seed an empty database with the cited data. */
  seed?: boolean;
  /** Default: a logger named after the subgraph. */
  logger?: Logger;
  /** Optional SQL statement counter for tests. */
  counter?: QueryCounter;
  /** How bearer tokens are verified. Default {@link NO_AUTH_KEYS}: reads work, every write is refused. */
  auth?: AuthConfig;
}

export interface OpenStateDatabaseOptions {
  /** Default true: seed an EMPTY database with the cited data, as the server does on start. */
  seed?: boolean;
  logger?: Logger;
  counter?: QueryCounter;
}

/** What the import and export commands write to; tests pass their own. */
export interface StateCliRun {
  env?: Record<string, string | undefined>;
  io?: CliIo;
}

/** A declared state subgraph: the one object its entry points, the gateway's compose step and its tests use. */
export interface DefinedStateSubgraph<TLoaders> {
  readonly declaration: StateSubgraphDeclaration<TLoaders>;
  /** Code, subgraph name, entry field and default port, as in the registry. */
  readonly state: RegistryEntryDefaults;
  /** Opens the database (SQLite file, ":memory:" or postgres:// URL), runs pending migrations, seeds it when empty. */
  openDatabase(url: string, options?: OpenStateDatabaseOptions): Promise<DataSource>;
  /** The subgraph's federated schema; needs no database. */
  buildSchema(): Promise<GraphQLSchema>;
  /** Database, schema and per-request context in one service: tests drive it with `executeOperation`, `main` serves it. */
  create(options: StateSubgraphOptions): Promise<SubgraphService<StateContext<TLoaders>>>;
  /** The SDL composition reads (with `@key`, `@shareable`, …). */
  printSchema(): Promise<string>;
  /** The options of the import or export command (for tests that run it in process). */
  cliOptions(command: "import" | "export", argv: string[], env?: Record<string, string | undefined>): SubgraphCliOptions;
  /** Runs the import or export command (`--help` lists its options); resolves with the exit code. */
  cli(command: "import" | "export", argv: string[], run?: StateCliRun): Promise<number>;
  /**
   * The process entry: reads the environment (every bad variable reported at once, exit 1),
   * serves the subgraph and stops it cleanly on SIGINT or SIGTERM.
   */
  main(env?: Record<string, string | undefined>): Promise<void>;
}

/** The default without keys: every write is refused with NO_KEY_CONFIGURED, reads work. */
export const NO_AUTH_KEYS: AuthConfig = { secrets: [], publicKeys: [], issuer: "laenderhub", audience: "laenderhub" };

/** A registered state's entry, for its declaration. Throws for a code the registry does not list. */
export function registeredState(code: StateCode): RegistryEntryDefaults {
  const entry = STATE_SUBGRAPHS.find((s) => s.code === code);
  if (!entry) throw new Error(`state ${code} is not in the registry (STATE_SUBGRAPHS)`);
  return entry;
}

/** `list` with each of `required` that it lacks: appended at `where`, order otherwise kept. */
function including<T>(list: readonly T[], required: readonly T[], where: "start" | "end"): T[] {
  const missing = required.filter((item) => !list.includes(item));
  return where === "start" ? [...missing, ...list] : [...list, ...missing];
}

/**
 * Reads a state subgraph's environment (`subgraphEnvSchema` and the token keys) and throws ONE
 * ConfigError that lists every bad variable, so a deployment is fixed in one round.
 */
export function readStateEnv(state: RegistryEntryDefaults, raw: Record<string, string | undefined>, logger?: Pick<Logger, "warn">): { env: SubgraphEnv; auth: AuthConfig } {
  const schema = subgraphEnvSchema(state.defaultPort, `.data/${state.subgraph}.sqlite`);
  const problems: string[] = [];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => `${issue.path.join(".") || "(env)"}: ${issue.message}`));
  // The keys are checked even when other variables are bad: each field is an optional string.
  let auth: AuthConfig | null = null;
  try {
    auth = authConfigFromEnv(raw, state.code, logger ?? { warn: () => undefined });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.message.split("\n").slice(1).map((line) => line.trim()));
  }
  if (problems.length > 0 || !parsed.success || !auth) {
    throw new ConfigError(`${state.subgraph}: invalid configuration\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
  return { env: parsed.data, auth };
}

/**
 * Turns a state's declaration into its subgraph: the factory tests and `main` use, the schema
 * printer of the compose step, the process entry with graceful shutdown, and the import and
 * export commands. A state's `src/state.ts` holds the one call; its entry points are one line each.
 */
export function defineStateSubgraph<TLoaders>(declaration: StateSubgraphDeclaration<TLoaders>): DefinedStateSubgraph<TLoaders> {
  const { state } = declaration;
  const entities = including(declaration.entities, WRITE_ENTITIES, "start");
  const migrations = including(including(declaration.migrations, WRITE_MIGRATIONS, "start"), [declaration.contractViews], "end");
  const resolvers = including(declaration.resolvers, [ComparativeContractResolver], "end") as NonEmptyArray<Function>;

  async function openDatabase(url: string, options: OpenStateDatabaseOptions = {}): Promise<DataSource> {
    const dataSource = await createDataSource({ url, entities, migrations, ...(options.counter ? { counter: options.counter } : {}) });
    try {
      if (options.seed ?? true) await declaration.seed(dataSource, options.logger);
      return dataSource;
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
  }

  function buildSchema(): Promise<GraphQLSchema> {
    return buildFederatedSchema({ resolvers, orphanedTypes: declaration.orphanedTypes ?? [] }, declaration.referenceResolvers ?? {});
  }

  const contextFactory = (dataSource: DataSource, logger: Logger, authenticate: Authenticator) => async (authorization?: string): Promise<StateContext<TLoaders>> => ({
    // A token that cannot be verified never fails the request (reads are public); it only makes
    // requireEditor refuse writes with the reason.
    ...(await authenticate(authorization)),
    logger,
    dataSource,
    loaders: declaration.loaders(dataSource),
  });

  async function create(options: StateSubgraphOptions): Promise<SubgraphService<StateContext<TLoaders>>> {
    const logger = options.logger ?? createLogger(state.subgraph);
    // Keys are decoded before the database opens: a bad key stops the start with a ConfigError.
    const authenticate = createAuthenticator(options.auth ?? NO_AUTH_KEYS);
    const dataSource = await openDatabase(options.databaseUrl, { seed: options.seed ?? true, logger, ...(options.counter ? { counter: options.counter } : {}) });
    try {
      return await createSubgraphService<StateContext<TLoaders>>({
        name: state.subgraph,
        schema: await buildSchema(),
        dataSource,
        logger,
        createContext: contextFactory(dataSource, logger, authenticate),
      });
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
  }

  function cliOptions(command: "import" | "export", argv: string[], env: Record<string, string | undefined> = process.env): SubgraphCliOptions {
    // No logger: stdout carries the export and the summary only.
    return stateCliOptions({ subgraph: state.subgraph, state: state.code, open: (url, seed) => openDatabase(url, { seed }), specs: declaration.records }, command, argv, env);
  }

  async function main(rawEnv: Record<string, string | undefined> = process.env): Promise<void> {
    try {
      // The level is read alone first, so the read-only warning of the keys check is logged at it.
      const level = subgraphEnvSchema(state.defaultPort, "").shape.LOG_LEVEL.safeParse(rawEnv.LOG_LEVEL);
      const logger = createLogger(state.subgraph, level.success ? level.data : "info");
      const { env, auth } = readStateEnv(state, rawEnv, logger);
      const service = await create({ databaseUrl: env.DATABASE_URL, seed: env.SEED, logger, auth });
      await service.listen(env.PORT, env.HOST);
      let stopping = false;
      for (const signal of ["SIGINT", "SIGTERM"] as const) {
        process.on(signal, () => {
          // A second signal while draining changes nothing: the first stop finishes.
          if (stopping) return;
          stopping = true;
          logger.info({ signal }, `stopping ${state.subgraph} subgraph`);
          service.close().then(
            () => process.exit(0),
            (err: unknown) => {
              logger.error({ err }, "failed to stop cleanly");
              process.exit(1);
            },
          );
        });
      }
    } catch (err) {
      // A configuration error is the operator's to fix: its message, not a stack trace.
      process.stderr.write(`${err instanceof ConfigError ? `${err.name}: ${err.message}` : ((err as Error)?.stack ?? String(err))}\n`);
      process.exit(1);
    }
  }

  return {
    declaration,
    state,
    openDatabase,
    buildSchema,
    create,
    async printSchema() {
      return printSubgraphSchema(await buildSchema());
    },
    cliOptions,
    async cli(command, argv, run = {}) {
      const options = { ...cliOptions(command, argv, run.env ?? process.env), ...(run.io ? { io: run.io } : {}) };
      return command === "import" ? runImportCommand(options) : runExportCommand(options);
    },
    main,
  };
}
