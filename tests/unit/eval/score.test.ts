import { describe, expect, test } from 'vitest';
import { isHit, showsOutdated, type EvalQuestion } from '../../../scripts/eval/rule.ts';
import { mrr, poolScores, scoreSet, share, wilson, type AskLine } from '../../../scripts/eval/score.ts';

const question = (q: Partial<EvalQuestion> & Pick<EvalQuestion, 'id'>): EvalQuestion => ({
  question: `question ${q.id}`,
  origin: 'paraphrase',
  answer_quote: null,
  outdated_claim: null,
  ...q,
});

const answer = (text: string, verdict: string | null = null, outdated: string[] = []) => ({ id: text, title: text, text, verdict, outdated: outdated.map((o) => ({ text: o })) });
const asked = (answers: AskLine['answers'], abstained = false): AskLine => ({ question: '', abstained, confidence: 0.5, answers });

const trap = question({
  id: 't',
  origin: 'trap',
  answer_quote: 'A cluster can have a maximum of 100 node pools.',
  outdated_claim: 'A cluster can have a maximum of eight node pools.',
});

describe('the scoring rule (../shared/eval/README.md)', () => {
  test('an answer is a hit when it holds 80% of the distinct words of the quote or of an alternative quote', () => {
    const q = question({ id: 'a', answer_quote: 'one two three four five', alt_quotes: [{ file: 'f', quote: 'six seven' }] });
    expect(isHit(q, 'One, two; three and four!')).toBe(true);
    expect(isHit(q, 'one two three')).toBe(false);
    expect(isHit(q, 'seven then six')).toBe(true);
  });

  test("on a trap a hit needs the quote's words that the outdated claim lacks, and the outdated claim is shown only with its own", () => {
    expect(isHit(trap, 'A cluster can have a maximum of 100 node pools.')).toBe(true);
    expect(isHit(trap, 'A cluster can have a maximum of eight node pools.')).toBe(false);
    expect(showsOutdated(trap, [{ text: 'Until 2021 a cluster can have a maximum of eight node pools.' }])).toBe(true);
    expect(showsOutdated(trap, [{ text: 'A cluster can have a maximum of 100 node pools.' }])).toBe(false);
  });
});

describe('scoreSet', () => {
  const set = [
    trap,
    question({ id: 'b', answer_quote: 'kubenet is not supported', verdict: 'no' }),
    question({ id: 'c', answer_quote: 'gmsa works on windows nodes', verdict: 'yes' }),
    question({ id: 'd', answer_quote: 'use azure files' }),
    question({ id: 'o1', origin: 'out_of_scope' }),
    question({ id: 'o2', origin: 'out_of_scope' }),
  ];
  const results = [
    asked([answer('A cluster can have a maximum of 100 node pools.', null, ['A cluster can have a maximum of eight node pools.'])]),
    { ...asked([answer('something else', 'yes'), answer('kubenet is not supported on windows', 'no')]), close: ['kubenet is not supported on windows'] },
    asked([], true),
    asked([answer('use azure files for shared volumes', 'yes')]),
    asked([], true),
    asked([answer('an unrelated entry')]),
  ];
  const score = scoreSet(set, results);

  test('counts hits by rank, verdicts at rank 1, traps and abstentions', () => {
    expect(score.recallAt1).toEqual({ k: 2, n: 4 });
    expect(score.recallAt3).toEqual({ k: 3, n: 4 });
    expect(score.ranks).toEqual([2, 1, 0, 0, 0]);
    // b's answer ranks second but is shown openly as a close match.
    expect(score.shown).toEqual({ k: 3, n: 4 });
    expect(score.reciprocalRanks).toBe(2.5);
    expect(mrr(score)).toBe(2.5 / 4);
    // b's verdict is read from its rank-1 answer (wrong entry, "yes"); c abstained, which counts as a wrong verdict.
    expect(score.verdict).toEqual({ k: 0, n: 2 });
    // d expects no verdict and got one; the trap expects none and got none.
    expect(score.verdictNone).toEqual({ k: 1, n: 2 });
    expect(score.traps).toEqual({ k: 1, n: 1 });
    expect(score.outOfScopeAbstained).toEqual({ k: 1, n: 2 });
    expect(score.inScopeAbstentions).toBe(1);
    expect(score.misses.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(['b verdict:', 'b hit', 'c verdict:', 'c abstained', 'd verdict:', 'o2 out']);
  });

  test('a trap answered with the current statement but without the outdated one attached is not handled', () => {
    const bare = scoreSet([trap], [asked([answer('A cluster can have a maximum of 100 node pools.')])]);
    expect(bare.recallAt1).toEqual({ k: 1, n: 1 });
    expect(bare.traps).toEqual({ k: 0, n: 1 });
  });

  test('refuses answers that do not line up with the questions', () => {
    expect(() => scoreSet(set, results.slice(1))).toThrow('5 answers for 6 questions');
  });

  test('pooling adds the counts of several sets', () => {
    const pooled = poolScores([score, score]);
    expect(pooled.questions).toBe(12);
    expect(pooled.recallAt1).toEqual({ k: 4, n: 8 });
    expect(pooled.shown).toEqual({ k: 6, n: 8 });
    expect(pooled.ranks).toEqual([4, 2, 0, 0, 0]);
    expect(pooled.misses).toHaveLength(2 * score.misses.length);
    expect(share(pooled.outOfScopeAbstained)).toBe(0.5);
  });
});

describe('wilson', () => {
  test('gives the 95% Wilson score interval of a share', () => {
    const [low, high] = wilson({ k: 5, n: 10 });
    expect(low).toBeCloseTo(0.2366, 4);
    expect(high).toBeCloseTo(0.7634, 4);
    expect(wilson({ k: 0, n: 10 })[0]).toBe(0);
    expect(wilson({ k: 0, n: 10 })[1]).toBeCloseTo(0.2775, 4);
    expect(wilson({ k: 40, n: 40 })).toEqual([expect.closeTo(0.9124, 4), 1]);
  });

  test('knows nothing of an empty count, and a share of nothing is 1 (no trap mishandled)', () => {
    expect(wilson({ k: 0, n: 0 })).toEqual([0, 1]);
    expect(share({ k: 0, n: 0 })).toBe(1);
  });
});
