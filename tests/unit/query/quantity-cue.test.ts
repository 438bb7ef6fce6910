// Unit tests for the quantity cue (src/shared/query/analyze-query.ts `quantitySpans`, the `#limit` index terms of
// scripts/pipeline/search-index/build-index.ts, and how rank.ts and ask.ts count a cue) over the fixture knowledge
// base, whose node pool limits carry limit claims and whose "Add node pools to a cluster" entry names the same words
// in its title without stating a limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { searchDocs } from '../../../scripts/pipeline/search-index/build-index.ts';
import { analyzeQuery, quantitySpans, type AnalyzedQuery } from '../../../src/shared/query/analyze-query.ts';
import { scopeQuery } from '../../../src/shared/query/scope.ts';
import { ask, confidenceOf, shouldAbstain } from '../../../src/shared/query/ask.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { analyzeTokens, indexTerms, limitCueTerm, limitUnitTerm } from '../../../src/shared/query/lexicon.ts';
import { cleanQuery } from '../../../src/shared/query/normalize.ts';
import { rankEntries } from '../../../src/shared/query/rank.ts';
import { fixtureEngine, fixtureKb, fixtureSynonyms } from './fixture-kb.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

/** The words of the quantity wording a question uses. */
const wording = (q: string) => {
  const tokens = analyzeTokens(cleanQuery(q));
  return quantitySpans(tokens).map(([from, to]) => tokens.slice(from, to).map((t) => t.word).join(' '));
};

/** The query without its cue slots: what ranking and confidence read before the cue existed. */
const withoutCue = <Q extends AnalyzedQuery>(query: Q): Q => ({ ...query, slots: query.slots.filter((s) => !s.cue) });

describe('shared/query quantity cue', () => {
  it('indexes the cue terms for statements with a limit claim only', () => {
    const kb = fixtureKb();
    // A statement that spells the cue term out, without a limit claim, must not get it.
    kb.entries[2].statements[1].text = 'Use #limit:node_pool and #limit here.';
    const docs = searchDocs(kb, fixtureSynonyms(), []);
    const statements = kb.entries.flatMap((e) => e.statements);
    const termsOf = (i: number) => (docs[kb.entries.length + i].x ?? '').split(' ');
    const limited = statements.flatMap((s, i) => (s.claims.some((c) => c.kind === 'limit') ? [i] : []));
    expect(limited).toHaveLength(2);
    for (let i = 0; i < statements.length; i++) {
      const cues = termsOf(i).filter((t) => t.startsWith('#'));
      expect(cues, statements[i].text).toEqual(limited.includes(i) ? [limitCueTerm, limitUnitTerm('node_pool')] : []);
    }
    // Titles never get them: a cue is about what a statement states.
    expect(docs.slice(0, kb.entries.length).some((d) => (d.t ?? '').includes('#'))).toBe(false);
  });

  it('reads wording that asks for a number, but not a verb, a price or "up to date"', () => {
    expect(wording('how many node pools can a cluster have')).toEqual(['how many']);
    expect(wording('node count limit for a cluster')).toEqual(['count', 'limit']);
    expect(wording('longest allowed name for a windows agentpool?')).toEqual(['longest']);
    expect(wording('can a cluster have up to 8 node pools')).toEqual(['up to 8']);
    expect(wording('more than eight node pools per cluster?')).toEqual(['more than eight']);
    expect(wording('can i go over 2000 nodes')).toEqual(['over 2000']);
    expect(wording('is dns resolved over the network more than once')).toEqual([]);
    expect(wording('how do I limit cpu for a pod')).toEqual([]);
    expect(wording('how much does a windows node cost')).toEqual([]);
    expect(wording('keep windows nodes up to date')).toEqual([]);
    expect(wording('node pools per cluster')).toEqual([]);
  });

  it('adds a cue slot that prefers limits on the thing counted, and only to questions with words of their own', () => {
    const cue = (q: string) => analyzeQuery(engine, q).slots.find((s) => s.cue);
    expect(cue('how many agent pools can one cluster have')?.alternatives.map((a) => a.term)).toEqual([limitUnitTerm('node_pool'), limitCueTerm]);
    // Clusters are not what is counted here, and the index states no limit on them.
    expect(cue('max pods per cluster')?.alternatives.map((a) => a.term)).toEqual([limitCueTerm]);
    expect(cue('node pools per cluster')).toBeUndefined();
    expect(cue('how many?')).toBeUndefined();
  });

  it('reads the number a comparison asks about as a value, not as a word to find', () => {
    const terms = (q: string) => analyzeQuery(engine, q).slots.filter((s) => !s.cue).map((s) => s.term);
    // Unknown to the index ("600") or known ("10" is "ten"), the number is no slot of its own and qualifies nothing.
    expect(terms('can a cluster have more than 600 node pools')).toEqual(['cluster', 'node_pool']);
    expect(terms('is it ok to have more than 10 windows nodepools')).toEqual(['window', 'node_pool']);
    expect(scopeQuery(engine, analyzeQuery(engine, 'can a cluster have more than 600 node pools')).slots.some((s) => s.qualified || s.unknown)).toBe(false);
    // Elsewhere a number is a word like any other.
    expect(terms('more than 8 node pools on windows server 2022')).toEqual(['node_pool', 'window_server_2022']);
  });

  it('ranks the entry stating the limit above one that only names the words in its title', async () => {
    const q = 'how many node pools can one cluster have';
    const query = analyzeQuery(engine, q);
    // Without the cue the title match wins: the cue is what changes the order.
    expect(rankEntries(engine, withoutCue(query))[0].entry.id).toBe('new-faq-add-node-pools');
    expect(rankEntries(engine, query)[0].entry.id).toBe('new-faq-how-many-node-pools');
    expect((await ask(engine, q)).answers[0].id).toBe('new-faq-how-many-node-pools');
  });

  it('never changes confidence or abstention, whether or not the answer states a limit', async () => {
    // The first two are answered by the limit only because of the cue; the rest by entries that state no limit.
    for (const q of ['how many node pools can one cluster have', 'how many node pools can a cluster have on windows server 2022', 'what is the minimum gmsa windows server version', 'max number of windows containers for azure monitor', 'longest name of a privileged container on windows']) {
      const query = scopeQuery(engine, analyzeQuery(engine, q));
      expect(query.slots.some((s) => s.cue), q).toBe(true);
      const plain = withoutCue(query);
      const best = rankEntries(engine, plain)[0];
      const result = await ask(engine, q);
      expect(result.confidence, q).toBe(Math.round(confidenceOf(plain, best) * 1000) / 1000);
      expect(result.abstained, q).toBe(shouldAbstain(engine, plain, best));
    }
    // The answer to this one states no limit: it keeps its confidence and is answered.
    const gmsa = await ask(engine, 'what is the minimum gmsa windows server version');
    expect(gmsa.abstained).toBe(false);
    expect(gmsa.answers[0].id).toBe('new-faq-gmsa');
  });

  it('cannot be typed: no word of a text or question becomes a cue term', () => {
    expect(indexTerms('#limit #limit:node_pool', engine.lexicon).some((t) => t.startsWith('#'))).toBe(false);
    const query = analyzeQuery(engine, '#limit:node_pool gmsa');
    for (const slot of query.slots.filter((s) => !s.cue)) expect(slot.alternatives.some((a) => a.term.startsWith('#')), slot.surface).toBe(false);
    // A question without quantity wording gets no cue, whatever it types.
    expect(analyzeQuery(engine, '#node_pool gmsa').slots.some((s) => s.alternatives.some((a) => a.term.startsWith('#')))).toBe(false);
  });
});
