import type { Source } from "../schema/value-types.js";
import type { SourceLike } from "./validation.js";

/** A source as stored: every field present, blanks as null, the URL trimmed. */
export function normalizeSource(source: SourceLike): Source {
  const clean = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === "" ? null : v.trim());
  return { url: (source.url ?? "").trim(), publisher: clean(source.publisher), title: clean(source.title), publishedOn: clean(source.publishedOn) };
}

/**
 * Attaches sources to a record's list: new URLs are appended in order, a URL already cited is
 * kept once (its recorded details win). Returns the merged list and the sources actually added,
 * so a mutation can tell "nothing new" from a change.
 */
export function attachSources(existing: readonly Source[], added: readonly SourceLike[]): { sources: Source[]; added: Source[] } {
  const sources = existing.map((s) => normalizeSource(s));
  const seen = new Set(sources.map((s) => s.url));
  const fresh: Source[] = [];
  for (const s of added) {
    const source = normalizeSource(s);
    if (seen.has(source.url)) continue;
    seen.add(source.url);
    sources.push(source);
    fresh.push(source);
  }
  return { sources, added: fresh };
}
