// Small typed builders for entries and knowledge bases used by the site unit tests.
import { entrySchema, type Entry, type EntryInput } from '../../../src/shared/schemas/entry.ts';
import { knowledgeBaseSchema, type KnowledgeBase } from '../../../src/shared/schemas/knowledge-base.ts';
import { siteSchema, vocabularySchema } from '../../../src/shared/schemas/vocabulary.ts';

/** A valid entry; `overrides` replace top-level fields. */
export function makeEntry(overrides: Partial<EntryInput> & { id: string }): Entry {
  return entrySchema.parse({
    slug: overrides.id,
    type: 'faq',
    title: `Title of ${overrides.id}`,
    appliesTo: {},
    source: { id: 'src-a', section: ['Section'], url: 'https://example.org/a#section', line: 1, quote: 'Quote.' },
    statements: [{ id: 's-1', text: 'A statement.', kind: 'sentence', asOf: '2023-01' }],
    text: 'A statement.',
    ...overrides,
  });
}

/** A valid knowledge base with two sources around the given entries. */
export function makeKb(entries: Entry[]): KnowledgeBase {
  const source = (id: string, date: string) => ({
    id,
    title: `Source ${id}`,
    url: `https://example.org/${id}`,
    license: 'CC BY 4.0',
    date,
    dateEvidence: 'test',
    scope: 'platform-a',
    kind: 'faq',
    file: `${id}.md`,
    format: 'markdown',
  });
  return knowledgeBaseSchema.parse({
    sources: [source('src-a', '2023-01'), source('src-b', '2024-05-02')],
    entries,
    stats: { sources: 2, entries: entries.length, entriesByType: {}, statements: 0, statementsByStatus: {}, coverage: 1, uncovered: [] },
  });
}

/** Site wording for tests (no real domain words). */
export const testSite = siteSchema.parse({
  title: 'Test KB',
  shortTitle: 'TKB',
  tagline: 'Tagline.',
  description: 'Description.',
  defaultScope: 'platform-a',
  scopes: [{ id: 'platform-a', label: 'Platform A' }],
  compatibilityTitle: 'What does {field} do on Target?',
  comparison: {
    title: 'Base vs Target',
    baseline: 'Base',
    target: 'Target',
    baselineBehaviour: 'Works as documented',
    workaroundPatterns: ['\\buse\\b.+\\binstead\\b', '\\boffers? similar functionality\\b'],
  },
  wizard: { title: 'Can I?' },
});

/** A vocabulary with two topics and one OS family. */
export const testVocabulary = vocabularySchema.parse({
  topics: [
    { id: 'alpha', label: 'Alpha', terms: ['alpha'] },
    { id: 'beta', label: 'Beta', terms: ['beta'] },
  ],
  osVersions: [{ id: 'os-9', label: 'Some OS 9', terms: ['os 9'] }],
  productVersion: { label: 'Product', pattern: 'v(\\d+)' },
});
