// Text normalisation and tokenising shared by the indexer and the query side.
import { questionWords, stopWords } from './english.ts';

/** Longest query (in characters) that is read; the rest of a pasted wall of text is ignored. */
export const maxQueryChars = 500;

/** Most words of one query that are looked up. */
export const maxQueryTokens = 40;

/** One word of a text, with where it sits in that text. */
export interface Token {
  /** Lowercase, accent-free, apostrophe-free form. */
  word: string;
  /** Offset of its first character in the text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

// Words, plus a slash or backslash standing alone ("use \ instead of /"), which is then read by its name.
const wordPattern = /[\p{L}\p{N}]+(?:_[\p{L}\p{N}]+)*(?:['’][\p{L}]+)*|(?<=^|[\s("'])[\\/](?=$|[\s)"',.;:?])/gu;
const symbolNames: Record<string, string> = { '\\': 'backslash', '/': 'slash' };
// A slash standing between two words ("SIGTERM / graceful shutdown", "IPv4 and / or IPv6") joins alternatives, as a
// comma would. It is the symbol itself where no word follows it, where a function word comes before it ("instead
// of / in paths", "is / the separator") or where the text names the backslash too ("use / or \\").
const wordBefore = /([\p{L}\p{N}]+)\s*$/u;
const wordAfter = /^\s*([\p{L}\p{N}]+)/u;
const standaloneBackslash = /(?:^|[\s("'])\\(?=$|[\s)"',.;:?])/u;

function joinsWords(text: string, at: number): boolean {
  const before = wordBefore.exec(text.slice(Math.max(0, at - 40), at))?.[1].toLowerCase();
  const after = wordAfter.exec(text.slice(at + 1, at + 41))?.[1].toLowerCase();
  if (!before || !after) return false;
  return (before === 'and' && after === 'or') || !(stopWords.has(before) || questionWords.has(before));
}

/** Lowercases and strips accents and apostrophes from one word. */
export function normalizeWord(word: string): string {
  // Most words are plain lowercase ASCII already, and the Unicode steps below leave those unchanged.
  if (/^[a-z0-9_]*$/.test(word)) return word;
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '');
}

/** Splits a text into words, keeping each word's offsets so callers can highlight the original text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const slashJoins = text.includes('/') && !standaloneBackslash.test(text);
  for (const match of text.matchAll(wordPattern)) {
    if (match[0] === '/' && slashJoins && joinsWords(text, match.index)) continue;
    const word = symbolNames[match[0]] ?? normalizeWord(match[0]);
    if (word) tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Makes raw user input safe to process: drops control characters, collapses space, caps the length. */
export function cleanQuery(raw: unknown): string {
  const text = typeof raw === 'string' ? raw : '';
  return text
    .slice(0, maxQueryChars * 2)
    .replace(/[\p{Cc}\p{Cf}\p{Cs}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, maxQueryChars);
}
