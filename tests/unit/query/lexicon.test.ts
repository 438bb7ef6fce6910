// Unit tests for src/shared/query/lexicon.ts: synonyms as data, phrase matching, identifiers, contrasts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { synonymsSchema } from '../../../src/shared/schemas/synonyms.ts';
import { analyzeTokens, compileLexicon, contrastOf, indexTerms, matchTerms, partTerm } from '../../../src/shared/query/lexicon.ts';
import { fixtureSynonyms } from './fixture-kb.ts';

const lexicon = compileLexicon(fixtureSynonyms(), [['Azure Front Door', 'AFD']]);
const queryTerms = (text: string) => matchTerms(analyzeTokens(text), lexicon, false).map((m) => m.term);

describe('shared/query/lexicon', () => {
  it('reads abbreviations and spellings as one term', () => {
    expect(queryTerms('k8s')).toEqual(queryTerms('Kubernetes'));
    expect(queryTerms('nodepool')).toEqual(queryTerms('node pools'));
    expect(queryTerms('agent pool')).toEqual(queryTerms('node pool'));
    expect(queryTerms('ws2022')).toEqual(queryTerms('Windows Server 2022'));
    expect(queryTerms('2k19')).toEqual(queryTerms('windows server 2019'));
    expect(queryTerms('win')).toEqual(queryTerms('Windows'));
    expect(queryTerms('AFD')).toEqual(queryTerms('azure front door'));
  });

  it('reads a number typed as digits as the same term as the number spelled out', () => {
    expect(queryTerms('8 nodepools')).toEqual(queryTerms('eight node pools'));
    expect(indexTerms('a maximum of eight node pools', lexicon)).toEqual(expect.arrayContaining(queryTerms('8')));
  });

  it('drops chat shorthand and words about the documents themselves', () => {
    expect(queryTerms('node pools w/ windows bc the docs said so')).toEqual(queryTerms('node pools windows'));
  });

  it('drops stop and question words from queries and prefers the longest phrase', () => {
    expect(queryTerms('how do I run it on windows server 2022?')).toEqual(['run', 'window_server_2022']);
  });

  it('drops phrases that work as one function word, but not their words elsewhere', () => {
    expect(queryTerms('a linux sidecar next to my windows container')).toEqual(queryTerms('linux sidecar windows container'));
    expect(queryTerms('next steps')).toContain('next');
    expect(queryTerms('put it in front of azure front door')).toEqual(queryTerms('put azure front door'));
    // "same" says where things run together ("in the same pod"): it is a word of the question.
    expect(queryTerms('windows and linux containers in the same pod')).toContain('same');
  });

  it('indexes every phrase term plus the plain words under it', () => {
    const terms = indexTerms('Windows Server 2022 node pools', lexicon);
    expect(terms).toEqual(expect.arrayContaining(['window_server_2022', 'window', 'server', '2022', 'node_pool', 'node', 'pool']));
  });

  it('indexes the parts of identifiers as weaker part terms', () => {
    const terms = indexTerms('set securityContext.runAsNonRoot or allowPrivilegeEscalation', lexicon);
    expect(terms).toEqual(expect.arrayContaining(['runasnonroot', partTerm('root'), partTerm('privileg'), partTerm('escal')]));
  });

  it('knows contrasts, including phrases that start with a contrasted word', () => {
    const [windows] = queryTerms('windows');
    const [linux] = queryTerms('linux');
    expect(contrastOf(lexicon, windows)).toBe(contrastOf(lexicon, linux));
    expect(contrastOf(lexicon, queryTerms('ws2022')[0])).toBe(contrastOf(lexicon, queryTerms('ws2019')[0]));
    expect(contrastOf(lexicon, 'kubernet')).toBeUndefined();
  });

  it('validates the shipped content/synonyms.yaml and compiles it', () => {
    const data = synonymsSchema.parse(parse(readFileSync('content/synonyms.yaml', 'utf8')));
    const shipped = compileLexicon(data);
    const terms = (text: string) => matchTerms(analyzeTokens(text), shipped, false).map((m) => m.term);
    expect(terms('k8s')).toEqual(terms('kubernetes'));
    expect(terms('agentpool')).toEqual(terms('node pool'));
    expect(terms('gMSA')).toEqual(terms('group managed service accounts'));
    expect(terms('PVC')).toEqual(terms('persistent volume claim'));
  });

  it('rejects malformed synonym data', () => {
    expect(synonymsSchema.safeParse({ synonyms: [['only-one']] }).success).toBe(false);
    expect(synonymsSchema.safeParse({ related: [{ terms: ['a', 'b'], weight: 2 }] }).success).toBe(false);
    expect(synonymsSchema.safeParse({ unknown: [] }).success).toBe(false);
  });
});
