// Text normalisation and tokenising shared by the indexer and the query side.

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
  for (const match of text.matchAll(wordPattern)) {
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
