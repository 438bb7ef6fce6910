// Unit tests for src/shared/query/ask.ts and search.ts over a fixture knowledge base loaded through the exported
// index: synonyms, typos, field boosts, outdated demotion, abstention, follow-ups, filters, highlights.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../../src/shared/query/analyze-query.ts';
import { abstention, ask, confidenceOf, shouldAbstain, type Answer } from '../../../src/shared/query/ask.ts';
import { closeAnswers, closeMatch } from '../../../src/shared/query/close-answers.ts';
import { rankEntries } from '../../../src/shared/query/rank.ts';
import { scopeQuery } from '../../../src/shared/query/scope.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { searchEntries } from '../../../src/shared/query/search.ts';
import { fixtureEngine } from './fixture-kb.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

const top = async (q: string, previous?: string) => (await ask(engine, q, { previous })).answers[0];
const scoped = (q: string) => scopeQuery(engine, analyzeQuery(engine, q));

describe('shared/query/ask', () => {
  it('answers with the entry whose title asks the question', async () => {
    const answer = await top('can I run privileged containers on windows nodes?');
    expect(answer.id).toBe('new-faq-privileged-containers');
    expect(answer.verdict).toBe('no');
    expect(answer.url).toBe('/entries/new-faq-privileged-containers/#s-aaaa0002');
    expect(answer.text).toContain('HostProcess containers offer similar functionality.');
    expect(answer.sources[0]).toMatchObject({ id: 'new-faq', title: 'Widget FAQ', url: 'https://example.org/faq#new-faq-privileged-containers', quote: 'Privileged containers are not supported on Windows nodes.' });
  });

  it('understands abbreviations and synonyms from data', async () => {
    expect((await top('max nodepools')).id).toBe('new-faq-how-many-node-pools');
    expect((await top('agent pool maximum')).id).toBe('new-faq-how-many-node-pools');
    expect((await top('gMSA on ws2022')).id).toBe('new-faq-gmsa');
  });

  it('tolerates typos and stems', async () => {
    expect((await top('privilaged containr')).id).toBe('new-faq-privileged-containers');
    expect((await top('monitoring windows node logs')).id).toBe('new-faq-monitoring');
  });

  it('never ranks an outdated statement above the current answer, and attaches it as outdated', async () => {
    const result = await ask(engine, 'can a cluster have a maximum of eight node pools?');
    expect(result.answers[0].id).toBe('new-faq-how-many-node-pools');
    expect(result.answers[0].outdated).toEqual([
      expect.objectContaining({ text: 'A cluster can have a maximum of eight node pools.', source: 'old-limits', sourceTitle: 'Widget limitations (old)', asOf: '2019-05' }),
    ]);
    const outdatedRank = result.answers.findIndex((a) => a.id.startsWith('old-limits'));
    expect(outdatedRank === -1 || outdatedRank > 0).toBe(true);
    // Nor is an entry titled by the outdated statement offered as a follow-up question.
    expect(result.answers[0].related.map((r) => r.id)).toEqual(['new-faq-privileged-containers']);
  });

  it('answers with the replacement when only the outdated statement matches a word of the question', async () => {
    // "8" matches only the outdated "eight node pools"; the match, and so the confidence, passes to its replacement.
    const result = await ask(engine, 'we hit the 8 node pool limit, what now');
    expect(result.abstained).toBe(false);
    expect(result.answers[0].id).toBe('new-faq-how-many-node-pools');
    expect(result.answers[0].outdated.map((o) => o.text)).toContain('A cluster can have a maximum of eight node pools.');
  });

  it('passes each word matched in an outdated statement about several things to the replacement about that word', async () => {
    // The old statement names huge pages and the cluster autoscaler; each has its own replacement.
    expect((await top('cluster autoscaler on windows - supported?')).id).toBe('new-faq-scaling');
    expect((await top('huge pages on windows - supported?')).id).toBe('new-faq-huge-pages');
  });

  it('abstains on questions the knowledge base does not answer, offering nearest topics', async () => {
    const result = await ask(engine, 'How much does a GPU node cost per hour in Bastion?');
    expect(result.abstained).toBe(true);
    expect(result.answers).toEqual([]);
    expect(Array.isArray(result.nearestTopics)).toBe(true);
    // The nearest entries are the best-ranked ones, offered as links (not answers).
    const ranked = rankEntries(engine, scoped('How much does a GPU node cost per hour in Bastion?')).filter((r) => r.score > 0);
    expect(result.nearestEntries.map((e) => e.id)).toEqual(ranked.slice(0, 3).map((r) => r.entry.id));
    expect(result.nearestEntries[0].url).toBe(`/entries/${result.nearestEntries[0].id}/`);
    expect((await ask(engine, '')).abstained).toBe(true);
    expect((await ask(engine, '')).nearestEntries).toEqual([]);
    // Answered questions offer none.
    expect((await ask(engine, 'can I run privileged containers on windows nodes?')).nearestEntries).toEqual([]);
  });

  it('abstains when the only telling match is a word that an unknown word qualifies', async () => {
    // A "zorbly time zone" is a kind of time zone the index does not know; "the wrong time zone" is still a time zone.
    expect((await ask(engine, 'zorbly time zone for a container')).abstained).toBe(true);
    expect((await ask(engine, 'the wrong time zone in a container')).abstained).toBe(false);
    // An unknown word read as a verb does not make its object unknown.
    expect((await ask(engine, 'how do i frobnicate the time zone of a container')).abstained).toBe(false);
  });

  it('reads a name the index lacks in the story around a question as background, not as what is asked', async () => {
    // The asking clause names its own subject in known words: the app's name is background.
    const story = 'our app Zorblex only builds on windows - can I change the time zone of a running windows container?';
    expect(scoped(story)).toMatchObject({ backgroundName: true });
    const answered = await ask(engine, story);
    expect(answered.abstained).toBe(false);
    expect(answered.answers[0].id).toBe('new-faq-timezone');
    // A bare asking clause leaves the story to name the subject: the name is what is asked about.
    const bare = scoped('Zorblex time zone on windows containers - supported?');
    expect(bare.backgroundName).toBe(false);
    expect(bare.slots.find((s) => s.surface === 'Zorblex')).toMatchObject({ unknown: true, named: true });
    // Background still asks for more confidence than a question without it.
    const query = scoped(story);
    const best = rankEntries(engine, query)[0];
    const weak = { ...best, score: best.cue + (best.score - best.cue) * ((abstention.minConfidence + abstention.backgroundConfidence) / 2 / confidenceOf(query, best)) };
    expect(shouldAbstain(engine, query, weak)).toBe(true);
    expect(shouldAbstain(engine, { ...query, backgroundName: false }, weak)).toBe(false);
    // So is a name inside the asking clause.
    expect(scoped('we run windows nodes - can Zorblex change the time zone of a running container?').backgroundName).toBe(false);
  });

  it('abstains when a keyword query is about a thing the index does not know', async () => {
    // "zorbly for containers" asks about a zorbly, however well "containers" matches.
    expect((await ask(engine, 'zorbly for windows time zone')).abstained).toBe(true);
    expect((await ask(engine, 'time zone for windows containers')).abstained).toBe(false);
  });

  it('reads verdicts from the answer wording, not from tables', async () => {
    // The fixture is small enough that "work" is as rare as "kubenet": the kubenet entry's own verdict is the point.
    const kubenet = (await ask(engine, 'does kubenet work with windows?')).answers.find((a) => a.id === 'new-faq-kubenet');
    expect(kubenet?.verdict).toBe('no');
    expect((await top('Can I monitor windows nodes with Azure Monitor?')).verdict).toBe('yes');
    expect((await top('which network plugins are supported')).verdict).toBeNull();
  });

  it('counts a word matched outside the best statement more in a long question, which an entry answers across statements', () => {
    const coverage = (q: string) => {
      const query = analyzeQuery(engine, q);
      const j = query.slots.findIndex((s) => s.term === 'support');
      return rankEntries(engine, query).find((e) => e.entry.id === 'new-faq-privileged-containers')?.coverage[j];
    };
    // "supported" is in the other statement than "hostprocess functionality".
    expect(coverage('hostprocess functionality supported')).toBeCloseTo(0.35);
    expect(coverage('we run hostprocess functionality, is it supported for the zorbly frobnicate quux deployment setup and rollout')).toBeCloseTo(0.5);
  });

  it('reads a list item that says nothing itself with the sentence introducing its list', async () => {
    const hooks = await top('are preStop lifecycle hooks supported for windows containers?');
    expect(hooks).toMatchObject({ id: 'new-faq-pod-features', verdict: 'yes' });
    const paths = await top('are terminal message paths supported on windows?');
    expect(paths).toMatchObject({ id: 'new-faq-pod-features', verdict: 'no' });
    // An introduction that says how to choose among the items answers only a question asking whether it depends.
    expect(await top('is overlay networking mode supported for windows pods?')).toMatchObject({ id: 'new-faq-kubenet', verdict: 'yes' });
    expect(await top('do pods get private addresses in overlay networking mode, or does it depend on the workload?')).toMatchObject({ id: 'new-faq-kubenet', verdict: 'depends' });
  });

  it('merges a follow-up with the previous question', async () => {
    const result = await ask(engine, 'and on ws2022?', { previous: 'is gMSA available on windows server 2019?' });
    expect(result.interpretedAs).toContain('ws2022');
    expect(result.interpretedAs).not.toContain('2019');
    expect(result.answers[0].id).toBe('new-faq-gmsa');
  });

  it('treats hostile input as plain text', async () => {
    const hostile = [
      '<img src=x onerror=alert(1)>',
      '<script>alert(1)</script> privileged',
      'x'.repeat(10_000),
      'privileged '.repeat(2_000),
      '🚀🔥 privileged containers 🐳',
      'هل يمكنني تشغيل حاويات ويندوز؟ ‏privileged‏',
      '.*+?^${}()|[]\\ (a+)+$ [[[',
      '\u0000\u0001\u200f\ud800',
    ];
    for (const q of hostile) {
      const result = await ask(engine, q);
      expect(typeof result.abstained).toBe('boolean');
      expect(result.answers.length).toBeLessThanOrEqual(5);
      expect(() => JSON.stringify(result)).not.toThrow();
      expect(Array.isArray(await searchEntries(engine, q))).toBe(true);
    }
    expect((await top('🚀🔥 privileged containers 🐳')).id).toBe('new-faq-privileged-containers');
  });
});

describe('shared/query/search', () => {
  it('completes the word being typed and highlights matches', async () => {
    const [first] = await searchEntries(engine, 'privil');
    expect(first.id).toBe('new-faq-privileged-containers');
    expect(first.url).toBe('/entries/new-faq-privileged-containers/#s-aaaa0002');
    const marked = first.snippetMarks.map(([a, b]) => first.snippet.slice(a, b));
    expect(marked).toContain('Privileged');
  });

  it('filters by topic, source and type with FlexSearch tags', async () => {
    expect((await searchEntries(engine, 'windows', { filters: { topics: 'security' } })).map((r) => r.id).sort()).toEqual(['new-faq-gmsa', 'new-faq-privileged-containers']);
    expect((await searchEntries(engine, 'node pools', { filters: { source: 'old-limits' } })).map((r) => r.id)).toEqual(['old-limits-a-cluster-can-have-a-maximum-of-eight-node']);
    expect((await searchEntries(engine, '', { filters: { type: 'guidance' } })).map((r) => r.id)).toEqual(['new-faq-timezone']);
    expect(await searchEntries(engine, '')).toEqual([]);
  });

  it('marks outdated snippets', async () => {
    const result = await searchEntries(engine, 'eight', { filters: { source: 'old-limits' } });
    expect(result[0].outdated).toBe(true);
  });
});

describe('closeAnswers', () => {
  const answer = (id: string, score: number) => ({ id, score }) as Answer;
  const result = (...scores: number[]) => ({ abstained: false, answers: scores.map((s, i) => answer(`a${i + 1}`, s)) });

  it('gives the runners-up at ranks 2 and 3 whose confidence is close to the first answer\'s', () => {
    expect(closeAnswers(result(0.8, 0.8 * closeMatch, 0.5, 0.79)).map((a) => a.id)).toEqual(['a2']);
    expect(closeAnswers(result(0.8, 0.79, 0.78, 0.77)).map((a) => a.id)).toEqual(['a2', 'a3']);
    expect(closeAnswers(result(0.8, 0.8 * closeMatch - 0.01, 0.5))).toEqual([]);
    // Rank order also weighs what confidence leaves out (cues), so the third can be close when the second is not.
    expect(closeAnswers(result(0.8, 0.6, 0.79)).map((a) => a.id)).toEqual(['a3']);
  });

  it('gives none for a single answer or an abstention', () => {
    expect(closeAnswers(result(0.9))).toEqual([]);
    expect(closeAnswers({ abstained: true, answers: [] })).toEqual([]);
  });
});
