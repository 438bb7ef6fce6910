import { beforeAll, describe, expect, test } from 'vitest';
import { loadAndBuild } from '../../../../scripts/cli/load.ts';
import { buildSearchIndex, type SearchIndexFiles } from '../../../../scripts/pipeline/search-index/build-index.ts';
import { buildChunkedIndex } from '../../../../scripts/pipeline/search-index/chunked-index.ts';
import { engineFromFiles } from '../../../../scripts/pipeline/search-index/node-engine.ts';
import { analyzeQuery } from '../../../../src/shared/query/analyze-query.ts';
import { ask } from '../../../../src/shared/query/ask.ts';
import { postings, type SearchEngine } from '../../../../src/shared/query/engine.ts';
import { limitCueTerm, limitUnitTerm } from '../../../../src/shared/query/lexicon.ts';
import { loadEngine } from '../../../../src/shared/query/load.ts';
import { searchEntries } from '../../../../src/shared/query/search.ts';

/** A reader over in-memory index files that records what was fetched and how many fetches overlapped. */
function recordingReader(index: SearchIndexFiles) {
  const fetched: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const read = async (name: string) => {
    fetched.push(name);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    const data = index.files.get(name);
    if (data === undefined) throw new Error(`missing ${name}`);
    return data;
  };
  return { read, fetched, maxInFlight: () => maxInFlight };
}

const queries = ['max pods per node on windows', 'how many node pools per aks cluster', 'gmsa', 'can I use hostprocess containers', 'calico network policy', 'upgrde the node imag', 'windows server 2022 support', 'k8s version skew', 'does azure disk work with windows pods?'];

describe('pipeline/search-index chunked index', { timeout: 120_000 }, () => {
  let flat: SearchEngine;
  let chunked: SearchIndexFiles;
  let again: SearchIndexFiles;

  beforeAll(async () => {
    const { kb, config } = await loadAndBuild();
    flat = await engineFromFiles(buildSearchIndex(kb, config.vocabulary, config.synonyms));
    chunked = buildChunkedIndex(kb, config.vocabulary, config.synonyms);
    again = buildChunkedIndex(kb, config.vocabulary, config.synonyms);
  });

  test('is deterministic', () => {
    expect([...again.files.keys()]).toEqual([...chunked.files.keys()]);
    for (const [name, data] of chunked.files) expect(again.files.get(name)).toBe(data);
    expect(again.manifest).toEqual(chunked.manifest);
  });

  test('answers every query exactly as the one-file index does', async () => {
    const engine = await loadEngine(chunked.manifest, recordingReader(chunked).read);
    for (const q of queries) {
      expect(await searchEntries(engine, q), q).toEqual(await searchEntries(flat, q));
      expect(await ask(engine, q), q).toEqual(await ask(flat, q));
    }
    const filtered = { filters: { type: 'faq' as const } };
    expect(await searchEntries(engine, 'windows', filtered)).toEqual(await searchEntries(flat, 'windows', filtered));
  });

  test('a query fetches only the shards its words need, in parallel, and each file once', async () => {
    const reader = recordingReader(chunked);
    const engine = await loadEngine(chunked.manifest, reader.read);
    expect(reader.fetched.sort()).toEqual([chunked.manifest.files.core, chunked.manifest.files.meta].sort());
    reader.fetched.length = 0;
    const results = await searchEntries(engine, 'calico network policy');
    expect(results.length).toBeGreaterThan(0);
    const postings = [...chunked.files.keys()].filter((n) => n.startsWith('post.'));
    const fetchedPostings = reader.fetched.filter((n) => n.startsWith('post.'));
    expect(fetchedPostings.length).toBeGreaterThan(0);
    expect(fetchedPostings.length).toBeLessThan(postings.length);
    // Texts: only the results' entries (and entries their answers cite), never the whole folder.
    const texts = reader.fetched.filter((n) => n.startsWith(chunked.manifest.texts));
    expect(texts.length).toBeLessThanOrEqual(10);
    expect(reader.maxInFlight()).toBeGreaterThan(1);
    expect(new Set(reader.fetched).size).toBe(reader.fetched.length);

    reader.fetched.length = 0;
    await searchEntries(engine, 'calico network policy');
    expect(reader.fetched).toEqual([]);
  });

  test('a term looked up before its postings shard arrived is looked up again once it has, and only then', async () => {
    const engine = await loadEngine(chunked.manifest, recordingReader(chunked).read);
    const term = analyzeQuery(flat, 'calico').slots[0].term;
    expect(postings(engine, term)).toEqual({ titles: [], statements: [] });
    await engine.prepare?.('calico');
    const sorted = (p: { titles: number[]; statements: number[] }) => ({ titles: [...p.titles].sort((a, b) => a - b), statements: [...p.statements].sort((a, b) => a - b) });
    const loaded = postings(engine, term);
    expect(loaded.statements.length).toBeGreaterThan(0);
    expect(sorted(loaded)).toEqual(sorted(postings(flat, term)));
    // Shards fetched for another query leave the memoised lookup as it is.
    await engine.prepare?.('gmsa hostprocess');
    expect(postings(engine, term)).toBe(loaded);
  });

  test('a question asking for a number fetches the limit cue terms (see lexicon.ts `limitCueTerm`)', async () => {
    const engine = await loadEngine(chunked.manifest, recordingReader(chunked).read);
    const q = 'how many node pools per aks cluster';
    await engine.prepare?.(q);
    const cue = analyzeQuery(engine, q).slots.find((s) => s.cue);
    expect(cue?.alternatives.map((a) => a.term)).toEqual([limitUnitTerm('node_pool'), limitCueTerm]);
    for (const { term } of cue!.alternatives) {
      expect(postings(engine, term).statements.length, term).toBeGreaterThan(0);
      expect([...postings(engine, term).statements].sort((a, b) => a - b), term).toEqual([...postings(flat, term).statements].sort((a, b) => a - b));
    }
  });

  test('result files carry what a result shows: texts, title, link and related entries', async () => {
    const engine = await loadEngine(chunked.manifest, recordingReader(chunked).read);
    const [first] = await searchEntries(engine, 'gmsa');
    expect(first.title).not.toBe('');
    expect(first.url).toMatch(/^\/entries\/[a-z0-9-]+\/#s-/);
    expect(first.snippet).not.toBe('');
    const answer = await ask(engine, 'gmsa');
    expect(answer.answers[0].related.every((r) => r.id !== '' && r.title !== '')).toBe(true);
  });
});
