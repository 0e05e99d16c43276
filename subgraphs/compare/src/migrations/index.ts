import { CreateGazetteer1732200000000 } from "./1732200000000-create-gazetteer.js";

/** Every migration of the gazetteer, in order (listed explicitly, never globbed). */
export const COMPARE_MIGRATIONS: Function[] = [CreateGazetteer1732200000000];
