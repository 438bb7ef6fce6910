// Unit tests for src/shared/query/analyze-query.ts over the fixture knowledge base: how a question becomes slots.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuery, correctTypo, derivedTerm, looksLikeName } from '../../../src/shared/query/analyze-query.ts';
import { doSupportVerb, scopeQuery, topicPhrase } from '../../../src/shared/query/scope.ts';
import type { SearchEngine } from '../../../src/shared/query/engine.ts';
import { fixtureEngine } from './fixture-kb.ts';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await fixtureEngine();
});

const terms = (q: string) => analyzeQuery(engine, q).slots.map((s) => s.term);

describe('shared/query/analyze-query', () => {
  it('reads "A / B" as two words, without a slot for the slash', () => {
    expect(terms('privileged / hostprocess containers')).toEqual(terms('privileged hostprocess containers'));
    expect(terms('privileged / hostprocess containers')).not.toContain('slash');
  });

  it('keeps the slash as a symbol in a question about path separators', () => {
    expect(terms('use \\ instead of / in windows paths')).toEqual(expect.arrayContaining(['backslash', 'slash']));
    expect(terms('is / or \\ the separator')).toEqual(expect.arrayContaining(['backslash', 'slash']));
  });

  it('tells names from the values of settings', () => {
    const named = (text: string, word: string) => looksLikeName(text, text.indexOf(word), text.indexOf(word) + word.length);
    expect(named('How do I RDP into a node through Azure Bastion?', 'Bastion')).toBe(true);
    expect(named('Can node pools use Gen2 VMs?', 'Gen2')).toBe(true);
    // The value of a setting named just before it is not a name.
    expect(named('mountPropagation Bidirectional for windows containers', 'Bidirectional')).toBe(false);
    expect(named('restartPolicy: Always on windows', 'Always')).toBe(false);
    expect(named('add NET_ADMIN capability', 'NET_ADMIN')).toBe(false);
    // An acronym typed in lowercase has no vowel; a plain English word has.
    expect(named('connect a pod to azure sql over a private endpoint', 'sql')).toBe(true);
    expect(named('mount an smb share', 'smb')).toBe(true);
    expect(named('reach on-prem networks', 'prem')).toBe(false);
    // Quantities with their unit and version marks are values.
    expect(named('the app gets killed ~5s after shutdown', '5s')).toBe(false);
    expect(named('pulling a 1.7GB image', '1.7GB')).toBe(false);
    expect(named('gMSA v2 on windows', 'v2')).toBe(false);
  });

  it('corrects slips of the keyboard, not real words one unrelated letter away from an index word', () => {
    expect(correctTypo(engine, 'kubnet')).toBe('kubenet');
    expect(correctTypo(engine, 'kubemet')).toBe('kubenet');
    expect(correctTypo(engine, 'kubelet')).toBeNull();
  });

  it('reads an unknown word as the index term it derives from or is derived to', () => {
    // "creation" is not in the fixture's sources; "create" is.
    expect(derivedTerm(engine, 'creation')).toBe('creat');
    expect(terms('node pool creation')).toContain('creat');
    expect(derivedTerm(engine, 'zorblation')).toBeNull();
  });

  it('marks the words an unknown word qualifies', () => {
    const qualified = (q: string) => scopeQuery(engine, analyzeQuery(engine, q)).slots.filter((s) => s.qualified).map((s) => s.term);
    // A modifier qualifies the words after it in its phrase, hyphenated or not.
    expect(qualified('vertical pod autoscaler on windows')).toEqual(['pod', 'autoscal']);
    expect(qualified('zorbly-autoscaler on windows')).toEqual(['autoscal']);
    // Punctuation or a stop word ends the phrase.
    expect(qualified('zorbly, autoscaler on windows')).toEqual([]);
    expect(qualified('zorbly for cluster autoscaler')).toEqual([]);
    // An unknown verb (after "to", a pronoun or a modal) and a grading adjective qualify nothing.
    expect(qualified('ways to frobnicate cluster autoscaler')).toEqual([]);
    expect(qualified('can i frobnicate cluster autoscaler')).toEqual([]);
    expect(qualified('nodes never frobnicate cluster autoscaler')).toEqual([]);
    expect(qualified('the wrong time zone in a container')).toEqual([]);
    // So does an adjective for the unmarked kind ("plain", "vanilla").
    expect(qualified('a plain time zone in a container')).toEqual([]);
    expect(qualified('a vanilla time zone in a container')).toEqual([]);
    // An adverb made from a known word (public → publicly) says how, not what kind.
    expect(qualified('publicly change the time zone')).toEqual([]);
    expect(qualified('zorbly change the time zone')).toEqual(['chang']);
    expect(qualified('a zorbly time zone in a container')).toEqual(['time', 'zone']);
    // A term asked about plainly elsewhere in the question is not qualified.
    expect(qualified('zorbly autoscaler or the autoscaler')).toEqual([]);
  });

  it('reads an acronym of words the question spells out as those words', () => {
    const slots = (q: string) => analyzeQuery(engine, q).slots.map((s) => s.surface);
    expect(slots('the cluster autoscaler stops on windows - is CA compatible?')).not.toContain('CA');
    expect(slots('the cluster autoscalers stop - are CAs compatible?')).not.toContain('CAs');
    // Without the words spelled out, or typed in lowercase, it is a word of its own.
    expect(slots('is CA compatible with windows?')).toContain('CA');
    expect(slots('the cluster autoscaler stops - is ca compatible?')).toContain('ca');
    // Stop words may stand among the words, but "can a" is no "CA".
    expect(slots('pods run out of memory - is OOM handled on windows?')).not.toContain('OOM');
    expect(slots('can a pod on windows use CA?')).toContain('CA');
    // A name ending in capitals is read so only with the words in parentheses right after it.
    expect(slots('is WinCA (cluster autoscaler) on for windows?')).not.toContain('WinCA');
    expect(slots('is WinCA on for windows with the cluster autoscaler?')).toContain('WinCA');
  });

  it('keeps an identifier with unknown parts as a name of its own, its known parts only describing it', () => {
    const slots = analyzeQuery(engine, 'zorblyNodeBudget ignored on windows').slots;
    const whole = slots.find((s) => s.term === 'zorblynodebudget');
    expect(whole).toMatchObject({ unknown: true, named: true });
    expect(slots.find((s) => s.term === 'node')?.qualified).toBe(true);
    // An identifier whose parts are all known still falls back to its parts.
    expect(terms('timeZone of a container')).not.toContain('timezone');
    // So does one whose parts are mostly known: they say what it is (memoryRssBytes).
    const mostly = analyzeQuery(engine, 'nodeTimeZorbly on windows').slots;
    expect(mostly.map((s) => s.term)).toEqual(expect.arrayContaining(['node', 'time']));
    expect(mostly.some((s) => s.named)).toBe(false);
  });

  it('reads a bare number coordinated with a versioned name as that name with the other number', () => {
    expect(terms('upgrade from ws2019 to 2022')).toEqual(expect.arrayContaining(['window_server_2019', 'window_server_2022']));
    expect(terms('ws2019 and 2022 nodes')).toContain('window_server_2022');
    // Not across other words, and not to a version the index does not know.
    expect(terms('ws2019 nodes with 2022 pods')).not.toContain('window_server_2022');
    expect(terms('ws2019 or 2031')).not.toContain('window_server_2031');
  });

  it('finds the topic of a keyword query and whether the index knows its head', () => {
    const topic = (q: string) => scopeQuery(engine, analyzeQuery(engine, q)).unknownTopic;
    expect(topic('zorbly for windows containers')).toBe(true);
    expect(topic('set node zorblies on a windows pod')).toBe(true);
    expect(topic('time zone for windows containers')).toBe(false);
    // A later clause opened by a question word asks the question; a clause after an auxiliary may end in its verb.
    expect(topic('zorbly dashboard for windows pods - which time zone should we use?')).toBe(false);
    expect(topic('does kubenet zorble with windows?')).toBe(false);
    // The value of a setting and a participle are not the topic.
    expect(topic('mountPropagation Zorbly for windows')).toBe(false);
    expect(topic('time zone zorbled on windows')).toBe(false);
    const text = 'can i use zorbly sidecars with windows pods';
    const span = topicPhrase(analyzeQuery(engine, text).tokens, text);
    expect(span).toEqual([3, 5]);
  });

  it('reads an abbreviation the index never uses as the words it stands for', () => {
    expect(terms('anm for windows')).toEqual(expect.arrayContaining(['azur', 'network', 'model']));
    expect(terms('anm for windows')).not.toContain('anm');
    // Standing for a thing whose head word the index lacks, it is a thing the index does not cover: it stays unknown.
    const anx = analyzeQuery(engine, 'anx for windows').slots.find((s) => s.surface === 'anx');
    expect(anx).toMatchObject({ term: 'anx', unknown: true });
    expect(terms('znm for windows')).toEqual(expect.arrayContaining(['network', 'model']));
  });

  it('allows the slips of the typed word when correcting its shorter stem', () => {
    // "privilidged" stems to "privilidg", two slips from "privileg": the typed word is long enough for two.
    expect(terms('privilidged containers')).toContain('privileg');
    // A short stem gets no extra slips from a long ending.
    expect(correctTypo(engine, 'reli', 1)).not.toBe('rel');
  });

  it('reads the first unknown word after the subject of a "do" question as its verb, not a modifier', () => {
    const qualified = (q: string) => scopeQuery(engine, analyzeQuery(engine, q)).slots.filter((s) => s.qualified).map((s) => s.term);
    expect(qualified('does changing windows containers zorble time zone')).toEqual([]);
    expect(doSupportVerb(analyzeQuery(engine, 'does windows zorble time zone').tokens, new Set(['zorbl']))).toBe(2);
    // Without "do" the same words are a modifier and what it qualifies.
    expect(qualified('windows containers zorbly time zone')).toEqual(['time', 'zone']);
  });
});
