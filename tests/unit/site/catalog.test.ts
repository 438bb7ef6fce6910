// Unit tests for src/site/catalog.ts: topics, type groups, neighbours, changes and applies-to badges.
import { describe, expect, it } from 'vitest';
import {
  appliesToBadges,
  currentAnswer,
  entriesByIds,
  entriesOfSource,
  entryAsOf,
  groupByType,
  neighbours,
  recentChanges,
  sourceById,
  topicSummaries,
} from '../../../src/site/catalog.ts';
import { makeEntry, makeKb, testSite, testVocabulary } from './fixtures.ts';

const superseded = (entry: string, statement: string, asOf: string) => ({ entry, statement, text: 'Newer.', source: 'src-b', asOf });

const entries = [
  makeEntry({ id: 'b-guide', type: 'guidance', title: 'B guide', topics: ['alpha'] }),
  makeEntry({ id: 'a-faq', type: 'faq', title: 'A question?', topics: ['alpha', 'beta'] }),
  makeEntry({ id: 'c-faq', type: 'faq', title: 'C question?', topics: ['alpha'] }),
  makeEntry({
    id: 'old',
    type: 'limitation',
    title: 'Old limit',
    topics: ['beta'],
    appliesTo: { platforms: ['platform-a', 'unknown-scope'], osVersions: ['os-9'], productVersions: ['1.2'] },
    statements: [
      { id: 's-x', text: 'Limit is 8.', kind: 'sentence', asOf: '2019', status: 'outdated', supersededBy: [superseded('a-faq', 's-1', '2024-05')] },
      { id: 's-y', text: 'Other is 2.', kind: 'sentence', asOf: '2020', status: 'outdated', supersededBy: [superseded('c-faq', 's-1', '2023-01')] },
      { id: 's-z', text: 'Still true.', kind: 'sentence', asOf: '2021' },
    ],
    text: 'x',
  }),
];
const kb = makeKb(entries);

describe('site/catalog', () => {
  it('lists topics in vocabulary order with entries in reading order (type, then title)', () => {
    const topics = topicSummaries(kb, testVocabulary);
    expect(topics.map((t) => t.id)).toEqual(['alpha', 'beta']);
    expect(topics[0].entries.map((e) => e.id)).toEqual(['a-faq', 'c-faq', 'b-guide']);
    expect(topics[1].entries.map((e) => e.id)).toEqual(['a-faq', 'old']);
  });

  it('groups by type in the fixed type order, leaving out empty groups', () => {
    expect(groupByType(entries).map((g) => [g.type, g.entries.length])).toEqual([
      ['faq', 2],
      ['limitation', 1],
      ['guidance', 1],
    ]);
  });

  it('finds previous and next within the first topic', () => {
    const middle = neighbours(entries[2], kb, testVocabulary);
    expect([middle.topic?.id, middle.previous?.id, middle.next?.id]).toEqual(['alpha', 'a-faq', 'b-guide']);
    expect(neighbours(makeEntry({ id: 'orphan' }), kb, testVocabulary).topic).toBeUndefined();
  });

  it('lists outdated statements, newest replacement first', () => {
    expect(recentChanges(kb).map((c) => c.statement.id)).toEqual(['s-x', 's-y']);
    expect(recentChanges(kb, 1)).toHaveLength(1);
    expect(recentChanges(makeKb([entries[0]]))).toEqual([]);
  });

  it('answers with current statements and dates them by the newest current one', () => {
    expect(currentAnswer(entries[3])).toBe('Still true.');
    expect(entryAsOf(entries[3], kb.sources[0])).toBe('2021');
  });

  it('labels applies-to badges from site scopes and the vocabulary', () => {
    expect(appliesToBadges(entries[3].appliesTo, testSite, testVocabulary)).toEqual([
      { kind: 'platform', label: 'Platform A' },
      { kind: 'platform', label: 'unknown-scope' },
      { kind: 'os', label: 'Some OS 9' },
      { kind: 'product', label: 'Product 1.2' },
    ]);
  });

  it('looks entries and sources up by id, in the order asked, leaving unknown ids out', () => {
    expect(entriesByIds(kb, ['c-faq', 'nope', 'a-faq']).map((e) => e.id)).toEqual(['c-faq', 'a-faq']);
    expect(sourceById(kb, 'src-b')?.date).toBe('2024-05-02');
    expect(sourceById(kb, 'nope')).toBeUndefined();
    expect(entriesOfSource(kb, 'nope')).toEqual([]);
    // Every entry is listed under its own source, once.
    const listed = kb.sources.flatMap((source) => entriesOfSource(kb, source.id).map((e) => `${source.id}:${e.id}`));
    expect(listed.sort()).toEqual(kb.entries.map((e) => `${e.source.id}:${e.id}`).sort());
  });
});
