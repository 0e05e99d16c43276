import { WRITE_MIGRATIONS } from "@laenderhub/shared";
import { SaarlandSchema1732190400000 } from "./1732190400000-saarland-schema.js";
import { SaarlandContractViews1732190400001 } from "./1732190400001-saarland-contract-views.js";
import { SaarlandContractTally1732190400002 } from "./1732190400002-saarland-contract-tally.js";

export { SaarlandSchema1732190400000 } from "./1732190400000-saarland-schema.js";
export { SaarlandContractViews1732190400001 } from "./1732190400001-saarland-contract-views.js";

/** The Saarland migrations in the order they run (listed explicitly, no globs): the shared audit table first. */
export const Saarland_MIGRATIONS: Function[] = [...WRITE_MIGRATIONS, SaarlandSchema1732190400000, SaarlandContractViews1732190400001, SaarlandContractTally1732190400002];
export { SaarlandContractTally1732190400002 };
