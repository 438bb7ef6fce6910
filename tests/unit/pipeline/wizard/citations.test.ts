import { describe, expect, test } from 'vitest';
import { resolveCitation, worstStatus } from '../../../../scripts/pipeline/wizard/citations.ts';
import { compilePatterns, findCapabilityStatements, measureWizardCoverage } from '../../../../scripts/pipeline/wizard/coverage.ts';
import { fixtureEntry } from './fixtures.ts';

const entry = fixtureEntry('doc-a', ['First sentence here.', 'Second  one can run.', { text: 'Third was true.', status: 'dated' }]);
const entries = new Map([[entry.id, entry], ['doc-b', fixtureEntry('doc-b', ['Another entry says Second one can run.'])]]);

describe('pipeline/wizard/citations', () => {
  test('a quote matches modulo whitespace and may run on across statements', () => {
    const match = resolveCitation({ entry: 'doc-a', quote: 'here.\n   Second one' }, entries);
    expect(match).toMatchObject({ quote: 'here. Second one', statements: [entry.statements[0], entry.statements[1]] });
  });

  test('matching is case-sensitive (verbatim) and reports where else the quote is', () => {
    expect(resolveCitation({ entry: 'doc-a', quote: 'second one' }, entries)).toEqual({ reason: 'quote not found in entry "doc-a": "second one"' });
    expect(resolveCitation({ entry: 'doc-x', quote: 'Second one can run.' }, entries)).toEqual({ reason: 'unknown entry "doc-x"; the quote is in entry "doc-a", "doc-b"' });
  });

  test('a statement id alone cites the whole statement; with a quote, the quote must start in it', () => {
    const second = entry.statements[1].id;
    expect(resolveCitation({ entry: 'doc-a', statement: second }, entries)).toMatchObject({ quote: 'Second one can run.', statements: [entry.statements[1]] });
    expect(resolveCitation({ entry: 'doc-a', statement: second, quote: 'can run. Third' }, entries)).toMatchObject({ statements: [entry.statements[1], entry.statements[2]] });
    expect('reason' in resolveCitation({ entry: 'doc-a', statement: second, quote: 'First' }, entries)).toBe(true);
  });

  test('a span takes the least current status of its statements', () => {
    expect(worstStatus(entry.statements)).toBe('dated');
    expect(worstStatus(entry.statements.slice(0, 2))).toBe('current');
  });
});

describe('pipeline/wizard/coverage', () => {
  const patterns = compilePatterns(['\\bcan\\b', '\\bonly\\b']);
  const faq = fixtureEntry('doc-c', ['Can I do it?', 'You can do it.', 'You can do it.', { text: 'It can only be done in 2019.', status: 'outdated' }, 'Nothing to see.']);

  test('capability statements skip questions, outdated statements and repeats within a source', () => {
    expect(findCapabilityStatements([faq], patterns).map((c) => c.statement.text)).toEqual(['You can do it.']);
  });

  test('a statement is covered when any citation spans it', () => {
    const capability = findCapabilityStatements([entry, faq], patterns);
    const cited = [{ entry: 'doc-a', statements: [entry.statements[1].id], source: 'doc' }] as never;
    const coverage = measureWizardCoverage(capability, cited, new Map([[entry.id, entry], [faq.id, faq]]));
    expect(coverage).toMatchObject({ capability: 2, covered: 1, uncovered: [{ entry: 'doc-c', text: 'You can do it.' }] });
  });
});
