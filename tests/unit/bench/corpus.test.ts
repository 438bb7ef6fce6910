import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateCorpus, loadSeed } from '../../../scripts/bench/corpus.ts';
import { createRandom } from '../../../scripts/bench/random.ts';
import { compileFamilies, varyText } from '../../../scripts/bench/vary.ts';
import { loadAndBuild } from '../../../scripts/cli/load.ts';

const families = compileFamilies([
  { id: 'gadget-1', label: 'Gadget OS 1', terms: ['gadget os 2019', 'gos19'] },
  { id: 'gadget-2', label: 'Gadget OS 2', terms: ['gadget os 2022', 'gos22'] },
]);

describe('bench/vary', () => {
  test('swaps version families by their digits only, keeping the text around and its case', () => {
    const always = { family: 1, version: 0, count: 0 };
    expect(varyText('Runs on Gadget OS 2019 only.', families, createRandom(1), always)).toBe('Runs on Gadget OS 2022 only.');
    expect(varyText('see GOS22 notes', families, createRandom(1), always)).toBe('see GOS19 notes');
  });

  test('moves minor versions and scales counts, but leaves years, build numbers and identifiers alone', () => {
    const always = { family: 0, version: 1, count: 1 };
    const out = varyText('Up to 100 pools in v1.28 since 2021; build 10.0.17763; port 8080/tcp; id x-12', families, createRandom(3), always);
    expect(out).not.toContain('100 pools');
    expect(out).toMatch(/\d+ pools/);
    expect(out).not.toContain('v1.28');
    expect(out).toMatch(/v1\.\d+ since 2021/);
    expect(out).toContain('build 10.0.17763');
    expect(out).toContain('8080/tcp');
    expect(out).toContain('x-12');
  });

  test('is repeatable for a seed', () => {
    const text = 'Gadget OS 2019 supports 8 nodes on 1.29.';
    expect(varyText(text, families, createRandom(42))).toBe(varyText(text, families, createRandom(42)));
  });
});

describe('bench/corpus', { timeout: 120_000 }, () => {
  test('recombines the real sources into a deterministic corpus whose editions disagree', async () => {
    const seed = await loadSeed(path.resolve('content/sources'), path.resolve('content'));
    const a = await generateCorpus({ seed, dir: mkdtempSync(path.join(tmpdir(), 'kb-corpus-')), targetEntries: 400, randomSeed: 9 });
    const b = await generateCorpus({ seed, dir: mkdtempSync(path.join(tmpdir(), 'kb-corpus-')), targetEntries: 400, randomSeed: 9 });
    const files = readdirSync(a.sourcesDir).sort();
    expect(readdirSync(b.sourcesDir).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b.sourcesDir, f), 'utf8')).toBe(readFileSync(path.join(a.sourcesDir, f), 'utf8'));
    // Both formats, and no file is a copy of a real source.
    expect(files.some((f) => f.endsWith('.md')) && files.some((f) => f.endsWith('.txt'))).toBe(true);
    const real = readdirSync(path.resolve('content/sources')).map((f) => readFileSync(path.join('content/sources', f), 'utf8'));
    for (const f of files.filter((x) => x !== 'sources.yaml')) expect(real).not.toContain(readFileSync(path.join(a.sourcesDir, f), 'utf8'));

    const { kb } = await loadAndBuild(a.sourcesDir);
    expect(Math.abs(kb.stats.entries - a.expectedEntries) / a.expectedEntries).toBeLessThan(0.05);
    // Editions vary numbers and dates, so reconciliation finds statements that later editions replaced.
    expect(kb.conflicts.length).toBeGreaterThan(0);
    expect(kb.stats.statementsByStatus.outdated ?? 0).toBeGreaterThan(0);
  });
});
