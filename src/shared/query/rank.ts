import type { AnalyzedQuery } from './analyze-query.ts';
import { postings, statementAt, type EntryInfo, type SearchEngine } from './engine.ts';

/** Field boosts and demotions. Titles are often the question itself (FAQ), so they weigh at least as much as text. */
export const weights = {
  /** A query term in an entry's title or section path. */
  title: 1.2,
  /** … when the title is a question (FAQ entries). */
  questionTitle: 1.3,
  /** A query term in the entry's best-matching statement. */
  best: 1,
  /** A query term only elsewhere in the entry. */
  rest: 0.35,
  /** An outdated statement's match, kept by its own entry. */
  outdatedOwn: 0.5,
  /** An outdated statement's match, passed to the entry holding its replacement. */
  outdatedTransfer: 0.97,
  /** A dated statement ("currently in preview"): true when written, maybe not now. */
  dated: 0.8,
  /** A statement about an alternative to what was asked (Linux when the question says Windows), not about it. */
  otherSubject: 0.7,
};

/** How many of the best entries get `matched` and `terms` filled in (more than any caller shows). */
export const detailed = 12;

/** One entry's standing for a query. */
export interface RankedEntry {
  entry: EntryInfo;
  /** Sum of matched terms' idf, weighted by where they matched. */
  score: number;
  /** Current statements that match, best first (by their own matches, then reading order); top entries only. */
  matched: number[];
  /** Outdated statements whose match counted for this entry (its own, or ones its statements replace). */
  matchedOutdated: number[];
  /** Index terms that matched (for highlighting); top entries only. */
  terms: Set<string>;
  /** Per query slot: how well the entry matched it (0–1.15). */
  coverage: number[];
}

type Hits = Map<number, Float64Array & { otherSubject?: boolean }>;

function scaled(row: Float64Array, factor: number): Float64Array {
  return factor === 1 ? row : row.map((w) => w * factor);
}

function hitRow(map: Hits, key: number, size: number): Float64Array {
  let row = map.get(key);
  if (!row) map.set(key, (row = new Float64Array(size)));
  return row;
}

/**
 * Ranks entries for an analysed query: each query slot counts once, at the best place it matched (title, best
 * statement, rest of the entry), weighted by its idf. Outdated statements never answer: their match is demoted
 * in their own entry and passed on to the entry that holds their replacement, so the current answer ranks above.
 */
export function rankEntries(engine: SearchEngine, query: AnalyzedQuery, allowed?: Set<number>): RankedEntry[] {
  const size = query.slots.length;
  if (size === 0) return [];
  const titleHits: Hits = new Map();
  const stmtHits: Hits = new Map();
  const titleTerms = new Map<number, Set<string>>();
  const stmtTerms = new Map<number, Set<string>>();
  const note = (map: Map<number, Set<string>>, n: number, term: string) => {
    let set = map.get(n);
    if (!set) map.set(n, (set = new Set()));
    set.add(term);
  };
  query.slots.forEach((slot, j) => {
    for (const alt of slot.alternatives) {
      if (!engine.vocabularySet.has(alt.term)) continue;
      for (const n of postings(engine, alt.term).titles) {
        const row = hitRow(titleHits, n, size);
        if (alt.weight > row[j]) row[j] = alt.weight;
        note(titleTerms, n, alt.term);
      }
      for (const n of postings(engine, alt.term).statements) {
        const row = hitRow(stmtHits, n, size);
        if (alt.weight > row[j]) row[j] = alt.weight;
        note(stmtTerms, n, alt.term);
      }
    }
  });

  // Statements that name an alternative of an asked subject (and not the subject itself) are about something else.
  // A question naming both alternatives (Linux and Windows) asks about both, so neither counts against.
  const groups = new Map<number, Set<string>>();
  for (const slot of query.slots) {
    if (slot.contrast === null) continue;
    const member = engine.lexicon.contrastMembers[slot.contrast].find((m) => slot.term === m || slot.term.startsWith(`${m}_`)) ?? slot.term;
    groups.set(slot.contrast, (groups.get(slot.contrast) ?? new Set()).add(member));
  }
  for (const [group, asked] of groups) {
    if (asked.size > 1) continue;
    const own = new Set([...asked].filter((t) => engine.vocabularySet.has(t)).flatMap((t) => postings(engine, t).statements));
    for (const rival of engine.lexicon.contrastMembers[group]) {
      if (asked.has(rival) || !engine.vocabularySet.has(rival)) continue;
      for (const n of postings(engine, rival).statements) {
        const row = stmtHits.get(n);
        if (!row || row.otherSubject || own.has(n)) continue;
        for (let k = 0; k < size; k++) row[k] *= weights.otherSubject;
        row.otherSubject = true;
      }
    }
  }

  // A title made from an outdated statement is outdated too: its match moves to that statement.
  for (const [e, row] of [...titleHits]) {
    const from = engine.entries[e]?.titleFrom;
    if (from === null || from === undefined || statementAt(engine, from).status !== 'outdated') continue;
    const target = hitRow(stmtHits, from, size);
    for (let j = 0; j < size; j++) target[j] = Math.max(target[j], row[j]);
    titleHits.delete(e);
  }

  const idf = query.slots.map((s) => s.idf);
  const zero = new Float64Array(size);
  const byEntry = new Map<number, { current: number[]; outdated: number[] }>();
  const bucket = (e: number) => {
    let b = byEntry.get(e);
    if (!b) byEntry.set(e, (b = { current: [], outdated: [] }));
    return b;
  };
  for (const n of titleHits.keys()) bucket(n);
  for (const n of stmtHits.keys()) {
    const s = statementAt(engine, n);
    if (!s) continue;
    (s.status === 'outdated' ? bucket(s.e).outdated : bucket(s.e).current).push(n);
    if (s.status === 'outdated') for (const target of s.sup) bucket(statementAt(engine, target)?.e ?? -1);
  }
  byEntry.delete(-1);

  const ranked = new Map<number, RankedEntry>();
  const rowsOf = new Map<number, { n: number; row: Float64Array }[]>();
  const lifted = new Map<number, number>();
  for (const [e, { current, outdated }] of byEntry) {
    const entry = engine.entries[e];
    if (!entry || (allowed && !allowed.has(e))) continue;
    const tw = entry.question ? weights.questionTitle : weights.title;
    const title = titleHits.get(e) ?? zero;
    const value = (row: Float64Array) => {
      let v = 0;
      for (let j = 0; j < size; j++) v += idf[j] * Math.max(tw * title[j], weights.best * row[j]);
      return v;
    };
    const rows = current.map((n) => ({ n, row: statementAt(engine, n).status === 'dated' ? scaled(stmtHits.get(n)!, weights.dated) : stmtHits.get(n)! }));
    let best: Float64Array = zero;
    let bestValue = -1;
    for (const { row } of rows) {
      const v = value(row);
      if (v > bestValue) [best, bestValue] = [row, v];
    }
    const coverage = new Array<number>(size).fill(0);
    let score = 0;
    for (let j = 0; j < size; j++) {
      let rest = 0;
      for (const { row } of rows) if (row !== best && row[j] > rest) rest = row[j];
      coverage[j] = Math.max(tw * title[j], weights.best * best[j], weights.rest * rest);
      score += idf[j] * coverage[j];
    }
    for (const n of outdated) score = Math.max(score, value(stmtHits.get(n)!) * weights.outdatedOwn);
    rowsOf.set(e, rows);
    ranked.set(e, { entry, score, matched: [], matchedOutdated: [...outdated], terms: new Set(), coverage });
  }

  // Outdated matches lift the entries holding their replacements (never above what they'd earn as current).
  for (const { outdated } of byEntry.values()) {
    for (const n of outdated) {
      const row = stmtHits.get(n)!;
      for (const target of statementAt(engine, n).sup) {
        const owner = statementAt(engine, target)?.e;
        const r = owner === undefined ? undefined : ranked.get(owner);
        if (!r) continue;
        const tw = r.entry.question ? weights.questionTitle : weights.title;
        const title = titleHits.get(r.entry.n) ?? zero;
        const replacement = stmtHits.get(target) ?? zero;
        let v = 0;
        for (let j = 0; j < size; j++) v += idf[j] * Math.max(tw * title[j], row[j], replacement[j]);
        v *= weights.outdatedTransfer;
        if (v > r.score) {
          r.score = v;
          lifted.set(r.entry.n, target);
        }
        if (!r.matchedOutdated.includes(n)) r.matchedOutdated.push(n);
      }
    }
  }

  const sorted = [...ranked.values()].sort((a, b) => b.score - a.score || Number(b.entry.question) - Number(a.entry.question) || a.entry.n - b.entry.n);
  // Only the entries a caller can show need their statements ordered and their matched terms gathered.
  for (const r of sorted.slice(0, detailed)) {
    const e = r.entry.n;
    // Citations and verdicts read the statements that match most on their own; ties go to reading order.
    const own = (row: Float64Array) => row.reduce((sum, w, j) => sum + idf[j] * w, 0);
    r.matched = (rowsOf.get(e) ?? []).map(({ n, row }) => ({ n, v: own(row) })).sort((a, b) => b.v - a.v || a.n - b.n).map((o) => o.n);
    const target = lifted.get(e);
    if (target !== undefined) r.matched = [target, ...r.matched.filter((m) => m !== target)];
    r.terms = new Set([...(titleTerms.get(e) ?? []), ...r.matched.flatMap((n) => [...(stmtTerms.get(n) ?? [])])]);
  }
  return sorted;
}

/** The most a query could score: every slot matched at full weight. */
export function maxScore(query: AnalyzedQuery, unknownFactor: (named: boolean) => number): number {
  return query.slots.reduce((sum, s) => sum + s.idf * (s.unknown ? unknownFactor(s.named) : 1), 0);
}
