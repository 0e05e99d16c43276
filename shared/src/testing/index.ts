// Test kits for vitest. Not part of the runtime entry point: import from "@laenderhub/shared/testing".
export * from "./contract-conformance.js";
export * from "./execute.js";
export * from "./import-crash.js";
export * from "./contract-scale.js";
