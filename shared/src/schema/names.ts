/**
 * A sort key for German names that orders the same in SQLite, PostgreSQL and JavaScript:
 * lower case, umlauts and ß folded, other accents removed (`Öhringen` → `oehringen`).
 */
export function sortableName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .trim();
}
