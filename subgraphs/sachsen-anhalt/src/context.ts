import type { StateContext } from "@laenderhub/shared";
import type { SachsenAnhaltLoaders } from "./loaders/index.js";

/** The resolver context of the Sachsen-Anhalt subgraph: the shared base plus this request's loaders. */
export type SachsenAnhaltContext = StateContext<SachsenAnhaltLoaders>;
