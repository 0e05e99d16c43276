export { buildSachsenSeed, seedSachsen, type SachsenSeedRows, type SeedResult } from "./seed.js";
export { SIGNED_DAY_MONTH_FROM_NOTE, SIGNED_MONTH_FROM_NOTE } from "./date-tables.js";
