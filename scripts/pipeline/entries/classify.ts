import type { Entry } from '../../../src/shared/schemas/entry.ts';
import type { TermGroup, Vocabulary } from '../../../src/shared/schemas/vocabulary.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A compiled term matcher: counts how often any of a group's terms occurs in a text. */
export function termMatcher(terms: readonly string[]): (text: string) => number {
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${sorted.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.match(re)?.length ?? 0;
}

/** Vocabulary compiled once per build. */
export interface Classifier {
  topics: (title: string, text: string) => string[];
  osVersions: (text: string) => string[];
  productVersions: (text: string) => string[];
}

/** Compiles the vocabulary into topic, OS-version and product-version classifiers. */
export function createClassifier(vocabulary: Vocabulary): Classifier {
  const compile = (groups: TermGroup[]) => groups.map((g) => ({ id: g.id, count: termMatcher(g.terms) }));
  const topics = compile(vocabulary.topics);
  const os = compile(vocabulary.osVersions);
  const versionRe = vocabulary.productVersion ? new RegExp(vocabulary.productVersion.pattern, 'gi') : null;
  return {
    topics(title, text) {
      const scored = topics
        .map((t) => ({ id: t.id, score: 2 * t.count(title) + t.count(text) }))
        .filter((t) => t.score > 0)
        .sort((a, b) => b.score - a.score);
      if (scored.length === 0) return [];
      const best = scored[0].score;
      return scored.filter((t, i) => i === 0 || (t.score >= 2 && t.score >= best * 0.5)).slice(0, 3).map((t) => t.id);
    },
    osVersions: (text) => os.filter((g) => g.count(text) > 0).map((g) => g.id),
    productVersions(text) {
      if (!versionRe) return [];
      const found = new Set<string>();
      for (const m of text.matchAll(versionRe)) found.add(m[1]);
      return [...found].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    },
  };
}

/** Words in more entries than this never make two entries related. */
const maxKeyDf = 500;

/** The distinct content words relateEntries compares an entry by (its title counts twice, its text once). */
export function relationWords(e: Pick<Entry, 'title' | 'text'>): string[] {
  return [...new Set(contentWords(`${e.title} ${e.title} ${e.text}`))];
}

/**
 * Picks up to `limit` related entries per entry by shared distinctive words and topics. Pure. `words` are the
 * entries' relationWords when a caller has them already (the per-source analysis makes them).
 */
export function relateEntries(entries: Pick<Entry, 'id' | 'title' | 'text' | 'topics' | 'source'>[], limit = 3, words: readonly (readonly string[])[] = entries.map(relationWords)): Map<string, string[]> {
  const df = new Map<string, number>();
  for (const list of words) for (const w of list) df.set(w, (df.get(w) ?? 0) + 1);
  const n = entries.length;
  // Each entry is represented by its most distinctive words; candidates share at least one of them. The absolute
  // cap keeps the candidate lists short in large knowledge bases, where a word shared by hundreds of entries says
  // little and a proportional cap alone would make this quadratic; below 2,500 entries only the 20% cap applies.
  const maxDf = Math.min(n * 0.2, maxKeyDf);
  // Ties between equally rare words go to the one that sorts first; ranks are computed once over the vocabulary.
  const order = new Map([...df.keys()].sort((a, b) => a.localeCompare(b)).map((w, i) => [w, i]));
  const keys = words.map((list) =>
    list
      .filter((w) => df.get(w)! > 1 && df.get(w)! < maxDf)
      .sort((a, b) => df.get(a)! - df.get(b)! || order.get(a)! - order.get(b)!)
      .slice(0, 12),
  );
  const postings = new Map<string, number[]>();
  keys.forEach((ks, i) =>
    ks.forEach((w) => {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }),
  );
  // Topics as bit sets: the inner loop counts shared topics for thousands of candidates per entry.
  const topicIds = new Map([...new Set(entries.flatMap((e) => e.topics))].map((t, k) => [t, k]));
  const width = Math.max(1, Math.ceil(topicIds.size / 32));
  const masks = new Uint32Array(n * width);
  entries.forEach((e, i) => {
    for (const t of new Set(e.topics)) masks[i * width + (topicIds.get(t)! >>> 5)] |= 1 << (topicIds.get(t)! & 31);
  });
  const result = new Map<string, string[]>();
  // One score array and a list of touched candidates, reused across entries: large knowledge bases have thousands
  // of candidates per entry, and only the best `limit` of them are kept (same order as a full sort).
  const score = new Float64Array(n);
  const touched: number[] = [];
  // Ties go to the id that sorts first; ranks computed once, since comparing strings here dominated large builds.
  const rank = new Uint32Array(n);
  [...entries.keys()].sort((a, b) => entries[a].id.localeCompare(entries[b].id)).forEach((i, r) => (rank[i] = r));
  const better = (a: number, b: number) => score[b] - score[a] || rank[a] - rank[b];
  entries.forEach((e, i) => {
    for (const w of keys[i]) {
      const weight = Math.log(n / df.get(w)!);
      for (const j of postings.get(w) ?? []) {
        if (j === i) continue;
        // Weights are positive (df < n/5), so a zero score means "not seen yet".
        if (score[j] === 0) touched.push(j);
        score[j] += weight;
      }
    }
    if (e.topics.length > 0)
      for (const j of touched) {
        let shared = 0;
        for (let w = 0; w < width; w++) shared += popcount(masks[i * width + w] & masks[j * width + w]);
        score[j] += shared * 0.5;
      }
    const best: number[] = [];
    for (const j of touched) {
      if (best.length >= limit && (limit <= 0 || better(j, best[limit - 1]) > 0)) continue;
      let k = best.length;
      while (k > 0 && better(j, best[k - 1]) < 0) k--;
      best.splice(k, 0, j);
      if (best.length > limit) best.pop();
    }
    result.set(e.id, best.map((j) => entries[j].id));
    for (const j of touched) score[j] = 0;
    touched.length = 0;
  });
  return result;
}

/** Set bits in a 32-bit integer. */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

const stop = new Set('a an the and or of to in on for with by as is are be can not no it its this that these those you your from at if when which into than then there their they was were will would should must may more most also only use used using such other some any all each per do does how what why'.split(' '));

/** Lowercase content words (stop words removed) of a text. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu) ?? []).filter((w) => !stop.has(w) && w.length > 1);
}
