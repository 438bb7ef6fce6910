import type { EntryTexts, SearchDocument, SearchDoc, SearchMeta, SearchSource, StatedCeiling } from '../search-config.ts';
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

/** A statement as the query side sees it (its anchor and text arrive with its entry's text file). */
export interface StatementInfo {
  /** Statement number (entry order, from 0). */
  n: number;
  /** Entry number. */
  e: number;
  /** Anchor id ('' until the entry's texts are loaded). */
  id: string;
  /** Text ('' until the entry's texts are loaded). */
  text: string;
  status: 'current' | 'outdated' | 'dated';
  asOf: string | null;
  /** Statement numbers that supersede this one. */
  sup: number[];
  /** Ceilings the statement states ("a maximum of 100 node pools"; empty until the entry's texts are loaded). */
  max: StatedCeiling[];
  /** True for a list item (false until the entry's texts are loaded). */
  bullet: boolean;
}

/** Reads one entry's statement file (`EntryTexts`) by entry number. */
export type ReadEntryTexts = (entry: number) => Promise<EntryTexts>;

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
  /** Term lookups, memoised. */
  cache: Map<string, TermPostings>;
  /** Number of entries with each index term (filled from the exported maps when loading). */
  df: Map<string, number>;
  /** Entry texts: loaded or loading, by entry number. */
  texts: Map<number, Promise<void>>;
  readTexts: ReadEntryTexts;
  /** A lazily loaded (chunked) index fetches what a query needs here; awaited before searching, absent otherwise. */
  prepare?: (text: string, options?: { filters?: Partial<Record<string, string>>; prefix?: boolean }) => Promise<void>;
}

/** Where one index term occurs. */
export interface TermPostings {
  /** Entries whose title or section path has the term. */
  titles: number[];
  /** Statements whose text has the term. */
  statements: number[];
}

/** The statement with a number. */
export function statementAt(engine: SearchEngine, n: number): StatementInfo {
  return engine.statements[n];
}

/** True when an entry's title is one of its statements and that statement is outdated. */
export function titledByOutdated(engine: SearchEngine, entry: EntryInfo): boolean {
  return entry.titleFrom !== null && statementAt(engine, entry.titleFrom)?.status === 'outdated';
}

/** Lookups every engine derives from the search metadata: the query lexicon, sources and topic labels by id. */
export function metaLookups(meta: SearchMeta): Pick<SearchEngine, 'lexicon' | 'sources' | 'topicLabels'> {
  return {
    lexicon: compileLexicon(meta.synonyms, meta.abbreviations),
    sources: new Map(meta.sources.map((s) => [s.id, s])),
    topicLabels: new Map(meta.topics.map((t) => [t.id, t.label])),
  };
}

/** Records on each entry the outdated statements its own statements replaced (read from their `sup` lists). */
export function linkSupersedes(entries: EntryInfo[], statements: StatementInfo[]): void {
  for (const s of statements) {
    if (s.status !== 'outdated') continue;
    for (const target of s.sup) {
      const owner = entries[statements[target]?.e ?? -1];
      if (owner && !owner.supersedes.includes(s.n)) owner.supersedes.push(s.n);
    }
  }
}

/** Builds the query-side view of an imported index. `vocabulary` lists its index terms. */
export function createEngine(doc: SearchDocument, meta: SearchMeta, vocabulary: Iterable<string>, readTexts: ReadEntryTexts): SearchEngine {
  const get = (n: number) => (doc.get(n) ?? {}) as Partial<SearchDoc>;
  const entries: EntryInfo[] = [];
  const statements: StatementInfo[] = [];
  for (let n = 0; n < meta.entries; n++) {
    const d = get(n);
    const first = statements.length;
    for (let k = 0; k < (d.c ?? 0); k++) {
      const s = get(meta.entries + statements.length);
      const status = s.status === 'outdated' || s.status === 'dated' ? s.status : 'current';
      statements.push({ n: statements.length, e: n, id: '', text: '', status, asOf: s.asOf ?? null, sup: s.sup ?? [], max: [], bullet: false });
    }
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
      statements: statements.slice(first).map((s) => s.n),
      supersedes: [],
      titleFrom: d.tf === undefined ? null : first + d.tf,
    });
  }
  linkSupersedes(entries, statements);
  const terms = [...new Set(vocabulary)].sort();
  return {
    doc,
    meta,
    ...metaLookups(meta),
    entries,
    statements,
    vocabulary: terms,
    vocabularySet: new Set(terms),
    cache: new Map(),
    df: new Map(),
    texts: new Map(),
    readTexts,
  };
}

/** Looks one index term up in FlexSearch (memoised): entries whose title has it, statements whose text has it. */
export function postings(engine: SearchEngine, term: string): TermPostings {
  const hit = engine.cache.get(term);
  if (hit) return hit;
  const results = engine.doc.search(term, { index: ['t', 'x'], limit: 100_000 }) as unknown as { field: string; result: number[] }[];
  const titles = results.find((r) => r.field === 't')?.result ?? [];
  const statements = (results.find((r) => r.field === 'x')?.result ?? []).map((n) => n - engine.meta.entries);
  const value = { titles, statements };
  if (engine.cache.size > 5000) engine.cache.clear();
  engine.cache.set(term, value);
  return value;
}

/** Loads the statement texts and anchors of some entries (each file once). */
export function loadTexts(engine: SearchEngine, entries: Iterable<number>): Promise<void> {
  const pending: Promise<void>[] = [];
  for (const e of entries) {
    const entry = engine.entries[e];
    if (!entry) continue;
    let loading = engine.texts.get(e);
    if (!loading) {
      loading = engine.readTexts(e).then((data) => {
        const bullets = new Set(data.bullets);
        entry.statements.forEach((n, k) => {
          const [id, text] = data.s[k] ?? ['', ''];
          engine.statements[n].id = id;
          engine.statements[n].text = text;
          engine.statements[n].max = data.max?.[k] ?? [];
          engine.statements[n].bullet = bullets.has(k);
        });
      });
      loading.catch(() => engine.texts.delete(e));
      engine.texts.set(e, loading);
    }
    pending.push(loading);
  }
  return Promise.all(pending).then(() => undefined);
}

/** Entry numbers carrying a tag value (FlexSearch tag search, no query). */
export function taggedEntries(engine: SearchEngine, field: string, value: string): Set<number> {
  const results = engine.doc.search({ tag: { [field]: value }, limit: 100_000 }) as unknown as { result: number[] }[];
  return new Set(results.flatMap((r) => r.result));
}
