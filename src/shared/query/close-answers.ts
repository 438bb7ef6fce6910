// Close matches: runners-up shown openly next to the first answer. A module of its own, with no runtime imports, so
// the /ask/ page can lay out answers without loading the query module before the first question.
import type { Answer, AskResult } from './ask.ts';

/**
 * How close (as a share of the top answer's confidence) a runner-up must be to be shown as a close match: one that
 * may answer the question instead. On the tuning question sets (tests/unit/query/fixtures and the dev set), 0.85 shows
 * 10 of the 21 right answers that rank 2nd or 3rd, on 84 of 281 answered questions (0.8: 14 on 106; 0.9: 9 on 72).
 */
export const closeMatch = 0.85;

/** Runners-up (ranks 2–3) that match almost as well as the top answer, best first: the question may be theirs. */
export function closeAnswers(result: Pick<AskResult, 'answers' | 'abstained'>): Answer[] {
  const [top, ...rest] = result.answers;
  if (result.abstained || !top) return [];
  return rest.slice(0, 2).filter((a) => a.score >= closeMatch * top.score);
}
