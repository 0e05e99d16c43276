import { z } from "zod";
import { STATE_NAMES, StateCode } from "./vocabulary.js";

/**
 * The registry of state subgraphs: one configuration that the gateway and the compare
 * subgraph share. Adding a state means a new subgraph that passes the contract tests and
 * one entry here.
 */
export interface StateSubgraph {
  code: StateCode;
  name: string;
  /** Subgraph name in the supergraph (also the npm package suffix). */
  subgraph: string;
  /** The GraphQL endpoint (`…/graphql`). */
  url: string;
  /** Concrete types of this state that implement the shared `Participation` interface. */
  participationTypes: string[];
  /** Namespace entry field on Query (e.g. `saarland`). */
  entryField: string;
}

export interface RegistryEntryDefaults extends Omit<StateSubgraph, "url"> {
  defaultPort: number;
}

/** The states laenderhub knows, with their default local ports. */
export const STATE_SUBGRAPHS: readonly RegistryEntryDefaults[] = [
  { code: StateCode.SL, name: STATE_NAMES.SL, subgraph: "saarland", entryField: "saarland", participationTypes: ["SaarlandSecurityPartnership"], defaultPort: 4001 },
  { code: StateCode.SN, name: STATE_NAMES.SN, subgraph: "sachsen", entryField: "sachsen", participationTypes: ["AsskommMembership"], defaultPort: 4002 },
  { code: StateCode.ST, name: STATE_NAMES.ST, subgraph: "sachsen-anhalt", entryField: "sachsenAnhalt", participationTypes: ["SachsenAnhaltLocalPartnership"], defaultPort: 4003 },
];

export const COMPARE_DEFAULT_PORT = 4010;
export const GATEWAY_DEFAULT_PORT = 4000;

/** Env variable that overrides a state subgraph's URL, e.g. `SUBGRAPH_URL_SL`. */
export const subgraphUrlVariable = (code: StateCode): string => `SUBGRAPH_URL_${code}`;

/** The registry of a deployment and the known states it leaves out. */
export interface ResolvedRegistry {
  /** The configured state subgraphs, as `resolveRegistry` returns them. */
  registry: StateSubgraph[];
  /** Known states that `SUBGRAPH_STATES` leaves out: they exist, but this deployment does not serve them. */
  omitted: StateCode[];
}

/**
 * Resolves the registry from the environment and names the states it leaves out:
 * `SUBGRAPH_URL_<CODE>` overrides the default `http://localhost:<port>/graphql`;
 * `SUBGRAPH_STATES` (comma-separated codes) restricts the registry to some states.
 */
export function resolveRegistryWithOmitted(env: Record<string, string | undefined> = process.env): ResolvedRegistry {
  const only = env.SUBGRAPH_STATES ? z.array(z.enum(StateCode)).parse(env.SUBGRAPH_STATES.split(",").map((s) => s.trim())) : null;
  const served = STATE_SUBGRAPHS.filter((s) => !only || only.includes(s.code));
  return {
    registry: served.map(({ defaultPort, ...s }) => ({
      ...s,
      url: z.url().parse(env[subgraphUrlVariable(s.code)] ?? `http://localhost:${defaultPort}/graphql`),
    })),
    omitted: STATE_SUBGRAPHS.filter((s) => !served.includes(s)).map((s) => s.code),
  };
}

/**
 * Resolves the registry from the environment: `SUBGRAPH_URL_<CODE>` overrides the default
 * `http://localhost:<port>/graphql`; `SUBGRAPH_STATES` (comma-separated codes) restricts the
 * registry to some states.
 */
export function resolveRegistry(env: Record<string, string | undefined> = process.env): StateSubgraph[] {
  return resolveRegistryWithOmitted(env).registry;
}

/** The state a global id belongs to (`SL-…` → SL), or null. */
export function stateOfId(id: string): StateCode | null {
  const prefix = id.slice(0, 2);
  return (Object.values(StateCode) as string[]).includes(prefix) && id[2] === "-" ? (prefix as StateCode) : null;
}
