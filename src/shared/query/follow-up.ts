import { analyzeTokens, contrastOf, matchTerms, type Lexicon, type TermMatch } from './lexicon.ts';
import { cleanQuery } from './normalize.ts';

// Follow-up questions that lean on the previous one ("and on Windows Server 2022?", "what about Linux?",
// "does it work with containerd?"): merged into one self-contained question. Pure.

const openers = /^(and|also|or|but|then|ok(ay)?( and)?|so|what about|how about|and what about|and how about|same (question )?for|what if|and if|and for|and on|and in|and with)\b[\s,]*/i;
const pronouns = new Set(['it', 'that', 'this', 'those', 'these', 'they', 'them', 'there', 'same']);

/** True when a question reads as leaning on the one before it. */
export function isFollowUp(question: string, lexicon: Lexicon): boolean {
  const text = cleanQuery(question);
  if (!text) return false;
  const tokens = analyzeTokens(text);
  const content = matchTerms(tokens, lexicon, false);
  const contrasts = content.filter((m) => contrastOf(lexicon, m.term) !== undefined);
  const others = content.length - contrasts.length;
  if (openers.test(text)) return others <= 3;
  if (others === 0 && contrasts.length > 0) return true;
  return tokens.some((t) => pronouns.has(t.word)) && others <= 2;
}

/**
 * Merges a follow-up into the previous question: terms of the follow-up that contrast with terms of the previous
 * question (Windows Server 2022 vs 2019, Linux vs Windows) replace them in place; other words are appended.
 * Returns null when the question stands on its own.
 */
export function mergeFollowUp(previous: string, question: string, lexicon: Lexicon): string | null {
  const prev = cleanQuery(previous);
  const current = cleanQuery(question);
  if (!prev || !current || !isFollowUp(current, lexicon)) return null;
  const rest = current.replace(openers, '');
  const restTokens = analyzeTokens(rest);
  const restTerms = matchTerms(restTokens, lexicon, false);
  const prevTokens = analyzeTokens(prev);
  const prevTerms = matchTerms(prevTokens, lexicon, false);

  const span = (tokens: ReturnType<typeof analyzeTokens>, text: string, m: TermMatch) => text.slice(tokens[m.from].start, tokens[m.to - 1].end);
  const replacements = new Map<TermMatch, string>();
  const used = new Set<TermMatch>();
  for (const m of restTerms) {
    const group = contrastOf(lexicon, m.term);
    if (group === undefined) continue;
    const target = prevTerms.find((p) => contrastOf(lexicon, p.term) === group && !replacements.has(p));
    if (target) {
      if (target.term !== m.term) replacements.set(target, span(restTokens, rest, m));
      used.add(m);
    }
  }
  let merged = '';
  let at = 0;
  for (const [target, replacement] of [...replacements].sort(([a], [b]) => a.from - b.from)) {
    merged += prev.slice(at, prevTokens[target.from].start) + replacement;
    at = prevTokens[target.to - 1].end;
  }
  merged += prev.slice(at);
  const extra = restTerms
    .filter((m) => !used.has(m))
    .filter((m) => !pronouns.has(restTokens[m.from].word))
    .map((m) => span(restTokens, rest, m));
  if (extra.length > 0) merged = `${merged.replace(/[?.!\s]+$/, '')} ${extra.join(' ')}`;
  return merged.trim();
}
