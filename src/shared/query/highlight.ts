import { analyzeTokens, matchTerms, type Lexicon } from './lexicon.ts';

/** A highlighted span of a text: [start, end) character offsets. */
export type Range = [number, number];

/** Spans of `text` whose words (or synonym phrases) are among `terms`, merged and in order. */
export function highlightRanges(text: string, terms: ReadonlySet<string>, lexicon: Lexicon): Range[] {
  if (terms.size === 0 || !text) return [];
  const tokens = analyzeTokens(text);
  const ranges: Range[] = [];
  for (const m of matchTerms(tokens, lexicon, true)) {
    if (terms.has(m.term)) ranges.push([tokens[m.from].start, tokens[m.to - 1].end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Splits a text into plain and highlighted parts, for rendering as text nodes. */
export function splitByRanges(text: string, ranges: readonly Range[]): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: text.slice(at, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
