import { Municipality } from "./municipality.entity.js";

export { Municipality };
/** Every TypeORM entity of the compare subgraph. */
export const COMPARE_ENTITIES: Function[] = [Municipality];
