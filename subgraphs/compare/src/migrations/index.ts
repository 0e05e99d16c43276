import { CreateGazetteer1732200000000 } from "./1732200000000-create-gazetteer.js";
import { GazetteerRegister1766000000000 } from "./1766000000000-gazetteer-register.js";

/** Every migration of the gazetteer, in order (listed explicitly, never globbed). */
export const COMPARE_MIGRATIONS: Function[] = [CreateGazetteer1732200000000, GazetteerRegister1766000000000];
