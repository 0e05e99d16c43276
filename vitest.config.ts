import { defineConfig } from "vitest/config";

// One vitest run over every package. Tests import workspace packages from their TypeScript
// sources (see vitest.shared.ts); the few that run the built CLIs rely on the one build in
// vitest.global-setup.ts.
export default defineConfig({
  test: {
    globalSetup: ["./vitest.global-setup.ts"],
    projects: ["shared", "subgraphs/*", "gateway", "test"],
  },
});
