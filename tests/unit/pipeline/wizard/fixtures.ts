// Small in-memory knowledge bases and trees for the wizard stage tests.
import { entrySchema, type Entry, type EntryInput } from '../../../../src/shared/schemas/entry.ts';
import { sourceSchema, type Source } from '../../../../src/shared/schemas/source.ts';
import { statementId } from '../../../../scripts/pipeline/entries/statements.ts';

/** A source the fixture entries come from. */
export const fixtureSource: Source = sourceSchema.parse({
  id: 'doc',
  title: 'The document',
  url: 'https://example.org/doc',
  license: 'CC BY 4.0',
  date: '2024-01',
  dateEvidence: 'fixture',
  scope: 'aks',
  kind: 'faq',
  format: 'text',
  file: 'doc.txt',
});

/** Builds a valid entry from statement texts (optionally with statuses). */
export function fixtureEntry(id: string, statements: (string | { text: string; status: 'current' | 'outdated' | 'dated'; supersededBy?: EntryInput['statements'][number]['supersededBy'] })[]): Entry {
  const list = statements.map((s, i) => {
    const text = typeof s === 'string' ? s : s.text;
    return { id: statementId(text), text, kind: 'sentence' as const, status: typeof s === 'string' ? 'current' : s.status, asOf: '2024-01', line: i + 1, ...(typeof s !== 'string' && s.supersededBy ? { supersededBy: s.supersededBy } : {}) };
  });
  return entrySchema.parse({
    id,
    slug: id,
    type: 'faq',
    title: `Title of ${id}`,
    appliesTo: { platforms: ['aks'] },
    source: { id: 'doc', section: [], url: 'https://example.org/doc', line: 1, quote: list.map((s) => s.text).join(' ') },
    statements: list,
    text: list.map((s) => s.text).join('\n'),
  });
}

/** The labels block every fixture tree needs. */
export const labelsYaml = `labels:
  intro: Intro.
  start: Start
  startOver: Start over
  keyboardHint: Press a number.
  verdict: Verdict
  verdicts: { yes: 'Yes', no: 'No', partial: Partially, depends: Depends }
  condition: Depends on
  conditions: Your answers
  workaround: Instead
  sources: Sources
  entry: Entry
  original: Original
  asOf: as of
  outdated: What changed
  related: 'More about {area}'
  status: { outdated: Outdated, dated: Dated }
`;

/** The 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in fixture`);
  return index + 1;
}
