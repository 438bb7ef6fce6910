// Scores one question set's answers with the rule in rule.ts, as counts: `npm run eval` prints them, with intervals.
import { isHit, showsOutdated, type EvalQuestion } from './rule.ts';

/** One answered question as `kb ask --json` prints it (the fields the rule reads). */
export interface AskLine {
  question: string;
  abstained: boolean;
  confidence?: number;
  answers: { id: string; title: string; text: string; verdict: string | null; outdated: { text: string }[] }[];
  /** Ids of the runners-up shown openly as close matches. */
  close?: string[];
}

/** A count out of a total. */
export interface Count {
  k: number;
  n: number;
}

/** A question set's scores, as counts so that sets can be pooled and given intervals. */
export interface SetScore {
  questions: number;
  /** In-scope questions with the answer at rank 1, 2–3, …: `ranks[i]` counts hits at rank i + 1 (up to 5). */
  ranks: number[];
  recallAt1: Count;
  recallAt3: Count;
  /** In-scope questions whose answer is shown without unfolding anything: first, or among the close matches. */
  shown: Count;
  /** Sum of reciprocal ranks; divide by `recallAt1.n` for MRR. */
  reciprocalRanks: number;
  verdict: Count;
  verdictNone: Count;
  traps: Count;
  outOfScopeAbstained: Count;
  inScopeAbstentions: number;
  /** Confidence of rank-1 hits, of in-scope misses and of out-of-scope questions. */
  confidence: { hit: number[]; miss: number[]; oos: number[] };
  /** One line per miss, with the question (left out of reports of sealed sets). */
  misses: string[];
}

/** Scores `results[i]` as the answer to `set[i]`. */
export function scoreSet(set: readonly EvalQuestion[], results: readonly AskLine[]): SetScore {
  if (results.length !== set.length) throw new Error(`${results.length} answers for ${set.length} questions`);
  const score: SetScore = {
    questions: set.length,
    ranks: [0, 0, 0, 0, 0],
    recallAt1: { k: 0, n: 0 },
    recallAt3: { k: 0, n: 0 },
    shown: { k: 0, n: 0 },
    reciprocalRanks: 0,
    verdict: { k: 0, n: 0 },
    verdictNone: { k: 0, n: 0 },
    traps: { k: 0, n: 0 },
    outOfScopeAbstained: { k: 0, n: 0 },
    inScopeAbstentions: 0,
    confidence: { hit: [], miss: [], oos: [] },
    misses: [],
  };
  set.forEach((q, i) => {
    const r = results[i];
    const top = r.answers[0];
    if (q.origin === 'out_of_scope') {
      score.confidence.oos.push(r.confidence ?? 0);
      score.outOfScopeAbstained.n++;
      if (r.abstained) score.outOfScopeAbstained.k++;
      else score.misses.push(`${q.id} out of scope but answered (conf ${r.confidence}): ${q.question}\n      top: ${top?.title}`);
      return;
    }
    const rank = r.abstained ? -1 : r.answers.findIndex((a) => isHit(q, a.text));
    score.recallAt1.n++;
    score.recallAt3.n++;
    score.shown.n++;
    const close = rank > 0 && (r.close ?? []).includes(r.answers[rank].id);
    if (rank === 0 || close) score.shown.k++;
    if (r.abstained) score.inScopeAbstentions++;
    if (rank >= 0) {
      score.ranks[rank]++;
      score.reciprocalRanks += 1 / (rank + 1);
    }
    if (rank === 0) score.recallAt1.k++;
    if (rank >= 0 && rank < 3) score.recallAt3.k++;
    (rank === 0 ? score.confidence.hit : score.confidence.miss).push(r.confidence ?? 0);
    if (q.verdict) {
      score.verdict.n++;
      if (top?.verdict === q.verdict) score.verdict.k++;
      else score.misses.push(`${q.id} verdict: expected ${q.verdict}, got ${top?.verdict ?? (r.abstained ? 'abstained' : 'null')}: ${q.question}`);
    } else {
      score.verdictNone.n++;
      if (!top?.verdict) score.verdictNone.k++;
      else score.misses.push(`${q.id} verdict: expected none, got ${top.verdict}: ${q.question}`);
    }
    let trapOk = true;
    if (q.origin === 'trap') {
      score.traps.n++;
      trapOk = rank === 0 && showsOutdated(q, top?.outdated ?? []);
      if (trapOk) score.traps.k++;
    }
    if (rank !== 0) score.misses.push(`${q.id} ${rank < 0 ? (r.abstained ? 'abstained' : 'not in top 5') : `hit at rank ${rank + 1}${close ? ', shown as a close match' : ''}`} (conf ${r.confidence}): ${q.question}\n      top: ${top?.title ?? '—'}`);
    else if (!trapOk) score.misses.push(`${q.id} trap: current answer at rank 1 but the outdated claim is not attached: ${q.question}`);
  });
  return score;
}

/** Adds up the scores of several sets (their misses too). */
export function poolScores(scores: readonly SetScore[]): SetScore {
  const add = (a: Count, b: Count): Count => ({ k: a.k + b.k, n: a.n + b.n });
  return scores.reduce((a, b) => ({
    questions: a.questions + b.questions,
    ranks: a.ranks.map((x, i) => x + b.ranks[i]),
    recallAt1: add(a.recallAt1, b.recallAt1),
    recallAt3: add(a.recallAt3, b.recallAt3),
    shown: add(a.shown, b.shown),
    reciprocalRanks: a.reciprocalRanks + b.reciprocalRanks,
    verdict: add(a.verdict, b.verdict),
    verdictNone: add(a.verdictNone, b.verdictNone),
    traps: add(a.traps, b.traps),
    outOfScopeAbstained: add(a.outOfScopeAbstained, b.outOfScopeAbstained),
    inScopeAbstentions: a.inScopeAbstentions + b.inScopeAbstentions,
    confidence: { hit: [...a.confidence.hit, ...b.confidence.hit], miss: [...a.confidence.miss, ...b.confidence.miss], oos: [...a.confidence.oos, ...b.confidence.oos] },
    misses: [...a.misses, ...b.misses],
  }));
}

/** Mean reciprocal rank over the in-scope questions (0 when there are none). */
export function mrr(score: SetScore): number {
  return score.recallAt1.n === 0 ? 0 : score.reciprocalRanks / score.recallAt1.n;
}

/** A count as a share; 1 when there is nothing to count (no traps: none mishandled). */
export function share({ k, n }: Count): number {
  return n === 0 ? 1 : k / n;
}

/**
 * The Wilson score interval of a share at 95%: on the 30–50 questions of a set, one question moves Recall@1 by 2–3
 * points, and the interval says how far a figure could be from the same system's figure on other questions.
 */
export function wilson({ k, n }: Count, z = 1.96): [low: number, high: number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
