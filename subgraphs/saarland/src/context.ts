import type { StateContext } from "@laenderhub/shared";
import type { SaarlandLoaders } from "./loaders/index.js";

/** The resolver context of the Saarland subgraph: the shared base plus this request's loaders. */
export type SaarlandContext = StateContext<SaarlandLoaders>;
