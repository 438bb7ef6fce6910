import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { kb } from '../../run-kb.ts';
import { loadAndBuild } from '../../../../scripts/cli/load.ts';
import { openBuildCache } from '../../../../scripts/pipeline/cache/build-cache.ts';

/** Every file under a folder, by relative path. */
function readTree(dir: string, base = dir): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) for (const [k, v] of readTree(full, base)) files.set(k, v);
    else files.set(path.relative(base, full), readFileSync(full, 'utf8'));
  }
  return files;
}

/** Asserts two output folders hold the same files with the same bytes. */
function expectSameTree(actual: string, expected: string) {
  const a = readTree(actual);
  const b = readTree(expected);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  for (const [rel, text] of b) expect(a.get(rel), rel).toBe(text);
}

/** A copy of the real content folder (config and sources) to edit freely. */
function contentCopy(): { root: string; sources: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'kb-cache-'));
  cpSync(path.resolve('content'), path.join(root, 'content'), { recursive: true });
  return { root, sources: path.join(root, 'content', 'sources') };
}

/** Changes one sentence of one source, as an author would. */
function editOneSource(sources: string): string {
  const file = path.join(sources, 'aks-windows-limitations.txt');
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/\. /, '. This sentence was added by an edit. ');
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return file;
}

describe('pipeline/cache', { timeout: 300_000 }, () => {
  test('the output is byte-identical with no cache, a cold cache, a warm cache and after one source changes', async () => {
    const { root, sources } = contentCopy();
    const cache = path.join(root, 'cache');
    const reference = path.join(root, 'reference');
    const out = path.join(root, 'out');
    expect((await kb('build', '--quiet', '--no-cache', '--sources', sources, '--out', reference)).code).toBe(0);

    const cold = await kb('build', '--sources', sources, '--out', out, '--cache', cache);
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/analyse\s+5 sources: 0 cached, 5 analysed/);
    expectSameTree(out, reference);

    const warm = await kb('build', '--sources', sources, '--out', out, '--cache', cache);
    expect(warm.stdout).toMatch(/analyse\s+5 sources: 5 cached, 0 analysed/);
    expect(warm.stdout).toMatch(/render\s+(\d+) MDX: \1 kept, 0 rendered/);
    const files = readTree(out).size;
    expect(warm.stdout).toContain(`${files} files (${files} unchanged)`);
    expectSameTree(out, reference);

    editOneSource(sources);
    const touched = await kb('build', '--sources', sources, '--out', out, '--cache', cache);
    expect(touched.stdout).toMatch(/analyse\s+5 sources: 4 cached, 1 analysed/);
    // Only what changed is rewritten: the entry pages of the other sources stay as they were.
    const unchanged = Number(/\((\d+) unchanged\)/.exec(touched.stdout)?.[1]);
    expect(unchanged).toBeGreaterThan(readdirSync(path.join(out, 'entries')).length - 10);
    expect(unchanged).toBeLessThan(files);
    expect((await kb('build', '--quiet', '--no-cache', '--sources', sources, '--out', reference)).code).toBe(0);
    expectSameTree(out, reference);
    expect(readFileSync(path.join(out, 'kb.json'), 'utf8')).toContain('This sentence was added by an edit.');
  });

  test('worker threads produce the same output as the main thread', async () => {
    const { root, sources } = contentCopy();
    const reference = path.join(root, 'reference');
    expect((await kb('build', '--quiet', '--no-cache', '--sources', sources, '--out', reference)).code).toBe(0);
    const cache = await openBuildCache({ dir: path.join(root, 'cache'), workers: 2, minParallel: 1 });
    try {
      const result = await loadAndBuild(sources, undefined, cache.prepare);
      await cache.write(path.join(root, 'out'), result);
    } finally {
      await cache.close();
    }
    expect(cache.stats.threads).toBe(2);
    expect(cache.stats.sourcesCached).toBe(0);
    expectSameTree(path.join(root, 'out'), reference);
  });

  test('an interrupted update is followed by a full rewrite', async () => {
    const { root, sources } = contentCopy();
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'out');
    const reference = path.join(root, 'reference');
    await kb('build', '--quiet', '--sources', sources, '--out', out, '--cache', cache);
    // What a crash in the middle of an in-place update leaves: the marker, and a stray file in the output.
    writeFileSync(path.join(cache, 'output.updating'), out);
    writeFileSync(path.join(out, 'stray.json'), '{}');
    editOneSource(sources);
    expect((await kb('build', '--quiet', '--sources', sources, '--out', out, '--cache', cache)).code).toBe(0);
    await kb('build', '--quiet', '--no-cache', '--sources', sources, '--out', reference);
    expectSameTree(out, reference);
  });

  test('an output file edited by hand is written afresh, and the cache is not shared across content configs', async () => {
    const { root, sources } = contentCopy();
    const cache = path.join(root, 'cache');
    const out = path.join(root, 'out');
    await kb('build', '--quiet', '--sources', sources, '--out', out, '--cache', cache);
    const entry = path.join(out, 'entries', readdirSync(path.join(out, 'entries'))[0]);
    const original = readFileSync(entry, 'utf8');
    writeFileSync(entry, `${original}\nhand edit\n`);
    const again = await kb('build', '--sources', sources, '--out', out, '--cache', cache);
    expect(again.code).toBe(0);
    expect(readFileSync(entry, 'utf8')).toBe(original);
    const files = readTree(out).size;
    expect(again.stdout).toContain(`${files} files (${files - 1} unchanged)`);

    const vocabulary = path.join(root, 'content', 'vocabulary.yaml');
    writeFileSync(vocabulary, readFileSync(vocabulary, 'utf8').replace('terms: [network,', 'terms: [network, networked,'));
    const changed = await kb('build', '--sources', sources, '--out', out, '--cache', cache);
    expect(changed.stdout).toMatch(/analyse\s+5 sources: 0 cached, 5 analysed/);
  });
});
