import type { SearchDocument, SearchDoc, SearchMeta, SearchSource } from '../search-config.ts';
import { compileLexicon, type Lexicon } from './lexicon.ts';

/** An entry as the query side sees it. */
export interface EntryInfo {
  /** Document number. */
  n: number;
  id: string;
  title: string;
  type: string;
  topics: string[];
  source: string;
  /** Link to the original document's section. */
  url: string;
  related: number[];
  wizard: string | null;
  verdict: string | null;
  question: boolean;
  /** Statement numbers, in reading order. */
  statements: number[];
  /** Outdated statements (anywhere) that statements of this entry supersede. */
  supersedes: number[];
  /** The statement the title was made from (the title is its opening words), if any. */
  titleFrom: number | null;
}

/** A statement as the query side sees it. */
export interface StatementInfo {
  n: number;
  /** Entry number. */
  e: number;
  /** Anchor id. */
  id: string;
  text: string;
  kind: string;
  status: 'current' | 'outdated' | 'dated';
  asOf: string | null;
  /** Statement numbers that supersede this one. */
  sup: number[];
}

/** Everything a query needs: the FlexSearch Document, the entries and statements it stores, the lexicon. */
export interface SearchEngine {
  doc: SearchDocument;
  meta: SearchMeta;
  lexicon: Lexicon;
  entries: EntryInfo[];
  statements: StatementInfo[];
  sources: Map<string, SearchSource>;
  topicLabels: Map<string, string>;
  /** Index terms, sorted (typo correction and prefix completion). */
  vocabulary: string[];
  vocabularySet: Set<string>;
  /** Term lookups, memoised: entries whose title has the term, statements whose text has it. */
  cache: Map<string, TermPostings>;
}

/** Where one index term occurs. */
export interface TermPostings {
  titles: number[];
  statements: number[];
  /** Number of distinct entries with the term anywhere. */
  df: number;
}

/** Statement number → index into `engine.statements`. */
export function statementAt(engine: SearchEngine, n: number): StatementInfo {
  return engine.statements[n - engine.meta.entries];
}

/** Builds the query-side view of an imported index. `vocabulary` lists its index terms. */
export function createEngine(doc: SearchDocument, meta: SearchMeta, vocabulary: Iterable<string>): SearchEngine {
  const get = (n: number) => (doc.get(n) ?? {}) as Partial<SearchDoc>;
  const entries: EntryInfo[] = [];
  for (let n = 0; n < meta.entries; n++) {
    const d = get(n);
    entries.push({
      n,
      id: d.id ?? String(n),
      title: d.title ?? '',
      type: d.type ?? '',
      topics: d.topics ?? [],
      source: d.source ?? '',
      url: d.url ?? '',
      related: d.related ?? [],
      wizard: d.wizard ?? null,
      verdict: d.verdict ?? null,
      question: d.q === 1,
      statements: [],
      supersedes: [],
      titleFrom: null,
    });
  }
  const statements: StatementInfo[] = [];
  for (let n = meta.entries; n < meta.entries + meta.statements; n++) {
    const d = get(n);
    const status = d.status === 'outdated' || d.status === 'dated' ? d.status : 'current';
    const info: StatementInfo = { n, e: d.e ?? 0, id: d.s ?? '', text: d.text ?? '', kind: d.kind ?? 'sentence', status, asOf: d.asOf ?? null, sup: d.sup ?? [] };
    statements.push(info);
    entries[info.e]?.statements.push(n);
  }
  const engine: SearchEngine = {
    doc,
    meta,
    lexicon: compileLexicon(meta.synonyms, meta.abbreviations),
    entries,
    statements,
    sources: new Map(meta.sources.map((s) => [s.id, s])),
    topicLabels: new Map(meta.topics.map((t) => [t.id, t.label])),
    vocabulary: [...new Set(vocabulary)].sort(),
    vocabularySet: new Set(vocabulary),
    cache: new Map(),
  };
  for (const entry of entries) {
    const head = entry.title.replace(/…$/, '').trim();
    const from = entry.statements.find((n) => statementAt(engine, n).text.startsWith(head));
    if (head && from !== undefined) entry.titleFrom = from;
  }
  for (const s of statements) {
    if (s.status !== 'outdated') continue;
    for (const target of s.sup) {
      const owner = entries[statementAt(engine, target)?.e ?? -1];
      if (owner && !owner.supersedes.includes(s.n)) owner.supersedes.push(s.n);
    }
  }
  return engine;
}

/** Looks one index term up in FlexSearch (memoised). */
export function postings(engine: SearchEngine, term: string): TermPostings {
  const hit = engine.cache.get(term);
  if (hit) return hit;
  const results = engine.doc.search(term, { index: ['t', 'x'], limit: 100_000 }) as unknown as { field: string; result: number[] }[];
  const titles = results.find((r) => r.field === 't')?.result ?? [];
  const stmts = results.find((r) => r.field === 'x')?.result ?? [];
  const seen = new Set<number>(titles);
  for (const n of stmts) seen.add(statementAt(engine, n)?.e ?? -1);
  seen.delete(-1);
  const value = { titles, statements: stmts, df: seen.size };
  if (engine.cache.size > 5000) engine.cache.clear();
  engine.cache.set(term, value);
  return value;
}

/** Entry numbers carrying a tag value (FlexSearch tag search, no query). */
export function taggedEntries(engine: SearchEngine, field: string, value: string): Set<number> {
  const results = engine.doc.search({ tag: { [field]: value }, limit: 100_000 }) as unknown as { result: number[] }[];
  return new Set(results.flatMap((r) => r.result));
}
