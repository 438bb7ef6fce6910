// Unit tests for src/shared/query/term-bits.ts on the shipped knowledge base: the bitsets and walk lists ranking
// derives from each term's postings hold exactly the entries a match can count for.
import { beforeAll, describe, expect, test } from 'vitest';
import { cliEngine } from '../../../scripts/cli/commands/ask.ts';
import { postings, type SearchEngine } from '../../../src/shared/query/engine.ts';
import { entriesWithAny, has, termBits } from '../../../src/shared/query/term-bits.ts';

const members = (bits: Uint32Array, size: number) => Array.from({ length: size }, (_, n) => n).filter((n) => has(bits, n));

describe('shared/query/term-bits', { timeout: 120_000 }, () => {
  let engine: SearchEngine;
  let terms: string[];

  beforeAll(async () => {
    engine = await cliEngine({});
    // Terms of outdated statements (their matches pass to other entries) and of titles, plus a few common ones.
    const outdated = engine.statements.filter((s) => s.status === 'outdated').map((s) => s.n);
    terms = engine.vocabulary.filter((t) => outdated.some((n) => postings(engine, t).statements.includes(n))).slice(0, 150);
    terms.push('window', 'node', 'pod', 'gmsa');
    expect(terms.length).toBeGreaterThan(50);
  });

  test('bitsets hold the postings, and each walk list holds its field’s holders and the heirs of outdated matches, once each', () => {
    const { entries, statements } = engine;
    let heirs = 0;
    for (const term of terms) {
      const p = postings(engine, term);
      const bits = termBits(engine, term);
      expect(members(bits.titles, entries.length)).toEqual([...p.titles].sort((a, b) => a - b));
      expect(members(bits.statements, statements.length)).toEqual([...p.statements].sort((a, b) => a - b));
      expect(members(bits.entries, entries.length)).toEqual([...new Set(p.statements.map((n) => statements[n].e))].sort((a, b) => a - b));
      const heirsOf = (n: number) => statements[n].sup.map((t) => statements[t].e);
      const expected = {
        titles: new Set([...p.titles, ...p.titles.flatMap((e) => (entries[e].titleFrom !== null && statements[entries[e].titleFrom!].status === 'outdated' ? heirsOf(entries[e].titleFrom!) : []))]),
        statements: new Set([...p.statements.map((n) => statements[n].e), ...p.statements.filter((n) => statements[n].status === 'outdated').flatMap(heirsOf)]),
      };
      for (const field of ['titles', 'statements'] as const) {
        expect(new Set(bits.reach[field]).size, term).toBe(bits.reach[field].length);
        expect([...bits.reach[field]].sort((a, b) => a - b), term).toEqual([...expected[field]].sort((a, b) => a - b));
        expect(members(bits.reachBits[field], entries.length), term).toEqual([...expected[field]].sort((a, b) => a - b));
      }
      heirs += [...expected.statements].filter((e) => !has(bits.entries, e)).length;
    }
    // The shipped corpus has outdated statements, so some matches do reach entries that do not hold the term.
    expect(heirs).toBeGreaterThan(0);
  });

  test('entriesWithAny counts the entries holding any of the terms, in a title or a statement', () => {
    for (let i = 0; i + 3 <= terms.length; i += 3) {
      const group = terms.slice(i, i + 3);
      const union = new Set(group.flatMap((t) => [...postings(engine, t).titles, ...postings(engine, t).statements.map((n) => engine.statements[n].e)]));
      expect(entriesWithAny(engine, group), group.join(' ')).toBe(union.size);
    }
    expect(entriesWithAny(engine, [])).toBe(0);
  });
});
