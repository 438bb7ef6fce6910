// The dev set's scoring rule (../shared/eval/README.md), shared by `npm run eval` and the benchmark's Recall@1.
import { readFile } from 'node:fs/promises';

/** One question of an evaluation set (one JSON line). */
export interface EvalQuestion {
  id: string;
  question: string;
  origin: 'paraphrase' | 'trap' | 'out_of_scope';
  answer_quote: string | null;
  alt_quotes?: { file: string; quote: string }[];
  verdict?: string | null;
  outdated_claim: string | null;
}

/** Reads a JSONL question set. */
export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

/** Distinct lowercase alphanumeric words. */
export function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

/** Share of `quote`'s words found in `text`. */
export function overlap(quote: string, text: Set<string>): number {
  const q = words(quote);
  if (q.size === 0) return 0;
  let found = 0;
  for (const w of q) if (text.has(w)) found++;
  return found / q.size;
}

/** Words of `a` that are not in `b`. */
function difference(a: string, b: string): string[] {
  const bw = words(b);
  return [...words(a)].filter((w) => !bw.has(w));
}

/**
 * Whether one answer text is a hit for a question: it holds at least 80% of the words of the quote or of an
 * alternative quote; on a trap it must also hold the quote's words that the outdated claim lacks.
 */
export function isHit(q: EvalQuestion, text: string): boolean {
  const t = words(text);
  const quotes = [q.answer_quote, ...(q.alt_quotes ?? []).map((a) => a.quote)].filter((x): x is string => !!x);
  if (!quotes.some((quote) => overlap(quote, t) >= 0.8)) return false;
  if (q.origin === 'trap' && q.answer_quote && q.outdated_claim) return difference(q.answer_quote, q.outdated_claim).every((w) => t.has(w));
  return true;
}

/** Whether an answer lists the trap's outdated claim, with its own distinguishing words, as outdated. */
export function showsOutdated(q: EvalQuestion, outdated: { text: string }[]): boolean {
  if (!q.outdated_claim || !q.answer_quote) return false;
  const distinguishing = difference(q.outdated_claim, q.answer_quote);
  return outdated.some((o) => {
    const w = words(o.text);
    return overlap(q.outdated_claim!, w) >= 0.8 && distinguishing.every((d) => w.has(d));
  });
}

/** Recall@1 over the in-scope questions, given each question's top answer text (null when nothing was returned). */
export function recallAt1(questions: EvalQuestion[], topTexts: (string | null)[]): number {
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
