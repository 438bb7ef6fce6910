import { postings, type SearchEngine, type TermPostings } from './engine.ts';

/**
 * What ranking reads of one index term, derived once from its postings: bitsets (a membership test costs one load
 * and a shift) and the entries a match can reach, as lists to walk and as bitsets for upper bounds.
 */
export interface TermBits {
  /** Entries whose title or section path has the term. */
  titles: Uint32Array;
  /** Statements whose text has the term. */
  statements: Uint32Array;
  /** Entries with a statement that has the term. */
  entries: Uint32Array;
  /**
   * Entries a match in each field can count for: the entries holding it, and the entries holding replacements of
   * outdated statements that hold it (or whose title, made from an outdated statement, holds it). As lists (to
   * walk) and as bitsets (for upper bounds).
   */
  reach: { titles: number[]; statements: number[] };
  reachBits: { titles: Uint32Array; statements: Uint32Array };
}

/** True when bit `n` is set. */
export const has = (bits: Uint32Array, n: number): boolean => ((bits[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;

const bitset = (size: number): Uint32Array => new Uint32Array((size >>> 5) + 1);

/** Sets bit `n`. */
const setBit = (bits: Uint32Array, n: number): void => {
  bits[n >>> 5] |= 1 << (n & 31);
};

/** Kept as long as the engine keeps the term's postings (a chunked engine drops them when shards arrive). */
const derived = new WeakMap<TermPostings, TermBits>();

/** The bitsets and reach of an index term (memoised with its postings). */
export function termBits(engine: SearchEngine, term: string): TermBits {
  const p = postings(engine, term);
  let bits = derived.get(p);
  if (!bits) derived.set(p, (bits = deriveBits(engine, p)));
  return bits;
}

function deriveBits(engine: SearchEngine, p: TermPostings): TermBits {
  const { entries, statements } = engine;
  const titles = bitset(entries.length);
  const stmts = bitset(statements.length);
  const holders = bitset(entries.length);
  const reach: TermBits['reach'] = { titles: [], statements: [] };
  const reachBits: TermBits['reachBits'] = { titles: bitset(entries.length), statements: bitset(entries.length) };
  const add = (field: 'titles' | 'statements', e: number) => {
    if (has(reachBits[field], e)) return;
    setBit(reachBits[field], e);
    reach[field].push(e);
  };
  // Outdated statements count for the entries holding their replacements (see rank.ts).
  const heirs = (field: 'titles' | 'statements', n: number) => {
    for (const target of statements[n].sup) {
      const e = statements[target]?.e;
      if (e !== undefined) add(field, e);
    }
  };
  for (const e of p.titles) {
    setBit(titles, e);
    add('titles', e);
    const tf = entries[e]?.titleFrom;
    if (tf !== null && tf !== undefined && statements[tf]?.status === 'outdated') heirs('titles', tf);
  }
  for (const n of p.statements) {
    const s = statements[n];
    if (!s) continue;
    setBit(stmts, n);
    setBit(holders, s.e);
    add('statements', s.e);
    if (s.status === 'outdated') heirs('statements', n);
  }
  return { titles, statements: stmts, entries: holders, reach, reachBits };
}

/** How many entries have at least one of the terms, in a title or a statement. */
export function entriesWithAny(engine: SearchEngine, terms: string[]): number {
  const union = bitset(engine.entries.length);
  for (const term of terms) {
    const { titles, entries } = termBits(engine, term);
    for (let i = 0; i < union.length; i++) union[i] |= titles[i] | entries[i];
  }
  let count = 0;
  for (let word of union) {
    for (; word !== 0; word &= word - 1) count++;
  }
  return count;
}
