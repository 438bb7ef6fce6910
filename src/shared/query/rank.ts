import { tellingIdf, type Alternative, type AnalyzedQuery } from './analyze-query.ts';
import { statementAt, titledByOutdated, type EntryInfo, type SearchEngine } from './engine.ts';
import { has, termBits } from './term-bits.ts';

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
  /**
   * … in a long question (`longQuestion` words or more): it asks several things at once ("the baseline puts Front Door
   * in front … can we skip that and follow the normal ingress?"), which an entry answers across its statements.
   */
  restLong: 0.5,
  /** An outdated statement's match, kept by its own entry. */
  outdatedOwn: 0.5,
  /** An outdated statement's match, passed to the entry holding its replacement. */
  outdatedTransfer: 0.97,
  /** A dated statement ("currently in preview"): true when written, maybe not now. */
  dated: 0.8,
  /** A statement about an alternative to what was asked (Linux when the question says Windows), not about it. */
  otherSubject: 0.6,
};

/** Asked words (slots, cues left out) from which a question is long (see `weights.restLong`). */
export const longQuestion = 8;

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
  /** The part of `score` that cue slots gave (see `Slot.cue`): confidence leaves it out. */
  cue: number;
  /**
   * How often the entry's current statements hold the question's words (idf-weighted, up to `focusCap` statements
   * a word): breaks exact ties in `score`, which counts each word once, towards the entry more about them.
   */
  focus: number;
}

/** Statements per query word that add to `RankedEntry.focus`. */
const focusCap = 3;

/** One alternative of one query slot, in titles or in statements; `gain` is the most a match through it adds. */
interface Unit {
  j: number;
  alt: Alternative;
  field: 'titles' | 'statements';
  /** Entries a match through it can count for (see `TermBits.reach`), walked to find candidates. */
  walk: number[];
  gain: number;
  /** The term's postings in `field`, as a bitset (entries for titles, statements for statements). */
  bits: Uint32Array;
  /** `walk` as a bitset. */
  reach: Uint32Array;
}

/** Entries walked in the first round, whatever the bound: below this a full scan is cheap anyway. */
const defaultFirstWalk = 256;

/** Bounds and scores add the same weights in different orders; this margin keeps float rounding from pruning a tie. */
const slack = 1 + 1e-9;

/** Options for `rankEntries`. */
export interface RankOptions {
  /** Only these entries may rank (search filters). */
  allowed?: Set<number>;
  /** How many of the best entries are returned, exactly as a full scan orders them (at least `detailed`). */
  depth?: number;
  /** Entries walked before the first threshold is taken (tests set it low to force many rounds). */
  firstWalk?: number;
}

/**
 * Ranks entries for an analysed query and returns the best `depth` of them (at least `detailed`): each query slot
 * counts once, at the best place it matched (title, best statement, rest of the entry), weighted by its idf.
 * Outdated statements never answer: their match is demoted in their own entry and passed on to the entry that
 * holds their replacement, so the current answer ranks above.
 *
 * Common words occur in a large share of a big corpus, so scoring every entry that holds one is what made queries
 * slow. Two bounds avoid it, and the top `depth` stay exactly those of a full scan:
 * - MaxScore (Turtle & Flood, 1995): candidates come from walking the entry lists of the cheapest, most telling
 *   terms, one more list a round, until the most an entry outside every walked list could score falls below the
 *   `depth`-th best score.
 * - Each candidate's own upper bound (per slot, the best gain among the terms it holds, read from bitsets) is
 *   checked before it is scored in full, and candidates are scored best bound first: on long questions of common
 *   words most entries hold most terms but in different statements, so their bound is far above their score
 *   yet below the scores of the few entries holding the terms together. Block-max indexes bound blocks of
 *   postings instead; here a match weighs the same in every entry, so a block's maximum is the slot's gain and
 *   only a per-entry bound is tighter.
 */
export function rankEntries(engine: SearchEngine, query: AnalyzedQuery, options: RankOptions = {}): RankedEntry[] {
  const { allowed, depth = detailed, firstWalk = defaultFirstWalk } = options;
  const size = query.slots.length;
  if (size === 0) return [];
  const units = queryUnits(engine, query);
  // outside[k]: the most an entry can score from units[k..] alone (per slot, its best remaining unit).
  const outside = units.map((_, k) => {
    const best = new Float64Array(size);
    for (const u of units.slice(k)) best[u.j] = Math.max(best[u.j], u.gain);
    return best.reduce((sum, g) => sum + g, 0);
  });
  outside.push(0);
  const scorer = new Scorer(engine, query, units);
  const threshold = new KthBest(Math.max(depth, detailed));
  const seen = new Uint8Array(engine.entries.length);
  let k = 0;
  // The first round walks at least `firstWalk` entries, later rounds one more unit each.
  let budget = firstWalk;
  while (k < units.length && !(threshold.value > outside[k] * slack)) {
    const fresh: { e: number; bound: number }[] = [];
    let walked = 0;
    do {
      for (const e of units[k].walk) {
        if (seen[e] === 1) continue;
        seen[e] = 1;
        if (allowed && !allowed.has(e)) continue;
        const bound = scorer.bound(e, k);
        if (bound * slack >= threshold.value) fresh.push({ e, bound });
      }
      walked += units[k++].walk.length;
    } while (k < units.length && walked < budget);
    budget = 0;
    // Best bound first: the threshold rises fastest, and the rest of the round stops at the first bound below it.
    fresh.sort((a, b) => b.bound - a.bound);
    for (const { e, bound } of fresh) {
      if (bound * slack < threshold.value) break;
      threshold.add(scorer.score(e));
    }
  }
  return scorer.detail(scorer.sorted(threshold.value).slice(0, Math.max(depth, detailed)));
}

/** A query's units, cheap and telling first: the order in which walking lowers the bound fastest for what it costs. */
function queryUnits(engine: SearchEngine, query: AnalyzedQuery): Unit[] {
  // Each (slot, alternative, field) is walked on its own: a rare word's common synonyms (matched at a lower weight)
  // should not make the whole slot expensive, and titles are few but weigh the most.
  const fieldWeight = { titles: Math.max(weights.title, weights.questionTitle), statements: weights.best };
  return query.slots
    .flatMap((slot, j) =>
      slot.alternatives
        .filter((a) => engine.vocabularySet.has(a.term))
        .flatMap((alt) => {
          const bits = termBits(engine, alt.term);
          return (['titles', 'statements'] as const).map((field) => ({ j, alt, field, walk: bits.reach[field], gain: slot.idf * alt.weight * fieldWeight[field], bits: bits[field], reach: bits.reachBits[field] }));
        }),
    )
    .filter((u) => u.walk.length > 0)
    .sort((a, b) => a.walk.length / a.gain - b.walk.length / b.gain || a.j - b.j);
}

/** The upper bound ranking prunes entries with, for one query (tests check that no entry scores above it). */
export function entryBound(engine: SearchEngine, query: AnalyzedQuery): (e: number) => number {
  const scorer = new Scorer(engine, query, queryUnits(engine, query));
  return (e) => scorer.bound(e, 0);
}

/** The `k`-th best of the values added so far (-Infinity until there are `k`), kept in a min-heap. */
class KthBest {
  private readonly heap: number[] = [];
  private readonly k: number;

  constructor(k: number) {
    this.k = k;
  }

  get value(): number {
    return this.heap.length < this.k ? -Infinity : this.heap[0];
  }

  add(v: number): void {
    const { heap } = this;
    if (heap.length < this.k) {
      heap.push(v);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (heap[parent] <= heap[i]) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (v > heap[0]) {
      heap[0] = v;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && heap[l] < heap[min]) min = l;
        if (r < heap.length && heap[r] < heap[min]) min = r;
        if (min === i) break;
        [heap[min], heap[i]] = [heap[i], heap[min]];
        i = min;
      }
    }
  }
}

/** Scores entries for one query, each once, from the bitsets of the query's terms. */
class Scorer {
  private readonly ranked = new Map<number, RankedEntry>();
  private readonly rowsOf = new Map<number, { n: number; row: number[] }[]>();
  private readonly lifted = new Map<number, number>();
  private readonly idf: number[];
  /** Slots whose term is telling (see `tellingIdf`). */
  private readonly telling: number[];
  /** Cue slots (see `Slot.cue`). */
  private readonly cues: number[];
  private readonly size: number;
  /** Weight of a match outside the best statement, by the question's length. */
  private readonly rest: number;
  private readonly zero: number[];
  private readonly best: Float64Array;
  /** Statement bitsets of the asked members of contrast groups, and of their rivals. */
  private readonly contrasts: { own: Uint32Array[]; rivals: Uint32Array[] }[];
  private readonly engine: SearchEngine;
  private readonly units: Unit[];
  private readonly titleUnits: Unit[];
  private readonly stmtUnits: Unit[];

  constructor(engine: SearchEngine, query: AnalyzedQuery, units: Unit[]) {
    this.engine = engine;
    this.units = units;
    this.titleUnits = units.filter((u) => u.field === 'titles');
    this.stmtUnits = units.filter((u) => u.field === 'statements');
    this.size = query.slots.length;
    this.rest = query.slots.filter((s) => !s.cue).length >= longQuestion ? weights.restLong : weights.rest;
    this.idf = query.slots.map((s) => s.idf);
    const telling = tellingIdf(engine);
    this.telling = this.idf.flatMap((v, j) => (v >= telling && !query.slots[j].cue ? [j] : []));
    this.cues = query.slots.flatMap((s, j) => (s.cue ? [j] : []));
    this.zero = new Array<number>(this.size).fill(0);
    this.best = new Float64Array(this.size);
    // Statements that name an alternative of an asked subject (and not the subject itself) are about something
    // else. A question naming both alternatives (Linux and Windows) asks about both, so neither counts against.
    const groups = new Map<number, Set<string>>();
    for (const slot of query.slots) {
      if (slot.contrast === null) continue;
      const member = engine.lexicon.contrastMembers[slot.contrast].find((m) => slot.term === m || slot.term.startsWith(`${m}_`)) ?? slot.term;
      groups.set(slot.contrast, (groups.get(slot.contrast) ?? new Set()).add(member));
    }
    this.contrasts = [...groups]
      .filter(([, asked]) => asked.size === 1)
      .map(([group, asked]) => ({
        own: [...asked].filter((t) => engine.vocabularySet.has(t)).map((t) => termBits(engine, t).statements),
        rivals: engine.lexicon.contrastMembers[group].filter((r) => !asked.has(r) && engine.vocabularySet.has(r)).map((r) => termBits(engine, r).statements),
      }))
      .filter((c) => c.rivals.length > 0);
  }

  /**
   * The most entry `e` can score: per slot, the best gain among the units that reach it. Units before `from` are
   * known not to reach it (it is not in their walk lists), so only the rest are read.
   */
  bound(e: number, from: number): number {
    const { best, units } = this;
    best.fill(0);
    for (let i = from; i < units.length; i++) {
      const u = units[i];
      if (u.gain > best[u.j] && has(u.reach, e)) best[u.j] = u.gain;
    }
    let sum = 0;
    for (let j = 0; j < this.size; j++) sum += best[j];
    return sum;
  }

  /** The scored entries that score at least `min`, best first. */
  sorted(min: number): RankedEntry[] {
    return [...this.ranked.values()].filter((r) => r.score >= min).sort((a, b) => b.score - a.score || b.focus - a.focus || Number(b.entry.question) - Number(a.entry.question) || a.entry.n - b.entry.n);
  }

  /** Fills in `matched` and `terms` of the entries a caller can show. */
  detail(top: RankedEntry[]): RankedEntry[] {
    const { engine, idf } = this;
    const every = [...new Set(this.units.map((u) => u.alt.term))].map((term) => ({ term, bits: termBits(engine, term) }));
    for (const r of top.slice(0, detailed)) {
      const e = r.entry.n;
      // Citations and verdicts read the statements that match most on their own; ties go to reading order.
      const own = (row: number[]) => row.reduce((sum, w, j) => sum + idf[j] * w, 0);
      r.matched = (this.rowsOf.get(e) ?? []).map(({ n, row }) => ({ n, v: own(row) })).sort((a, b) => b.v - a.v || a.n - b.n).map((o) => o.n);
      const target = this.lifted.get(e);
      if (target !== undefined) r.matched = [target, ...r.matched.filter((m) => m !== target)];
      r.terms = new Set(every.filter(({ bits }) => has(bits.titles, e) || r.matched.some((n) => has(bits.statements, n))).map((t) => t.term));
    }
    return top;
  }

  /** True when statement `n` holds a term of slot `j` (whether or not its entry is a candidate yet). */
  private statementMatches(n: number, j: number): boolean {
    return this.stmtUnits.some((u) => u.j === j && has(u.bits, n));
  }

  /**
   * Per slot, the best weight among `units` whose bitset holds `n`, or null when none does. Rows are plain arrays:
   * a typed array past 64 bytes gets a buffer of its own outside the heap, which made one per statement slow.
   */
  private hits(units: Unit[], n: number): number[] | null {
    let row: number[] | null = null;
    for (const { j, alt, bits } of units) {
      if (!has(bits, n)) continue;
      row ??= new Array<number>(this.size).fill(0);
      if (alt.weight > row[j]) row[j] = alt.weight;
    }
    return row;
  }

  /** An entry's title weights (times its title boost); a title made from an outdated statement counts as that. */
  private titleRow(entry: EntryInfo): number[] {
    if (titledByOutdated(this.engine, entry)) return this.zero;
    const row = this.hits(this.titleUnits, entry.n);
    if (!row) return this.zero;
    const tw = entry.question ? weights.questionTitle : weights.title;
    for (let j = 0; j < this.size; j++) row[j] *= tw;
    return row;
  }

  /**
   * A statement's weights, or null when it did not match (itself, or through the title made from it): demoted
   * when about another subject; an outdated one takes its title's match too.
   */
  private statementRow(n: number, factor = 1): number[] | null {
    const { engine, size } = this;
    const s = statementAt(engine, n);
    const title = s.status === 'outdated' && engine.entries[s.e]?.titleFrom === n ? this.hits(this.titleUnits, s.e) : null;
    const row = this.hits(this.stmtUnits, n) ?? (title ? new Array<number>(size).fill(0) : null);
    if (!row) return null;
    const other = this.contrasts.some((c) => !c.own.some((b) => has(b, n)) && c.rivals.some((b) => has(b, n)));
    const f = factor * (other ? weights.otherSubject : 1);
    for (let j = 0; j < size; j++) row[j] *= f;
    if (title) for (let j = 0; j < size; j++) row[j] = Math.max(row[j], title[j]);
    return row;
  }

  /** Scores entry `e` in full and returns its score. */
  score(e: number): number {
    const { engine, size, idf, zero } = this;
    const entry = engine.entries[e];
    const t = this.titleRow(entry);
    const value = (row: number[]) => {
      let v = 0;
      for (let j = 0; j < size; j++) v += idf[j] * Math.max(t[j], weights.best * row[j]);
      return v;
    };
    // The part of a weighted row (per slot, as coverage is) that cue slots give.
    const cueOf = (row: readonly number[]) => this.cues.reduce((sum, j) => sum + idf[j] * row[j], 0);
    const rows: { n: number; row: number[] }[] = [];
    const outdated: number[] = [];
    let outdatedValue = 0;
    let outdatedCue = 0;
    for (const n of entry.statements) {
      const s = statementAt(engine, n);
      const row = this.statementRow(n, s.status === 'dated' ? weights.dated : 1);
      if (!row) continue;
      if (s.status !== 'outdated') rows.push({ n, row });
      else {
        outdated.push(n);
        const v = value(row) * weights.outdatedOwn;
        // Cues never match titles, so a cue slot's part of `value` is its part of the row.
        if (v > outdatedValue) [outdatedValue, outdatedCue] = [v, cueOf(row) * weights.best * weights.outdatedOwn];
      }
    }
    let best: number[] = zero;
    let bestValue = -1;
    for (const { row } of rows) {
      const v = value(row);
      if (v > bestValue) [best, bestValue] = [row, v];
    }
    const coverage = new Array<number>(size).fill(0);
    let score = 0;
    for (let j = 0; j < size; j++) {
      let others = 0;
      for (const { row } of rows) if (row !== best && row[j] > others) others = row[j];
      coverage[j] = Math.max(t[j], weights.best * best[j], this.rest * others);
      score += idf[j] * coverage[j];
    }
    let cue = cueOf(coverage);
    if (outdatedValue > score) [score, cue] = [outdatedValue, outdatedCue];
    let focus = 0;
    for (let j = 0; j < size; j++) {
      let holding = 0;
      for (const { row } of rows) if (row[j] > 0 && ++holding === focusCap) break;
      focus += idf[j] * holding;
    }
    const r: RankedEntry = { entry, score, matched: [], matchedOutdated: outdated, terms: new Set(), coverage, cue, focus };
    // Outdated matches lift the entry holding their replacements (never above what it would earn as current).
    // An entry can replace hundreds of outdated statements with the same few, so replacement rows are made once.
    const replacements = new Map<number, number[]>();
    for (const n of entry.supersedes) {
      const row = this.statementRow(n);
      if (!row) continue;
      // An outdated statement about several things ("Network Policy and cluster autoscaler aren't endorsed") is
      // replaced by one statement per thing: a word of the question goes to the replacement about it, not to all.
      // Replacements that share a telling word of the question are about the same thing, and share the match.
      // (Never more than max(title, row, replacement) per slot, so the entry's bound still holds.)
      const [own, elsewhere] = partition(statementAt(engine, n).sup, (o) => statementAt(engine, o)?.e === entry.n);
      if (own.length === 0) continue;
      const others = elsewhere.filter((o) => !this.telling.some((k) => this.statementMatches(o, k) && own.some((m) => this.statementMatches(m, k))));
      const passed = row.map((w, j) => (t[j] > 0 || own.some((o) => this.statementMatches(o, j)) || !others.some((o) => this.statementMatches(o, j)) ? w : 0));
      for (const target of own) {
        let replacement = replacements.get(target);
        if (!replacement) replacements.set(target, (replacement = this.statementRow(target) ?? zero));
        const lift = Array.from({ length: size }, (_, j) => weights.outdatedTransfer * Math.max(t[j], passed[j], replacement[j]));
        const v = lift.reduce((sum, c, j) => sum + idf[j] * c, 0);
        if (v > r.score) {
          r.score = v;
          r.cue = cueOf(lift);
          // What the question matched through the replaced statement counts as matched here (abstention reads it).
          r.coverage = lift.map((c, j) => Math.max(c, coverage[j]));
          this.lifted.set(entry.n, target);
        }
        if (!r.matchedOutdated.includes(n)) r.matchedOutdated.push(n);
      }
    }
    this.rowsOf.set(entry.n, rows);
    this.ranked.set(entry.n, r);
    return r.score;
  }
}

/** Splits a list by a test: the items that pass, then the rest. */
function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}

/** The most a query could score: every slot matched at full weight (cue slots left out, see `Slot.cue`). */
export function maxScore(query: AnalyzedQuery, unknownFactor: (named: boolean) => number): number {
  return query.slots.reduce((sum, s) => sum + (s.cue ? 0 : s.idf * (s.unknown ? unknownFactor(s.named) : 1)), 0);
}
