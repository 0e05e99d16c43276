// The write path's domain: record shapes, checks and storage shared by mutations and bulk import.
// The helpers of common.ts stay internal; only what callers of the package need is exported.
export { exists, RecordType, SACHSEN_ANHALT_PROGRAMME_ID, type Draft } from "./common.js";
export * from "./partnership.write.js";
export * from "./municipality.write.js";
export * from "./event.write.js";
export * from "./indicator.write.js";
export * from "./programme.write.js";
