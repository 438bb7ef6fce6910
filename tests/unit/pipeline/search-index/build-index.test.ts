// Unit tests for scripts/pipeline/search-index: export/import round trip, deterministic files, stored fields,
// abbreviation extraction.
import { describe, expect, it } from 'vitest';
import { extractAbbreviations, longFormFor } from '../../../../scripts/pipeline/search-index/abbreviations.ts';
import { buildSearchIndex, searchDocs, searchOutputFiles } from '../../../../scripts/pipeline/search-index/build-index.ts';
import { asDocumentData, createSearchDocument, manifestFile, type SearchMeta } from '../../../../src/shared/search-config.ts';
import { termsOfChunk } from '../../../../src/shared/query/load.ts';
import { fixtureKb, fixtureSynonyms, fixtureVocabulary } from '../../query/fixture-kb.ts';

const queries = ['node_pool', 'privileg', 'kubenet', 'window', 'maximum', 'gmsa', 'no-such-term'];
const fields = ['t', 'x'];

describe('pipeline/search-index', () => {
  it('round-trips: export to a Map, import into a fresh Document with the same config, identical results', () => {
    const original = createSearchDocument();
    for (const doc of searchDocs(fixtureKb(), fixtureSynonyms(), [])) original.add(asDocumentData(doc));
    const exported = new Map<string, string>();
    original.export((key, data) => {
      exported.set(key, data);
    });
    expect([...exported.keys()].sort()).toEqual(expect.arrayContaining(['1.doc', '1.reg', '1.tag', 't.1.map', 'x.1.map']));

    const restored = createSearchDocument();
    for (const [key, data] of exported) restored.import(key, data);
    for (const q of queries) {
      expect(restored.search(q, { index: fields, limit: 1000 })).toEqual(original.search(q, { index: fields, limit: 1000 }));
      expect(restored.search(q, { index: fields, limit: 1000, enrich: true })).toEqual(original.search(q, { index: fields, limit: 1000, enrich: true }));
    }
    expect(restored.search({ tag: { topics: 'security' }, limit: 1000 })).toEqual(original.search({ tag: { topics: 'security' }, limit: 1000 }));
    expect(restored.get(0)).toEqual(original.get(0));
  });

  it('terms kept from an earlier build give the same documents, and are not used with another lexicon', () => {
    const kb = fixtureKb();
    const plain = searchDocs(kb, fixtureSynonyms(), []);
    const memo = { lexicon: '', terms: new Map<string, string>() };
    expect(searchDocs(kb, fixtureSynonyms(), [], memo)).toEqual(plain);
    expect(memo.terms.size).toBeGreaterThan(kb.entries.length);
    expect(searchDocs(kb, fixtureSynonyms(), [], memo)).toEqual(plain);
    // Another lexicon (one more abbreviation) must not read terms made with the first.
    for (const key of memo.terms.keys()) memo.terms.set(key, 'stale');
    const other = searchDocs(kb, fixtureSynonyms(), [['zz', 'zulu zone']], memo);
    expect(other.some((d) => d.x === 'stale' || d.t === 'stale')).toBe(false);
    expect(other.map((d) => d.x ?? d.t)).toEqual(plain.map((d) => d.x ?? d.t));
  });

  it('stores what ranking and results need; statement texts go to one file per entry', () => {
    const kb = fixtureKb();
    const docs = searchDocs(kb, fixtureSynonyms(), []);
    const entries = kb.entries.length;
    const numbers = kb.entries.flatMap((e) => e.statements.map((s) => `${e.id}#${s.id}`));
    expect(docs).toHaveLength(entries + numbers.length);
    expect(docs[0]).toMatchObject({ n: 0, id: kb.entries[0].id, type: expect.any(String), source: expect.any(String), url: expect.stringContaining('#'), c: kb.entries[0].statements.length });
    const outdated = docs.find((d) => d.status === 'outdated')!;
    expect(outdated).toMatchObject({ n: entries + numbers.indexOf('old-limits-a-cluster-can-have-a-maximum-of-eight-node#s-bbbb0001'), asOf: '2019-05', sup: [numbers.indexOf('new-faq-how-many-node-pools#s-aaaa0001')] });
    expect(docs.find((d) => d.id === 'old-limits-a-cluster-can-have-a-maximum-of-eight-node')!.tf).toBe(0);
    expect(docs.slice(entries).every((d) => typeof d.x === 'string' && d.text === undefined)).toBe(true);

    const { manifest, files } = buildSearchIndex(kb, fixtureVocabulary(), fixtureSynonyms());
    expect(JSON.parse(files.get(`${manifest.texts}0.json`)!)).toEqual({ s: kb.entries[0].statements.map((s) => [s.id, s.text]) });
  });

  it('writes content-hashed files and a manifest, the same bytes on every build', () => {
    const a = searchOutputFiles(fixtureKb(), { vocabulary: fixtureVocabulary(), synonyms: fixtureSynonyms() });
    const b = searchOutputFiles(fixtureKb(), { vocabulary: fixtureVocabulary(), synonyms: fixtureSynonyms() });
    expect([...a]).toEqual([...b]);
    const manifest = JSON.parse(a.get(manifestFile)!) as { files: Record<string, string> };
    for (const [key, name] of Object.entries(manifest.files)) {
      expect(name).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}\\.[0-9a-f]{10}\\.json$`));
      expect(a.has(name)).toBe(true);
    }
    const meta = JSON.parse(a.get(manifest.files.meta)!) as SearchMeta;
    expect(meta).toMatchObject({ entries: fixtureKb().entries.length, statements: fixtureKb().entries.flatMap((e) => e.statements).length, synonyms: fixtureSynonyms() });
    expect(meta.topics.map((t) => t.id)).toEqual(['limits', 'security', 'networking', 'workloads', 'observability']);
  });

  it('lists the index terms of exported map chunks', () => {
    const { files, manifest } = buildSearchIndex(fixtureKb(), fixtureVocabulary(), fixtureSynonyms());
    const terms = termsOfChunk(JSON.parse(files.get(manifest.files['x.1.map'])!));
    expect(terms).toEqual(expect.arrayContaining(['privileg', 'kubenet', 'node_pool']));
    expect(termsOfChunk({ not: 'rows' })).toEqual([]);
  });

  it('finds abbreviations the sources define', () => {
    expect(longFormFor('AFD', 'traffic goes through Azure Front Door')).toBe('Azure Front Door');
    expect(longFormFor('UID', 'a user by an integer user identifier')).toBe('user identifier');
    expect(extractAbbreviations(['Use Azure Front Door (AFD) and a Web Application Firewall (WAF).', 'Pacific timezone (PST) hours', 'version (2)'])).toEqual([
      ['Azure Front Door', 'AFD'],
      ['Web Application Firewall', 'WAF'],
    ]);
  });
});
