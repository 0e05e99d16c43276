import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DataSource, type EntitySchema, type Logger as TypeOrmLogger, type MixedList, type QueryRunner } from "typeorm";

/**
 * Counts the SQL statements a data source runs, so tests can prove that a request issues a
 * bounded number of them whatever the page size (DataLoader batching is proven, not assumed).
 */
export class QueryCounter implements TypeOrmLogger {
  count = 0;
  readonly statements: string[] = [];
  private recording = false;

  /** Starts a fresh count and records statements until `stop()`. */
  start(): void {
    this.count = 0;
    this.statements.length = 0;
    this.recording = true;
  }

  stop(): number {
    this.recording = false;
    return this.count;
  }

  logQuery(query: string, _parameters?: unknown[], _queryRunner?: QueryRunner): void {
    if (!this.recording) return;
    // Transaction control is not work done for the request.
    if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(query)) return;
    this.count++;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export interface DataSourceConfig {
  /**
   * Where the data lives: a SQLite file path, `:memory:`, or a `postgres://` URL.
   */
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  /** Only for throw-away test databases; real data is always migrated. */
  synchronize?: boolean;
  /** Optional statement counter (see QueryCounter). */
  counter?: QueryCounter;
}

/**
 * Creates and initialises a TypeORM DataSource: SQLite through better-sqlite3 (WAL mode,
 * foreign keys on) by default, PostgreSQL when the url says so. Pending migrations are run.
 */
export async function createDataSource(config: DataSourceConfig): Promise<DataSource> {
  const common = {
    entities: config.entities,
    migrations: config.migrations,
    synchronize: config.synchronize ?? false,
    migrationsRun: false,
    logging: config.counter ? (["query"] as ("query")[]) : false,
    ...(config.counter ? { logger: config.counter } : {}),
  };
  let dataSource: DataSource;
  if (/^postgres(ql)?:\/\//.test(config.url)) {
    dataSource = new DataSource({ type: "postgres", url: config.url, ...common } as never);
  } else {
    if (config.url !== ":memory:") mkdirSync(dirname(config.url), { recursive: true });
    dataSource = new DataSource({
      type: "better-sqlite3",
      database: config.url,
      enableWAL: config.url !== ":memory:",
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma("foreign_keys = ON");
        db.pragma("busy_timeout = 5000");
      },
      ...common,
    });
  }
  await dataSource.initialize();
  if (!common.synchronize) await dataSource.runMigrations({ transaction: "all" });
  return dataSource;
}
