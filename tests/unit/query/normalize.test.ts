// Unit tests for src/shared/query/normalize.ts and edit-distance.ts: tokens, offsets, cleaning, typo distance.
import { describe, expect, it } from 'vitest';
import { editDistance, typoSubstitution } from '../../../src/shared/query/edit-distance.ts';
import { cleanQuery, maxQueryChars, normalizeWord, tokenize } from '../../../src/shared/query/normalize.ts';

describe('shared/query/normalize', () => {
  it('splits words, lowercases, strips accents and apostrophes, keeps offsets into the original text', () => {
    const text = "Can't run Café's NET_ADMIN on WS2022?";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(['cant', 'run', 'cafes', 'net_admin', 'on', 'ws2022']);
    for (const t of tokens) expect(normalizeWord(text.slice(t.start, t.end))).toBe(t.word);
  });

  it('reads a slash or backslash standing alone by its name, but not inside paths', () => {
    expect(tokenize('use \\ instead of /').map((t) => t.word)).toEqual(['use', 'backslash', 'instead', 'of', 'slash']);
    expect(tokenize('/mnt/volume c:\\temp').map((t) => t.word)).toEqual(['mnt', 'volume', 'c', 'temp']);
  });

  it('reads a slash between two words as a separator, not as the word "slash"', () => {
    const words = (text: string) => tokenize(text).map((t) => t.word);
    expect(words('how do windows containers handle SIGTERM / graceful shutdown')).toEqual(['how', 'do', 'windows', 'containers', 'handle', 'sigterm', 'graceful', 'shutdown']);
    expect(words('same IPv4 and / or IPv6 address')).toEqual(['same', 'ipv4', 'and', 'or', 'ipv6', 'address']);
    // The symbol itself: after a function word, at the end, or beside a backslash the text also names.
    expect(words('use \\ instead of / in paths')).toContain('slash');
    expect(words('instead of / in pod specs')).toContain('slash');
    expect(words('should I use / or \\ in windows paths')).toEqual(['should', 'i', 'use', 'slash', 'or', 'backslash', 'in', 'windows', 'paths']);
  });

  it('cleans raw input: control characters, whitespace, length, non-strings', () => {
    expect(cleanQuery('  a\u0000b\u200f  c\n\t d ')).toBe('a b c d');
    expect(cleanQuery('x'.repeat(10_000))).toHaveLength(maxQueryChars);
    expect(cleanQuery(undefined)).toBe('');
    expect(cleanQuery(42)).toBe('');
  });

  it('counts edits with transpositions and gives up beyond the limit', () => {
    expect(editDistance('kubenretes', 'kubernetes', 2)).toBe(1);
    expect(editDistance('privilaged', 'privileged', 2)).toBe(1);
    expect(editDistance('docker', 'socket', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('prices a slip of the finger or a vowel as one edit, and any other replaced letter as two', () => {
    expect(editDistance('windoes', 'windows', 1, typoSubstitution)).toBe(1); // e is next to w
    expect(editDistance('autoscalar', 'autoscaler', 1, typoSubstitution)).toBe(1); // a vowel for a vowel
    expect(editDistance('contianer', 'container', 1, typoSubstitution)).toBe(1); // transposed
    expect(editDistance('kubnet', 'kubenet', 1, typoSubstitution)).toBe(1); // a letter left out
    // Real words one unrelated letter apart are different words, not typos of each other.
    expect(editDistance('defend', 'depend', 1, typoSubstitution)).toBe(2);
    expect(editDistance('kubelet', 'kubenet', 1, typoSubstitution)).toBe(2);
    expect(editDistance('defend', 'depend', 1)).toBe(1);
  });
});
