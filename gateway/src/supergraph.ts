import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The committed supergraph (`gateway/supergraph.graphql`), from both src/ and dist/. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));

/**
 * Reads the committed, statically composed supergraph. The gateway never composes at start:
 * what runs is what was reviewed.
 */
export function readSupergraphSdl(path: string = SUPERGRAPH_PATH): string {
  return readFileSync(path, "utf8");
}
