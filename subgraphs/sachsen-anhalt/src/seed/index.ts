export { seedSachsenAnhalt } from "./seed.js";
export { buildSeedRows, preventionBodyId, SeedDataError, type SachsenAnhaltSeedRows } from "./map.js";
export {
  EVENT_HALF_YEAR,
  LANDESPRAEVENTIONSRAT,
  LPR_NOTE_PREFIX,
  PREVENTION_BODY_ACTORS,
  SIGNED_DAY_MONTH_FROM_NOTE,
  SIGNED_MONTH_FROM_NOTE,
  STRATEGIC_LINE_EXTRAS,
} from "./from-notes.js";
