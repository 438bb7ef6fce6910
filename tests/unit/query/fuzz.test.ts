// Fuzz test: thousands of random queries (seeded, so failures reproduce) through search and ask never throw and
// always return well-formed results. No timing assertions.
import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../../src/shared/query/ask.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { searchEntries } from '../../../src/shared/query/search.ts';
import { fixtureEngine } from './fixture-kb.ts';

/** Mulberry32: a tiny seeded PRNG. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pieces = ['privileged', 'node pool', 'k8s', 'ws2022', 'and on', 'what about', 'not', 'only', '?', '-', '/', '\\', '<b>', '&amp;', '"', "'", '(', ')', '[', '*', '+', '$', '^', '|', '🚀', 'ش', '\u200f', '\u0000', '\ud800', 'é', 'ß', 'İ', 'NET_ADMIN', 'runAsNonRoot', 'spec.os.name', '10.0.20348', '   ', '\n'];

describe('shared/query fuzz', () => {
  let engine: SearchEngine;
  beforeAll(async () => {
    engine = await fixtureEngine();
  });

  it('survives 3,000 random queries', async () => {
    const random = rng(20240611);
    let previous: string | undefined;
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 12);
      let q = '';
      for (let k = 0; k < length; k++) {
        q += random() < 0.7 ? pieces[Math.floor(random() * pieces.length)] : String.fromCodePoint(Math.floor(random() * 0x2ffff));
        q += random() < 0.5 ? ' ' : '';
      }
      const results = await searchEntries(engine, q, { filters: random() < 0.2 ? { topics: 'security' } : {} });
      expect(results.length).toBeLessThanOrEqual(10);
      for (const r of results) for (const [a, b] of r.snippetMarks) expect(0 <= a && a < b && b <= r.snippet.length).toBe(true);
      const answer = await ask(engine, q, { previous });
      expect(answer.abstained ? answer.answers.length === 0 : answer.answers.length > 0).toBe(true);
      expect(answer.confidence).toBeGreaterThanOrEqual(0);
      expect(answer.confidence).toBeLessThanOrEqual(1);
      previous = q;
    }
  });
});
