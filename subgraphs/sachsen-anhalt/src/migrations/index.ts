import { WRITE_MIGRATIONS } from "@laenderhub/shared";
import { SachsenAnhaltInitialSchema1763726400000 } from "./1763726400000-initial-schema.js";
import { SachsenAnhaltContractViews1763726400001 } from "./1763726400001-contract-views.js";
import { SachsenAnhaltContractTally1763726400002 } from "./1763726400002-contract-tally.js";

export { SachsenAnhaltInitialSchema1763726400000 } from "./1763726400000-initial-schema.js";
export { SACHSEN_ANHALT_CONTRACT_VIEWS, SachsenAnhaltContractViews1763726400001 } from "./1763726400001-contract-views.js";

/**
 * Every migration of the subgraph, in order (listed explicitly: no globs): the shared audit
 * table first (it stands alone), then the state's tables and the contract views.
 */
export const SachsenAnhalt_MIGRATIONS: Function[] = [...WRITE_MIGRATIONS, SachsenAnhaltInitialSchema1763726400000, SachsenAnhaltContractViews1763726400001, SachsenAnhaltContractTally1763726400002];
export { SachsenAnhaltContractTally1763726400002 };
