import { pino, type Logger } from "pino";

/** One JSON logger per service; level from LOG_LEVEL (silent in tests by default). */
export function createLogger(name: string, level: string = process.env.LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info")): Logger {
  return pino({ name, level });
}
export type { Logger };
