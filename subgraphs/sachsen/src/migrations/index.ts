import { WRITE_MIGRATIONS } from "@laenderhub/shared";
import { SachsenSchema1763800000000 } from "./1763800000000-sachsen-schema.js";
import { SachsenComparativeViews1763800000001 } from "./1763800000001-sachsen-comparative-views.js";
import { SachsenContractTally1763800000002 } from "./1763800000002-sachsen-contract-tally.js";

export { SachsenSchema1763800000000, SachsenComparativeViews1763800000001 };
export { SACHSEN_COMPARATIVE_VIEWS } from "./1763800000001-sachsen-comparative-views.js";

/**
 * Every migration of the Sachsen subgraph, oldest first (listed explicitly, never globbed):
 * the shared audit table of the write path, then Sachsen's tables and views.
 */
export const Sachsen_MIGRATIONS: Function[] = [...WRITE_MIGRATIONS, SachsenSchema1763800000000, SachsenComparativeViews1763800000001, SachsenContractTally1763800000002];
export { SachsenContractTally1763800000002 };
