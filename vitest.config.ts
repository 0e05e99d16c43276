import { defineConfig } from "vitest/config";

// One vitest run over every package. Tests import workspace packages from their TypeScript
// sources (see vitest.shared.ts), so `npm test` needs no build in between.
export default defineConfig({
  test: {
    projects: ["shared", "subgraphs/*", "gateway", "test"],
  },
});
