// Unit tests for src/shared/query/rank.ts on the shipped knowledge base: ranking that stops early (MaxScore and
// per-entry bounds) must return exactly the entries, scores, matched statements and outdated links that scoring
// every candidate returns, and no entry may score above the bound it is pruned with.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadAndBuild } from '../../../scripts/cli/load.ts';
import { buildSearchIndex } from '../../../scripts/pipeline/search-index/build-index.ts';
import { engineFromFiles } from '../../../scripts/pipeline/search-index/node-engine.ts';
import { analyzeQuery } from '../../../src/shared/query/analyze-query.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { detailed, entryBound, rankEntries, type RankedEntry } from '../../../src/shared/query/rank.ts';
import { fixtureKb, fixtureSynonyms, fixtureVocabulary } from './fixture-kb.ts';

const view = (ranked: RankedEntry[]) =>
  ranked.map((r) => ({ n: r.entry.n, score: r.score, coverage: r.coverage, matched: r.matched, outdated: [...r.matchedOutdated].sort((a, b) => a - b), terms: [...r.terms].sort() }));

describe('shared/query/rank', { timeout: 120_000 }, () => {
  let engine: SearchEngine;
  let questions: string[];

  beforeAll(async () => {
    const { kb, config } = await loadAndBuild();
    engine = await engineFromFiles(buildSearchIndex(kb, config.vocabulary, config.synonyms));
    // Every entry title and every outdated statement as a query: rare and common words, questions and phrases, and
    // matches that must be handed from an outdated statement to the entry holding its replacement.
    const outdated = kb.entries.flatMap((e) => e.statements.filter((s) => s.status === 'outdated').map((s) => s.text));
    questions = [...kb.entries.map((e) => e.title), ...outdated, 'windows', 'windows node pool', 'linux', 'how', 'max pods per node on a windows nodepool - can i change it?', 'how many nodes can a cluster have at most', 'the windows baseline puts azure front door and the application proxy in front of the cluster - can we skip that and follow the normal aks baseline ingress?'];
  });

  test('the top entries equal those of a full scan, for whole questions and for prefixes typed so far', () => {
    let compared = 0;
    for (const q of questions) {
      for (const prefix of [false, true]) {
        const query = analyzeQuery(engine, q, { prefix });
        const full = rankEntries(engine, query, { depth: engine.entries.length }).slice(0, detailed);
        // A first walk of one posting list forces many rounds even on a small corpus.
        const early = rankEntries(engine, query, { firstWalk: 1 });
        expect(view(rankEntries(engine, query)), q).toEqual(view(early));
        expect(early.length, q).toBe(Math.min(detailed, full.length));
        // Only the top `detailed` entries get `matched` and `terms`, so compare after filling them for the full scan.
        expect(view(early), q).toEqual(view(full));
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(250);
  });

  test('no entry scores above its upper bound, outdated matches passed to it included', () => {
    let checked = 0;
    let below = 0;
    let passed = 0;
    for (const q of questions) {
      for (const prefix of [false, true]) {
        const query = analyzeQuery(engine, q, { prefix });
        const bound = entryBound(engine, query);
        for (const r of rankEntries(engine, query, { depth: engine.entries.length })) {
          expect(r.score, `${q} → ${r.entry.id}`).toBeLessThanOrEqual(bound(r.entry.n) * (1 + 1e-9));
          if (r.score < bound(r.entry.n) * 0.9) below += 1;
          if (r.matchedOutdated.some((n) => engine.statements[n].e !== r.entry.n)) passed += 1;
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    // Entries that outdated statements elsewhere passed their match to were among those checked.
    expect(passed).toBeGreaterThan(0);
    // Bounds that are never below a score would prune nothing.
    expect(below).toBeGreaterThan(checked / 10);
  });

  test('a filtered ranking holds only allowed entries and equals the filtered full scan', () => {
    const allowed = new Set(engine.entries.filter((e) => e.type === 'faq').map((e) => e.n));
    for (const q of ['windows node pool', 'gmsa', 'can I run privileged containers']) {
      const query = analyzeQuery(engine, q);
      const early = rankEntries(engine, query, { allowed, firstWalk: 1 });
      expect(early.length).toBeGreaterThan(0);
      expect(early.every((r) => allowed.has(r.entry.n))).toBe(true);
      expect(view(early), q).toEqual(view(rankEntries(engine, query, { allowed, depth: engine.entries.length }).slice(0, detailed)));
    }
  });

  test('an outdated statement never outranks the entry holding its replacement', () => {
    let checked = 0;
    for (const e of engine.entries) {
      for (const n of e.supersedes) {
        const s = engine.statements[n];
        const holder = engine.entries[s.e];
        const ranked = rankEntries(engine, analyzeQuery(engine, holder.title), { depth: engine.entries.length });
        const replacement = ranked.findIndex((r) => r.entry.n === e.n);
        const old = ranked.findIndex((r) => r.entry.n === holder.n);
        if (replacement < 0 || old < 0 || !holder.statements.every((m) => engine.statements[m].status === 'outdated')) continue;
        expect(replacement, holder.title).toBeLessThan(old);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('shared/query/rank: exact ties', () => {
  test('go to the entry whose statements hold the question\'s words more often, not to the earlier entry', async () => {
    const kb = fixtureKb();
    const entry = (id: string, texts: string[]) => ({
      ...kb.entries[0],
      id,
      slug: id,
      type: 'guidance' as const,
      title: id === 'z-upgrades' ? 'Upgrades' : 'Planning',
      question: false,
      related: [],
      statements: texts.map((text, i) => ({ ...kb.entries[0].statements[0], id: `s-${id.slice(0, 1)}${i}`, text })),
      text: texts.join(' '),
    });
    // Same best statement match (gateway and subnet once each); the planning entry names the subnet again.
    kb.entries.push(entry('z-upgrades', ['Upgrades briefly take a gateway address in the subnet.', 'Restart them weekly.']));
    kb.entries.push(entry('z-planning', ['The gateway needs a subnet.', 'Leave the subnet room to grow.']));
    const engine = await engineFromFiles(buildSearchIndex(kb, fixtureVocabulary(), fixtureSynonyms()));
    const [first, second] = rankEntries(engine, analyzeQuery(engine, 'gateway subnet'));
    expect(first.score).toBe(second.score);
    expect([first.entry.id, second.entry.id]).toEqual(['z-planning', 'z-upgrades']);
    expect(first.focus).toBeGreaterThan(second.focus);
  });
});
