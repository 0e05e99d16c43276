// The write path: audit history, validation helpers, bulk import/export.
export * from "./audit-entry.js";
export * from "./audit-migration.js";
export * from "./record-change.js";
export * from "./transaction.js";
export * from "./validation.js";
export * from "./sources.js";
export * from "./history.js";
export * from "./formats.js";
export * from "./import.js";
export * from "./export.js";
export * from "./cli.js";
