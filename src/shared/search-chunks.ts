// The chunked search index: the format a large knowledge base exports instead of one FlexSearch export, so that a
// query fetches only the few small files its own words need. The writer (scripts/pipeline/search-index/) and the
// loader (src/shared/query/chunked-engine.ts) share these types.
import type { EntryTexts } from './search-config.ts';

/** A shard table: `[first key, file name]`, sorted by key; a key lives in the last shard whose first key ≤ it. */
export type ShardTable = [first: string, file: string][];

/**
 * Everything ranking needs for every entry and statement, packed small. It is loaded with the first search; titles,
 * texts and links come later in one small file per result.
 */
export interface SearchCore {
  /** Number of entries and of statements. */
  entries: number;
  statements: number;
  /** Statements per entry (numbered consecutively, entry by entry): one base-36 digit each, or a list past 35. */
  counts: string | number[];
  /** Entries whose title is a question, as gaps between entry numbers. */
  questions: number[];
  /** `[entry gap, statement index within the entry]` for entries whose title is a statement's opening words. */
  titleFrom: [number, number][];
  /** Entry types, and each entry's type as one character (an index into `types`, base 36). */
  types: string[];
  type: string;
  /** Runs of entries from one source: `[index into meta.sources, run length]`. */
  sourceRuns: [number, number][];
  /** Each entry's topics in order, as indexes into `meta.topics`: base-36 digits, entries separated by commas (index lists past 36 topics). */
  topics: string | number[][];
  /** Statements that are not current: `[statement gap, 1 outdated | 2 dated, …statements superseding it]`. */
  notCurrent: number[][];
  /** Shards of `[term, entries with the term]` rows, by term: typo correction and completion read them. */
  vocabulary: ShardTable;
  /** Shards of posting lists `[term, title entry gaps, statement gaps]`, by term. */
  postings: ShardTable;
  /**
   * Entry files come in folders of `textBlock` entries, each named by the hash of its files: editing one entry
   * renames one folder, not all of them. Entry n's file is `<manifest.texts><textBlocks[n / textBlock]>/<n>.json`.
   */
  textBlock: number;
  textBlocks: string[];
}

/** Path of an entry's file inside the search folder. */
export function entryChunkPath(texts: string, core: Pick<SearchCore, 'textBlock' | 'textBlocks'>, entry: number): string {
  return `${texts}${core.textBlocks[Math.floor(entry / core.textBlock)]}/${entry}.json`;
}

/** One vocabulary shard: `[term, df]` rows, sorted by term. */
export type VocabularyShard = [term: string, df: number][];

/** One postings shard: `[term, entry gaps of titles holding it, statement gaps of statements holding it]`. */
export type PostingsShard = [term: string, titles: number[], statements: number[]][];

/**
 * One entry's file in a chunked index: what the flat index keeps in its document store plus the statement texts
 * (`s`, as in EntryTexts), and the ids and titles of its related entries so answers can link them.
 */
export interface EntryChunk extends EntryTexts {
  id: string;
  title: string;
  url: string;
  wizard?: string;
  verdict?: string;
  /** Related entries: `[entry number, id, title]`. */
  related: [number, string, string][];
  /** Dates of the statements that are not current, by index within the entry. */
  asOf?: Record<number, string>;
}

/** The shard of a table that holds a key (binary search over first keys). */
export function shardFor(table: ShardTable, key: string): string | undefined {
  let lo = 0;
  let hi = table.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid][0] <= key) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? table[0]?.[1] : table[found][1];
}

/** Every shard whose key range overlaps the keys starting with `prefix` (shard i covers [first i, first i+1)). */
export function shardsWithPrefix(table: ShardTable, prefix: string): string[] {
  const last = `${prefix}\uffff`;
  const out = new Set<string>();
  table.forEach(([first, file], i) => {
    const next = table[i + 1]?.[0];
    if (first <= last && (next === undefined || next > prefix)) out.add(file);
  });
  return [...out];
}

/** Sorted numbers as gaps (the first from 0): small numbers compress well. */
export function toGaps(sorted: readonly number[]): number[] {
  let prev = 0;
  return sorted.map((n) => {
    const gap = n - prev;
    prev = n;
    return gap;
  });
}

/** Gaps back to numbers. */
export function fromGaps(gaps: readonly number[]): number[] {
  let acc = 0;
  return gaps.map((g) => (acc += g));
}
