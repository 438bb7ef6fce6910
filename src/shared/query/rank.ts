import { tellingIdf, type Alternative, type AnalyzedQuery } from './analyze-query.ts';
import { postings, statementAt, type EntryInfo, type SearchEngine, type TermPostings } from './engine.ts';

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
  otherSubject: 0.6,
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

/** A term's postings as bitsets over entry and statement numbers: membership tests cost one load and a shift. */
interface Bits {
  titles: Uint32Array;
  statements: Uint32Array;
}

const has = (bits: Uint32Array, n: number): boolean => ((bits[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;

/** Bitsets of each looked-up term, kept as long as the engine keeps its postings. */
const postingBits = new WeakMap<TermPostings, Bits>();

function bitsOf(engine: SearchEngine, term: string): Bits {
  const p = postings(engine, term);
  let bits = postingBits.get(p);
  if (!bits) {
    const set = (list: number[], size: number) => {
      const b = new Uint32Array((size >>> 5) + 1);
      for (const n of list) b[n >>> 5] |= 1 << (n & 31);
      return b;
    };
    postingBits.set(p, (bits = { titles: set(p.titles, engine.entries.length), statements: set(p.statements, engine.statements.length) }));
  }
  return bits;
}

/** Outdated statements, and entries whose title was made from one, per engine (computed once). */
const outdatedLists = new WeakMap<SearchEngine, { statements: number[]; titles: number[] }>();

function outdatedOf(engine: SearchEngine): { statements: number[]; titles: number[] } {
  let lists = outdatedLists.get(engine);
  if (!lists) {
    const statements = engine.statements.filter((s) => s.status === 'outdated').map((s) => s.n);
    const titles = engine.entries.filter((e) => e.titleFrom !== null && statementAt(engine, e.titleFrom)?.status === 'outdated').map((e) => e.n);
    outdatedLists.set(engine, (lists = { statements, titles }));
  }
  return lists;
}

/** Match weights per slot for titles (by entry) or statements (by statement): the best weight each slot matched. */
class HitTable {
  values = new Float64Array(0);
  /** Rows with a match, in the order they got one. */
  touched: number[] = [];
  mark = new Uint8Array(0);
  size = 0;

  /** Clears what the last use touched and sizes the table for `count` rows of `size` slots. */
  reset(count: number, size: number): void {
    if (this.values.length < count * size) this.values = new Float64Array(count * size);
    else for (const n of this.touched) this.values.fill(0, n * this.size, n * this.size + this.size);
    if (this.mark.length < count) this.mark = new Uint8Array(count);
    else for (const n of this.touched) this.mark[n] = 0;
    this.touched = [];
    this.size = size;
  }

  /** Records a match of slot `j` at `weight`, keeping the best. */
  hit(n: number, j: number, weight: number): void {
    if (this.mark[n] === 0) {
      this.mark[n] = 1;
      this.touched.push(n);
    }
    const at = n * this.size + j;
    if (weight > this.values[at]) this.values[at] = weight;
  }

  get(n: number, j: number): number {
    return this.values[n * this.size + j];
  }

  /** True when row `n` has a match. */
  has(n: number): boolean {
    return this.mark[n] !== 0;
  }
}

/**
 * The tables are large (a row per statement) and a query touches a small part of them, so each engine keeps one
 * pair and clears only what the last query touched: allocating a row per hit is what made large corpora slow.
 */
const tables = new WeakMap<SearchEngine, { titles: HitTable; statements: HitTable }>();

function tablesOf(engine: SearchEngine): { titles: HitTable; statements: HitTable } {
  let t = tables.get(engine);
  if (!t) tables.set(engine, (t = { titles: new HitTable(), statements: new HitTable() }));
  return t;
}

/** One alternative of one query slot, in titles or in statements; `gain` is the most a match through it adds. */
interface Unit {
  j: number;
  alt: Alternative;
  field: 'titles' | 'statements';
  cost: number;
  gain: number;
  /** The term's postings in `field`, as a bitset. */
  bits: Uint32Array;
}

/** Postings walked in the first round, whatever the bound: below this a full scan is cheap anyway. */
const defaultFirstWalk = 256;

/** Options for `rankEntries`. */
export interface RankOptions {
  /** Only these entries may rank (search filters). */
  allowed?: Set<number>;
  /** How many of the best entries are returned, exactly as a full scan orders them (at least `detailed`). */
  depth?: number;
  /** Postings walked before the first threshold is taken (tests set it low to force many rounds). */
  firstWalk?: number;
}

/**
 * Ranks entries for an analysed query and returns the best `depth` of them (at least `detailed`): each query slot
 * counts once, at the best place it matched (title, best statement, rest of the entry), weighted by its idf.
 * Outdated statements never answer: their match is demoted in their own entry and passed on to the entry that
 * holds their replacement, so the current answer ranks above.
 *
 * Common words occur in a large share of a big corpus, so scoring every statement that holds one is what made
 * queries slow. This follows MaxScore (Turtle & Flood, 1995): candidates come from walking the postings of the
 * cheapest, most telling terms and are scored in full (the other terms are looked up in bitsets); more postings
 * are walked, round by round, until the most an entry outside the candidates could score falls below the
 * `depth`-th candidate's score. The top `depth` are then exactly those of a full scan.
 */
export function rankEntries(engine: SearchEngine, query: AnalyzedQuery, options: RankOptions = {}): RankedEntry[] {
  const { allowed, depth = detailed, firstWalk = defaultFirstWalk } = options;
  const size = query.slots.length;
  if (size === 0) return [];
  // Each (slot, alternative, field) is walked or looked up on its own: a rare word's common synonyms (matched at a
  // lower weight) should not make the whole slot expensive, and titles are few but weigh the most.
  const fieldWeight = { titles: Math.max(weights.title, weights.questionTitle), statements: weights.best };
  const units: Unit[] = query.slots
    .flatMap((slot, j) =>
      slot.alternatives
        .filter((a) => engine.vocabularySet.has(a.term))
        .flatMap((alt) => (['titles', 'statements'] as const).map((field) => ({ j, alt, field, cost: postings(engine, alt.term)[field].length, gain: slot.idf * alt.weight * fieldWeight[field], bits: bitsOf(engine, alt.term)[field] }))),
    )
    .filter((u) => u.cost > 0)
    // Cheap and telling first: the order in which walking lowers the bound fastest for what it costs.
    .sort((a, b) => a.cost / a.gain - b.cost / b.gain || a.j - b.j);
  // The most an entry can score from units[from..] alone: per slot, its best remaining unit.
  const outside = (from: number) => {
    const best = new Float64Array(size);
    for (const u of units.slice(from)) best[u.j] = Math.max(best[u.j], u.gain);
    return best.reduce((sum, g) => sum + g, 0);
  };
  const keep = Math.max(depth, detailed);
  const scorer = new Scorer(engine, query, units);
  let k = 0;
  for (let walked = 0; k < units.length && walked < firstWalk; k++) walked += units[k].cost;
  scorer.walk(0, k, allowed);
  for (;;) {
    const ranked = scorer.sorted();
    if (k >= units.length || (ranked.length >= keep && ranked[keep - 1].score > outside(k))) return scorer.detail(ranked.slice(0, keep));
    // Walk on to where the bound may already hold under the current threshold (it only rises as candidates are
    // added), but at most twice as much as so far: an early threshold from few candidates is often far too low.
    const threshold = ranked.length >= keep ? ranked[keep - 1].score : 0;
    const from = k;
    let walked = units.slice(0, k).reduce((n, u) => n + u.cost, 0);
    const limit = 2 * walked;
    walked += units[k++].cost;
    while (k < units.length && outside(k) >= threshold && walked + units[k].cost <= limit) walked += units[k++].cost;
    scorer.walk(from, k, allowed);
  }
}

/** Scores entries for one query as rounds of walking reveal them; a scored entry's score is final. */
class Scorer {
  private readonly titleHits: HitTable;
  private readonly stmtHits: HitTable;
  private readonly ranked = new Map<number, RankedEntry>();
  private readonly rowsOf = new Map<number, { n: number; row: Float64Array }[]>();
  private readonly lifted = new Map<number, number>();
  private readonly idf: number[];
  /** Slots whose term is telling (see `tellingIdf`). */
  private readonly telling: number[];
  private readonly size: number;
  private readonly title: Float64Array;
  private readonly zero: Float64Array;
  /** Statement bitsets of the asked members of contrast groups, and of their rivals. */
  private readonly contrasts: { own: Uint32Array[]; rivals: Uint32Array[] }[];
  private readonly engine: SearchEngine;
  private readonly units: Unit[];

  constructor(engine: SearchEngine, query: AnalyzedQuery, units: Unit[]) {
    this.engine = engine;
    this.units = units;
    this.size = query.slots.length;
    this.idf = query.slots.map((s) => s.idf);
    const telling = tellingIdf(engine);
    this.telling = this.idf.flatMap((v, j) => (v >= telling ? [j] : []));
    this.title = new Float64Array(this.size);
    this.zero = new Float64Array(this.size);
    const t = tablesOf(engine);
    this.titleHits = t.titles;
    this.stmtHits = t.statements;
    this.titleHits.reset(engine.entries.length, this.size);
    this.stmtHits.reset(engine.statements.length, this.size);
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
        own: [...asked].filter((t) => engine.vocabularySet.has(t)).map((t) => bitsOf(engine, t).statements),
        rivals: engine.lexicon.contrastMembers[group].filter((r) => !asked.has(r) && engine.vocabularySet.has(r)).map((r) => bitsOf(engine, r).statements),
      }))
      .filter((c) => c.rivals.length > 0);
  }

  /**
   * Walks units[from..to): their postings' entries (and the holders of replacements for outdated statements among
   * them) become candidates, completed by looking up the units not walked yet, and are scored.
   */
  walk(from: number, to: number, allowed?: Set<number>): void {
    const { engine } = this;
    const fresh = new Set<number>();
    const addReplacements = (n: number) => {
      for (const target of statementAt(engine, n)?.sup ?? []) fresh.add(statementAt(engine, target)?.e ?? -1);
    };
    for (const { j, alt, field } of this.units.slice(from, to)) {
      const table = field === 'titles' ? this.titleHits : this.stmtHits;
      for (const n of postings(engine, alt.term)[field]) {
        table.hit(n, j, alt.weight);
        if (field === 'titles') {
          fresh.add(n);
          // A title made from an outdated statement counts as that statement (see `statementRow`).
          const tf = engine.entries[n]?.titleFrom;
          if (tf !== null && tf !== undefined && statementAt(engine, tf)?.status === 'outdated') addReplacements(tf);
        } else {
          const s = statementAt(engine, n);
          if (!s) continue;
          fresh.add(s.e);
          if (s.status === 'outdated') addReplacements(n);
        }
      }
    }
    const titleUnits = this.units.slice(to).filter((u) => u.field === 'titles');
    const stmtUnits = this.units.slice(to).filter((u) => u.field === 'statements');
    if (from === 0) {
      // Outdated statements (and titles made from them) count for the entries holding their replacements, which
      // may be candidates without holding them: they are completed once, with every unit not walked.
      const outdated = outdatedOf(engine);
      for (const n of outdated.statements) this.lookUp(this.stmtHits, stmtUnits, n);
      for (const e of outdated.titles) this.lookUp(this.titleHits, titleUnits, e);
    }
    for (const e of [...fresh].sort((a, b) => a - b)) {
      if (e < 0 || this.ranked.has(e) || (allowed && !allowed.has(e))) continue;
      const entry = engine.entries[e];
      if (!entry) continue;
      this.lookUp(this.titleHits, titleUnits, e);
      for (const n of entry.statements) this.lookUp(this.stmtHits, stmtUnits, n);
      this.score(entry);
    }
  }

  /** The candidates, best first. */
  sorted(): RankedEntry[] {
    return [...this.ranked.values()].sort((a, b) => b.score - a.score || Number(b.entry.question) - Number(a.entry.question) || a.entry.n - b.entry.n);
  }

  /** Fills in `matched` and `terms` of the entries a caller can show. */
  detail(top: RankedEntry[]): RankedEntry[] {
    const { engine, idf } = this;
    const every = [...new Set(this.units.map((u) => u.alt.term))].map((term) => ({ term, bits: bitsOf(engine, term) }));
    for (const r of top.slice(0, detailed)) {
      const e = r.entry.n;
      // Citations and verdicts read the statements that match most on their own; ties go to reading order.
      const own = (row: Float64Array) => row.reduce((sum, w, j) => sum + idf[j] * w, 0);
      r.matched = (this.rowsOf.get(e) ?? []).map(({ n, row }) => ({ n, v: own(row) })).sort((a, b) => b.v - a.v || a.n - b.n).map((o) => o.n);
      const target = this.lifted.get(e);
      if (target !== undefined) r.matched = [target, ...r.matched.filter((m) => m !== target)];
      r.terms = new Set(every.filter(({ bits }) => has(bits.titles, e) || r.matched.some((n) => has(bits.statements, n))).map((t) => t.term));
    }
    return top;
  }

  /** True when statement `n` holds a term of slot `j` (whether or not its entry is a candidate yet). */
  private statementMatches(n: number, j: number): boolean {
    return this.units.some((u) => u.j === j && u.field === 'statements' && has(u.bits, n));
  }

  private lookUp(table: HitTable, units: Unit[], n: number): void {
    for (const { j, alt, bits } of units) if (has(bits, n)) table.hit(n, j, alt.weight);
  }

  /** An entry's title weights (times its title boost); a title made from an outdated statement counts as that. */
  private titleRow(entry: EntryInfo): Float64Array {
    const tf = entry.titleFrom;
    const moved = tf !== null && statementAt(this.engine, tf)?.status === 'outdated';
    const tw = entry.question ? weights.questionTitle : weights.title;
    for (let j = 0; j < this.size; j++) this.title[j] = moved ? 0 : tw * this.titleHits.get(entry.n, j);
    return this.title;
  }

  /** True when a statement matched (itself, or through the title made from it). */
  private matches(n: number): boolean {
    if (this.stmtHits.has(n)) return true;
    const s = statementAt(this.engine, n);
    return s.status === 'outdated' && this.engine.entries[s.e]?.titleFrom === n && this.titleHits.has(s.e);
  }

  /** A statement's weights: demoted when about another subject; an outdated one takes its title's match too. */
  private statementRow(n: number, factor = 1): Float64Array {
    const { engine, size } = this;
    const row = new Float64Array(size);
    const other = this.contrasts.some((c) => !c.own.some((b) => has(b, n)) && c.rivals.some((b) => has(b, n)));
    const f = factor * (other ? weights.otherSubject : 1);
    for (let j = 0; j < size; j++) row[j] = f * this.stmtHits.get(n, j);
    const s = statementAt(engine, n);
    if (s.status === 'outdated' && engine.entries[s.e]?.titleFrom === n) for (let j = 0; j < size; j++) row[j] = Math.max(row[j], this.titleHits.get(s.e, j));
    return row;
  }

  private score(entry: EntryInfo): void {
    const { engine, size, idf, zero } = this;
    const t = this.titleRow(entry);
    const value = (row: Float64Array) => {
      let v = 0;
      for (let j = 0; j < size; j++) v += idf[j] * Math.max(t[j], weights.best * row[j]);
      return v;
    };
    const rows: { n: number; row: Float64Array }[] = [];
    const outdated: number[] = [];
    for (const n of entry.statements) {
      if (!this.matches(n)) continue;
      const s = statementAt(engine, n);
      if (s.status === 'outdated') outdated.push(n);
      else rows.push({ n, row: this.statementRow(n, s.status === 'dated' ? weights.dated : 1) });
    }
    let best: Float64Array = zero;
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
      coverage[j] = Math.max(t[j], weights.best * best[j], weights.rest * others);
      score += idf[j] * coverage[j];
    }
    for (const n of outdated) score = Math.max(score, value(this.statementRow(n)) * weights.outdatedOwn);
    const r: RankedEntry = { entry, score, matched: [], matchedOutdated: outdated, terms: new Set(), coverage };
    // Outdated matches lift the entry holding their replacements (never above what it would earn as current).
    for (const n of entry.supersedes) {
      if (!this.matches(n)) continue;
      const row = this.statementRow(n);
      for (const target of statementAt(engine, n).sup) {
        if (statementAt(engine, target)?.e !== entry.n) continue;
        const replacement = this.statementRow(target);
        // An outdated statement about several things ("Network Policy and cluster autoscaler aren't endorsed") is
        // replaced by one statement per thing: a word of the question goes to the replacement about it, not to all.
        // Replacements that share a telling word of the question are about the same thing, and share the match.
        const [own, elsewhere] = partition(statementAt(engine, n).sup, (o) => statementAt(engine, o)?.e === entry.n);
        const others = elsewhere.filter((o) => !this.telling.some((k) => this.statementMatches(o, k) && own.some((m) => this.statementMatches(m, k))));
        const passed = (j: number) => t[j] > 0 || own.some((o) => this.statementMatches(o, j)) || !others.some((o) => this.statementMatches(o, j));
        const lift = Array.from({ length: size }, (_, j) => weights.outdatedTransfer * Math.max(t[j], passed(j) ? row[j] : 0, replacement[j]));
        const v = lift.reduce((sum, c, j) => sum + idf[j] * c, 0);
        if (v > r.score) {
          r.score = v;
          // What the question matched through the replaced statement counts as matched here (abstention reads it).
          r.coverage = lift.map((c, j) => Math.max(c, coverage[j]));
          this.lifted.set(entry.n, target);
        }
        if (!r.matchedOutdated.includes(n)) r.matchedOutdated.push(n);
      }
    }
    this.rowsOf.set(entry.n, rows);
    this.ranked.set(entry.n, r);
  }
}

/** Splits a list by a test: the items that pass, then the rest. */
function partition<T>(list: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [list.filter(test), list.filter((item) => !test(item))];
}

/** The most a query could score: every slot matched at full weight. */
export function maxScore(query: AnalyzedQuery, unknownFactor: (named: boolean) => number): number {
  return query.slots.reduce((sum, s) => sum + s.idf * (s.unknown ? unknownFactor(s.named) : 1), 0);
}
