import type { FilterField } from '../search-config.ts';
import { entryPath } from '../urls.ts';
import { analyzeQuery } from './analyze-query.ts';
import { loadTexts, statementAt, taggedEntries, type SearchEngine } from './engine.ts';
import { highlightRanges, type Range } from './highlight.ts';
import { rankEntries } from './rank.ts';

/** One search result: an entry and its best-matching statement, with highlight ranges. */
export interface SearchResult {
  id: string;
  title: string;
  type: string;
  topics: string[];
  source: string;
  /** Site path of the best-matching statement (entry page + anchor), without the deploy base. */
  url: string;
  /** The best-matching statement (or the entry's first statement). */
  snippet: string;
  snippetMarks: Range[];
  titleMarks: Range[];
  /** True when the snippet is an outdated statement. */
  outdated: boolean;
}

/** Filters: one value per field, all must hold. */
export type SearchFilters = Partial<Record<FilterField, string>>;

/**
 * Search as you type: ranked entries for a partial query, optionally filtered by topic, source and type. Only the
 * statement files of the results shown are read.
 */
export async function searchEntries(engine: SearchEngine, raw: string, options: { filters?: SearchFilters; limit?: number } = {}): Promise<SearchResult[]> {
  const limit = options.limit ?? 10;
  let allowed: Set<number> | undefined;
  for (const [field, value] of Object.entries(options.filters ?? {})) {
    if (!value) continue;
    const tagged = taggedEntries(engine, field, value);
    allowed = allowed ? new Set([...allowed].filter((n) => tagged.has(n))) : tagged;
  }
  const query = analyzeQuery(engine, raw, { prefix: true });
  if (query.slots.length === 0) {
    if (!allowed) return [];
    const listed = [...allowed]
      .map((n) => engine.entries[n])
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, limit);
    await loadTexts(engine, listed.map((e) => e.n));
    return listed.map((entry) => {
      const first = statementAt(engine, entry.statements[0]);
      return { id: entry.id, title: entry.title, type: entry.type, topics: entry.topics, source: entry.source, url: entryPath(entry.id), snippet: first?.text ?? '', snippetMarks: [], titleMarks: [], outdated: first?.status === 'outdated' };
    });
  }
  const ranked = rankEntries(engine, query, allowed).slice(0, limit);
  await loadTexts(engine, ranked.map((r) => r.entry.n));
  return ranked.map((r) => {
    const entry = r.entry;
    const n = r.matched[0] ?? r.matchedOutdated.find((k) => statementAt(engine, k).e === entry.n) ?? entry.statements[0];
    const s = statementAt(engine, n);
    return {
      id: entry.id,
      title: entry.title,
      type: entry.type,
      topics: entry.topics,
      source: entry.source,
      url: `${entryPath(entry.id)}${s ? `#${s.id}` : ''}`,
      snippet: s?.text ?? '',
      snippetMarks: s ? highlightRanges(s.text, r.terms, engine.lexicon) : [],
      titleMarks: highlightRanges(entry.title, r.terms, engine.lexicon),
      outdated: s?.status === 'outdated',
    };
  });
}
