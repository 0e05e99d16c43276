import { COMPARE_DEFAULT_PORT, STATE_SUBGRAPHS, type StateCode, type StateSubgraph } from "@laenderhub/shared";

/** The name of the compare subgraph in the supergraph. */
export const COMPARE_SUBGRAPH = "compare";

/** Where the compare subgraph listens when nothing else is configured. */
export const COMPARE_DEFAULT_URL = `http://localhost:${COMPARE_DEFAULT_PORT}/graphql`;

/** One subgraph of the supergraph: where its SDL comes from and its default local URL. */
export interface SubgraphSource {
  /** Subgraph name in the supergraph; also the folder under `subgraphs/`. */
  name: string;
  /** The workspace package exporting the print function. */
  packageName: string;
  /** Name of the exported `() => Promise<string>` printing the subgraph's SDL. */
  printer: string;
  /** The URL written into the supergraph (the gateway overrides it from its configuration). */
  defaultUrl: string;
  /** Set for state subgraphs. */
  state: { code: StateCode; name: string } | null;
}

const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Every subgraph of the federation, derived from the shared registry so that adding a state
 * needs no change here: state `x` with entry field `fooBar` lives in package
 * `@laenderhub/subgraph-x` and exports `printFooBarSchema()`. The compare subgraph comes last.
 */
export const SUBGRAPH_SOURCES: readonly SubgraphSource[] = [
  ...STATE_SUBGRAPHS.map((s) => ({
    name: s.subgraph,
    packageName: `@laenderhub/subgraph-${s.subgraph}`,
    printer: `print${upperFirst(s.entryField)}Schema`,
    defaultUrl: `http://localhost:${s.defaultPort}/graphql`,
    state: { code: s.code, name: s.name },
  })),
  {
    name: COMPARE_SUBGRAPH,
    packageName: "@laenderhub/subgraph-compare",
    printer: "printCompareSchema",
    defaultUrl: COMPARE_DEFAULT_URL,
    state: null,
  },
];

/** Where each subgraph is reached at run time; states missing from the registry map to null. */
export function resolveSubgraphUrls(registry: readonly StateSubgraph[], compareUrl: string): Map<string, string | null> {
  const urls = new Map<string, string | null>();
  for (const source of SUBGRAPH_SOURCES) {
    if (source.name === COMPARE_SUBGRAPH) urls.set(source.name, compareUrl);
    else urls.set(source.name, registry.find((s) => s.subgraph === source.name)?.url ?? null);
  }
  return urls;
}
