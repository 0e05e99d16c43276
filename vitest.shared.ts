import { fileURLToPath } from "node:url";
import { defineProject, type UserWorkspaceConfig } from "vitest/config";

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Workspace packages resolve to their TypeScript sources in tests: no build needed first. */
export const sourceAliases = [
  { find: /^@laenderhub\/shared\/testing$/, replacement: root("./shared/src/testing/index.ts") },
  { find: /^@laenderhub\/shared\/contract-checks$/, replacement: root("./shared/src/testing/contract-checks.ts") },
  { find: /^@laenderhub\/shared$/, replacement: root("./shared/src/index.ts") },
  { find: /^@laenderhub\/subgraph-saarland$/, replacement: root("./subgraphs/saarland/src/index.ts") },
  { find: /^@laenderhub\/subgraph-sachsen$/, replacement: root("./subgraphs/sachsen/src/index.ts") },
  { find: /^@laenderhub\/subgraph-sachsen-anhalt$/, replacement: root("./subgraphs/sachsen-anhalt/src/index.ts") },
  { find: /^@laenderhub\/subgraph-compare$/, replacement: root("./subgraphs/compare/src/index.ts") },
  { find: /^@laenderhub\/gateway$/, replacement: root("./gateway/src/index.ts") },
];

/**
 * The vitest project every package uses: legacy (experimental) decorators for type-graphql and
 * TypeORM, no decorator metadata (so every decorator names its type explicitly), sources aliased.
 */
export function laenderhubProject(name: string, extra: UserWorkspaceConfig["test"] = {}) {
  return defineProject({
    oxc: { decorator: { legacy: true, emitDecoratorMetadata: false } },
    resolve: { alias: sourceAliases },
    test: {
      name,
      // @apollo/gateway (compare's federation test, the second-runtime test) would otherwise
      // start a usage exporter that probes cloud metadata addresses: tests talk to loopback only.
      env: { APOLLO_TELEMETRY_DISABLED: "true" },
      include: ["tests/**/*.test.ts"],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...extra,
    },
  } as never);
}
