import type { SearchDocument, SearchManifest, SearchMeta } from '../search-config.ts';
import { entryChunkPath, fromGaps, shardFor, shardsWithPrefix, type EntryChunk, type PostingsShard, type SearchCore, type VocabularyShard } from '../search-chunks.ts';
import { analyzeQuery, quantitySpans } from './analyze-query.ts';
import { linkSupersedes, metaLookups, postings, type EntryInfo, type SearchEngine, type StatementInfo } from './engine.ts';
import { analyzeTokens, limitCueTerm } from './lexicon.ts';
import type { ReadIndexFile } from './load.ts';

/** Most rounds of "analyse, fetch what was missing" before a query runs on what it has. */
const maxRounds = 4;

/**
 * The query engine over a chunked index. Ranking data for every entry arrives with the core file; vocabulary and
 * posting shards arrive when a query needs them (`prepare`, awaited before a search), each file once, in parallel;
 * titles, links and texts arrive per result with its statement texts. The query code is the same as for the flat
 * index: the engine answers lookups from what is loaded and notes what was missing, and `prepare` fetches that.
 * tests/unit/pipeline/search-index/chunked-index.test.ts checks that both indexes give the same answers.
 */
export async function loadChunkedEngine(manifest: SearchManifest, read: ReadIndexFile): Promise<SearchEngine> {
  const [metaText, coreText] = await Promise.all([read(manifest.files.meta), read(manifest.files.core)]);
  const meta = JSON.parse(metaText) as SearchMeta;
  const core = JSON.parse(coreText) as SearchCore;
  const { entries, statements } = unpackCore(core, meta);

  const loaded = new Map<string, Promise<void>>();
  const missing = new Set<string>();
  /** Terms looked up with no postings loaded for them. */
  const unanswered = new Set<string>();
  const postingsOf = new Map<string, { titles: number[]; statements: number[] }>();
  const postingShards = new Set<string>();
  const vocabularyShards = new Set<string>();
  const vocabulary = new Set<string>();
  // Lookups of terms whose shard is not here yet answer "unknown" and note the shard.
  const note = (table: SearchCore['vocabulary'], have: Set<string>, term: string) => {
    const file = shardFor(table, term);
    if (file && !have.has(file)) missing.add(file);
  };
  class LazySet extends Set<string> {
    override has(term: string): boolean {
      const hit = super.has(term);
      if (!hit) note(core.vocabulary, vocabularyShards, term);
      return hit;
    }
  }
  class LazyMap extends Map<string, number> {
    override get(term: string): number | undefined {
      const hit = super.get(term);
      if (hit === undefined) note(core.vocabulary, vocabularyShards, term);
      return hit;
    }
  }
  const tags = tagIndex(entries);
  const doc = {
    search(query: string | { tag: Record<string, string> }) {
      if (typeof query !== 'string') {
        const [field, value] = Object.entries(query.tag)[0] ?? [];
        return [{ field, result: tags.get(`${field}\u0000${value}`) ?? [] }];
      }
      const p = postingsOf.get(query);
      if (!p) {
        note(core.postings, postingShards, query);
        unanswered.add(query);
        return [];
      }
      return [
        { field: 't', result: p.titles },
        { field: 'x', result: p.statements.map((n) => n + core.entries) },
      ];
    },
    get: () => undefined,
  } as unknown as SearchDocument;

  const engine: SearchEngine = {
    doc,
    meta,
    ...metaLookups(meta),
    entries,
    statements,
    vocabulary: [],
    vocabularySet: new LazySet(),
    cache: new Map(),
    df: new LazyMap(),
    texts: new Map(),
    readTexts: async (e) => {
      const chunk = JSON.parse(await read(entryChunkPath(manifest.texts, core, e))) as EntryChunk;
      fillEntry(engine, e, chunk);
      return { s: chunk.s };
    },
    prepare,
  };

  /** Fetches shards (each once, concurrently) and adds their rows to the engine. */
  function fetchShards(files: Iterable<string>): Promise<void> {
    let fresh = false;
    const jobs = [...files].map((file) => {
      let job = loaded.get(file);
      if (!job) {
        fresh = true;
        job = read(file).then((text) => {
          if (file.startsWith('vocab.')) {
            for (const [term, df] of JSON.parse(text) as VocabularyShard) {
              vocabulary.add(term);
              engine.df.set(term, df);
              engine.vocabularySet.add(term);
            }
            vocabularyShards.add(file);
          } else {
            for (const [term, t, x] of JSON.parse(text) as PostingsShard) postingsOf.set(term, { titles: fromGaps(t), statements: fromGaps(x) });
            postingShards.add(file);
          }
        });
        job.catch(() => loaded.delete(file));
        loaded.set(file, job);
      }
      return job;
    });
    return Promise.all(jobs).then(() => {
      if (!fresh) return;
      engine.vocabulary = [...vocabulary].sort();
      // Lookups made before a shard arrived were memoised as empty; the rest of the term cache still holds.
      for (const term of unanswered) engine.cache.delete(term);
      unanswered.clear();
    });
  }

  /**
   * Loads what a query needs before it runs: the vocabulary around its words (typo correction and completion read
   * it), then the postings of every term ranking reads (each slot's alternatives and the members of its contrast
   * group), again until the analysis asks for nothing new. Filters need nothing: tags are in the core.
   */
  async function prepare(text: string, options: { filters?: Partial<Record<string, string>>; prefix?: boolean } = {}): Promise<void> {
    const tokens = analyzeTokens(text);
    const initials = new Set(tokens.flatMap((t) => [t.stem[0], t.word[0]]).filter(Boolean));
    // A question asking for a number looks up the limit cue terms (`#limit…`), which no word of it starts.
    if (quantitySpans(tokens).length > 0) initials.add(limitCueTerm[0]);
    await fetchShards([...initials].flatMap((c) => shardsWithPrefix(core.vocabulary, c)));
    for (let round = 0; round < maxRounds; round++) {
      missing.clear();
      const query = analyzeQuery(engine, text, { prefix: options.prefix !== false });
      for (const slot of query.slots) {
        const contrast = slot.contrast === null ? [] : (engine.lexicon.contrastMembers[slot.contrast] ?? []);
        for (const term of [slot.term, ...slot.alternatives.map((a) => a.term), ...contrast]) if (engine.vocabularySet.has(term)) postings(engine, term);
      }
      if (missing.size === 0) return;
      await fetchShards([...missing]);
    }
  }

  return engine;
}

/** Entries and statements from the core file; display fields stay empty until an entry's file arrives. */
function unpackCore(core: SearchCore, meta: SearchMeta): { entries: EntryInfo[]; statements: StatementInfo[] } {
  const questions = new Set(fromGaps(core.questions));
  const titleFrom = new Map<number, number>();
  let at = 0;
  for (const [gap, k] of core.titleFrom) titleFrom.set((at += gap), k);
  const sourceOf: string[] = [];
  for (const [s, run] of core.sourceRuns) for (let i = 0; i < run; i++) sourceOf.push(meta.sources[s]?.id ?? '');
  const topicIds = meta.topics.map((t) => t.id);
  const topicLists = typeof core.topics === 'string' ? core.topics.split(',').map((digits) => [...digits].map((d) => parseInt(d, 36))) : core.topics;
  const topicsOf = (e: number): string[] => (topicLists[e] ?? []).map((i) => topicIds[i]);
  const statements: StatementInfo[] = [];
  const counts = typeof core.counts === 'string' ? [...core.counts].map((d) => parseInt(d, 36)) : core.counts;
  const entries: EntryInfo[] = counts.map((count, n) => {
    const first = statements.length;
    for (let k = 0; k < count; k++) statements.push({ n: statements.length, e: n, id: '', text: '', status: 'current', asOf: null, sup: [], max: [], bullet: false });
    const tf = titleFrom.get(n);
    return {
      n,
      id: '',
      title: '',
      type: core.types[parseInt(core.type[n], 36)] ?? '',
      topics: topicsOf(n),
      source: sourceOf[n] ?? '',
      url: '',
      related: [],
      wizard: null,
      verdict: null,
      question: questions.has(n),
      statements: Array.from({ length: count }, (_, k) => first + k),
      supersedes: [],
      titleFrom: tf === undefined ? null : first + tf,
    };
  });
  let n = 0;
  for (const [gap, status, ...sup] of core.notCurrent) {
    n += gap;
    const s = statements[n];
    if (!s) continue;
    s.status = status === 1 ? 'outdated' : 'dated';
    s.sup = sup;
  }
  linkSupersedes(entries, statements);
  return { entries, statements };
}

/** Entry numbers by `field\0value`, for the search filters (topics, source, type). */
function tagIndex(entries: EntryInfo[]): Map<string, number[]> {
  const tags = new Map<string, number[]>();
  const add = (key: string, n: number) => {
    const list = tags.get(key);
    if (list) list.push(n);
    else tags.set(key, [n]);
  };
  for (const e of entries) {
    add(`type\u0000${e.type}`, e.n);
    add(`source\u0000${e.source}`, e.n);
    for (const t of e.topics) add(`topics\u0000${t}`, e.n);
  }
  return tags;
}

/** Copies an entry file's display fields into the engine, with the ids and titles of its related entries. */
function fillEntry(engine: SearchEngine, e: number, chunk: EntryChunk): void {
  const entry = engine.entries[e];
  if (!entry) return;
  Object.assign(entry, { id: chunk.id, title: chunk.title, url: chunk.url, wizard: chunk.wizard ?? null, verdict: chunk.verdict ?? null, related: chunk.related.map(([n]) => n) });
  for (const [n, id, title] of chunk.related) {
    const other = engine.entries[n];
    if (other && !other.id) Object.assign(other, { id, title });
  }
  for (const [k, date] of Object.entries(chunk.asOf ?? {})) {
    const s = engine.statements[entry.statements[Number(k)]];
    if (s) s.asOf = date;
  }
}
