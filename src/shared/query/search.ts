import type { FilterField } from '../search-config.ts';
import { entryPath } from '../urls.ts';
import { analyzeQuery } from './analyze-query.ts';
import { loadTexts, statementAt, taggedEntries, type EntryInfo, type SearchEngine } from './engine.ts';
import { highlightRanges, type Range } from './highlight.ts';
import { rankEntries } from './rank.ts';

/** One search result: an entry and its best-matching statement, with highlight ranges. */
export interface SearchResult extends Pick<EntryInfo, 'id' | 'title' | 'type' | 'topics' | 'source'> {
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

/** A ranked search hit before its statement texts are loaded: the entry and the statement to show. */
export interface SearchHit {
  entry: EntryInfo;
  /** Statement to show as the snippet. */
  statement: number | null;
  /** Index terms that matched (for highlighting). */
  terms: Set<string>;
}

/** Ranks entries for a partial query (search as you type), optionally filtered by topic, source and type. Sync. */
export function searchHits(engine: SearchEngine, raw: string, options: { filters?: SearchFilters; limit?: number } = {}): SearchHit[] {
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
    return [...allowed]
      .map((n) => engine.entries[n])
      .sort((a, b) => a.title.localeCompare(b.title))
      .slice(0, limit)
      .map((entry) => ({ entry, statement: entry.statements[0] ?? null, terms: new Set<string>() }));
  }
  return rankEntries(engine, query, { allowed, depth: limit })
    .slice(0, limit)
    .map((r) => ({
      entry: r.entry,
      statement: r.matched[0] ?? r.matchedOutdated.find((k) => statementAt(engine, k).e === r.entry.n) ?? r.entry.statements[0] ?? null,
      terms: r.terms,
    }));
}

/** A hit as a result to show; its snippet and anchor are empty until its entry's texts are loaded. */
export function toResult(engine: SearchEngine, hit: SearchHit): SearchResult {
  const { entry } = hit;
  const s = hit.statement === null ? undefined : statementAt(engine, hit.statement);
  return {
    id: entry.id,
    title: entry.title,
    type: entry.type,
    topics: entry.topics,
    source: entry.source,
    url: `${entryPath(entry.id)}${s?.id ? `#${s.id}` : ''}`,
    snippet: s?.text ?? '',
    snippetMarks: s?.text ? highlightRanges(s.text, hit.terms, engine.lexicon) : [],
    titleMarks: highlightRanges(entry.title, hit.terms, engine.lexicon),
    outdated: s?.status === 'outdated',
  };
}

/**
 * Search as you type, complete with snippets: ranks, then reads the statement files of the results shown.
 */
export async function searchEntries(engine: SearchEngine, raw: string, options: { filters?: SearchFilters; limit?: number } = {}): Promise<SearchResult[]> {
  await engine.prepare?.(raw, { filters: options.filters });
  const hits = searchHits(engine, raw, options);
  await loadTexts(engine, hits.map((h) => h.entry.n));
  return hits.map((h) => toResult(engine, h));
}
