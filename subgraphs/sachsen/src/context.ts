import type { StateContext } from "@laenderhub/shared";
import type { SachsenLoaders } from "./loaders/index.js";

/** The resolver context of the Sachsen subgraph: the shared base plus this request's loaders. */
export type SachsenContext = StateContext<SachsenLoaders>;
