// Bulk import and export: one RecordIoSpec per record type of the state.
export * from "./record-io.js";
export * from "./specs.js";
