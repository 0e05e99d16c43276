import type { BaseContext } from "@laenderhub/shared";
import type { SachsenAnhaltLoaders } from "./loaders/index.js";

/** The resolver context of the Sachsen-Anhalt subgraph: the shared base plus this request's loaders. */
export interface SachsenAnhaltContext extends BaseContext {
  loaders: SachsenAnhaltLoaders;
}
