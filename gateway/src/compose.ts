import { isMainModule } from "./entry.js";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { CACHE_KEYS_PATH, cacheKeysOf, clientSchema, CLIENT_SCHEMA_PATH, possibleTypesOf, POSSIBLE_TYPES_PATH, printClientSchema } from "./client-schema.js";
import { SUBGRAPH_SOURCES, type SubgraphSource } from "./subgraphs.js";
import { SUPERGRAPH_PATH } from "./supergraph.js";

/** One subgraph's SDL as composed. */
export interface ComposedSubgraph {
  name: string;
  /** The default local URL recorded in the supergraph. */
  url: string;
  sdl: string;
}

export interface ComposedSupergraph {
  supergraphSdl: string;
  subgraphs: ComposedSubgraph[];
  /** Composition hints (not errors), each prefixed with its code. */
  hints: string[];
}

/** Composition failed; `errors` holds every error with its code. */
export class CompositionError extends Error {
  override name = "CompositionError";
  constructor(readonly errors: { code: string; message: string }[]) {
    super(`composition failed with ${errors.length} error(s):\n${errors.map((e) => `  [${e.code}] ${e.message}`).join("\n")}`);
  }
}

// Both src/ and dist/ sit one level below the package, so the repository root is two up.
const ROOT = new URL("../../", import.meta.url);

/** Path of a subgraph's committed `schema.graphql`. */
export function subgraphSchemaPath(name: string): string {
  return fileURLToPath(new URL(`subgraphs/${name}/schema.graphql`, ROOT));
}

const withFinalNewline = (text: string): string => `${text.trimEnd()}\n`;

async function printSubgraph(source: SubgraphSource): Promise<string> {
  // Imported by name at run time: the gateway's own build and runtime never depend on the
  // subgraph packages, only this composition step does.
  const mod = (await import(/* @vite-ignore */ source.packageName)) as Record<string, unknown>;
  const print = mod[source.printer];
  if (typeof print !== "function") throw new Error(`${source.packageName} does not export ${source.printer}()`);
  return withFinalNewline(await (print as () => Promise<string>)());
}

/**
 * Prints every subgraph's SDL through its package's print function and composes them with
 * @apollo/composition. Subgraph URLs in the result are the registry's local defaults.
 * Throws a {@link CompositionError} listing every composition error with its code.
 */
export async function composeSupergraph(): Promise<ComposedSupergraph> {
  const subgraphs: ComposedSubgraph[] = [];
  for (const source of SUBGRAPH_SOURCES) {
    subgraphs.push({ name: source.name, url: source.defaultUrl, sdl: await printSubgraph(source) });
  }
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new CompositionError(result.errors.map((e) => ({ code: String(e.extensions?.code ?? "COMPOSITION_ERROR"), message: e.message })));
  }
  return {
    supergraphSdl: withFinalNewline(result.supergraphSdl),
    subgraphs,
    hints: result.hints.map((h) => `[${h.definition.code}] ${h.message}`),
  };
}

/**
 * Composes and writes `subgraphs/<name>/schema.graphql`, `gateway/supergraph.graphql`, and for
 * clients the public API schema (`gateway/api.graphql`), `gateway/possibleTypes.json` and
 * `gateway/cache-keys.json`.
 */
export async function writeSupergraph(): Promise<ComposedSupergraph> {
  const composed = await composeSupergraph();
  for (const s of composed.subgraphs) await writeFile(subgraphSchemaPath(s.name), s.sdl);
  await writeFile(SUPERGRAPH_PATH, composed.supergraphSdl);
  const api = clientSchema(composed.supergraphSdl);
  await writeFile(CLIENT_SCHEMA_PATH, printClientSchema(api));
  await writeFile(POSSIBLE_TYPES_PATH, `${JSON.stringify(possibleTypesOf(api), null, 2)}\n`);
  await writeFile(CACHE_KEYS_PATH, `${JSON.stringify(cacheKeysOf(api), null, 2)}\n`);
  return composed;
}

function countByCode(hints: string[]): string {
  const counts = new Map<string, number>();
  for (const hint of hints) {
    const code = /^\[(\w+)\]/.exec(hint)?.[1] ?? "HINT";
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts].map(([code, n]) => `${code} ×${n}`).join(", ");
}


if (isMainModule(import.meta.url)) {
  writeSupergraph().then(
    (composed) => {
      // Hints are advice, not errors (mostly descriptions that differ between subgraphs):
      // counted by code, in full with --verbose.
      if (process.argv.includes("--verbose")) for (const hint of composed.hints) console.warn(`hint ${hint}`);
      else if (composed.hints.length > 0) console.warn(`${composed.hints.length} composition hint(s): ${countByCode(composed.hints)} (--verbose shows them)`);
      for (const s of composed.subgraphs) console.log(`wrote ${subgraphSchemaPath(s.name)}`);
      console.log(`wrote ${SUPERGRAPH_PATH} (${composed.subgraphs.map((s) => s.name).join(", ")})`);
      console.log(`wrote ${CLIENT_SCHEMA_PATH}, ${POSSIBLE_TYPES_PATH} and ${CACHE_KEYS_PATH} for clients`);
      // Subgraph modules may hold handles (loggers, pools); composition is done.
      process.exit(0);
    },
    (err: unknown) => {
      if (err instanceof CompositionError) {
        console.error(`composition failed with ${err.errors.length} error(s):`);
        for (const e of err.errors) console.error(`  [${e.code}] ${e.message}`);
      } else {
        console.error(err);
      }
      process.exit(1);
    },
  );
}
