import { readFile } from 'node:fs/promises';

/** One development question (the fields the scoring rule reads). */
export interface DevQuestion {
  id: string;
  question: string;
  origin: 'paraphrase' | 'trap' | 'out_of_scope';
  answer_quote: string | null;
  alt_quotes?: { file: string; quote: string }[];
  outdated_claim: string | null;
}

/** Reads a JSONL question set. */
export async function readQuestions(file: string): Promise<DevQuestion[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevQuestion);
}

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);

/**
 * The dev set's rule (../shared/eval/README.md), the same one `npm run eval` applies: a text answers a question when
 * it holds at least 80% of the distinct lowercase alphanumeric words of the quote or of an alternative quote; on a
 * trap it must also hold the quote's words that the outdated claim lacks.
 */
export function isHit(q: DevQuestion, text: string): boolean {
  const t = words(text);
  const covers = (quote: string) => {
    const w = words(quote);
    let found = 0;
    for (const x of w) if (t.has(x)) found++;
    return w.size > 0 && found / w.size >= 0.8;
  };
  const quotes = [q.answer_quote, ...(q.alt_quotes ?? []).map((a) => a.quote)].filter((x): x is string => !!x);
  if (!quotes.some(covers)) return false;
  if (q.origin === 'trap' && q.answer_quote && q.outdated_claim) {
    const old = words(q.outdated_claim);
    return [...words(q.answer_quote)].filter((w) => !old.has(w)).every((w) => t.has(w));
  }
  return true;
}

/** Recall@1 over the in-scope questions, given each question's top answer text (null when nothing was returned). */
export function recallAt1(questions: DevQuestion[], topTexts: (string | null)[]): number {
  let hits = 0;
  let n = 0;
  questions.forEach((q, i) => {
    if (q.origin === 'out_of_scope') return;
    n++;
    const text = topTexts[i];
    if (text !== null && isHit(q, text)) hits++;
  });
  return n === 0 ? 0 : hits / n;
}
