// Test kits for vitest (contract conformance). Not part of the runtime entry point.
export {};
