// Unit tests for src/site/compare.ts: field names, labels, workaround clauses and table rows.
import { describe, expect, it } from 'vitest';
import { comparisonRows, fieldFromTitle, sectionLabels, stripFieldLabel, workaroundClauses } from '../../../src/site/compare.ts';
import { makeEntry, testSite } from './fixtures.ts';

const patterns = testSite.comparison.workaroundPatterns.map((p) => new RegExp(p, 'i'));

describe('site/compare', () => {
  it('reverses the title template to find the field', () => {
    expect(fieldFromTitle('What does spec.x.y do on Target?', testSite.compatibilityTitle)).toBe('spec.x.y');
    expect(fieldFromTitle('What does a and b do on Target?', testSite.compatibilityTitle)).toBe('a and b');
    expect(fieldFromTitle('Something else entirely', testSite.compatibilityTitle)).toBeUndefined();
    // Regex metacharacters in the template are literal.
    expect(fieldFromTitle('(x) [f]?', '(x) [{field}]?')).toBe('f');
  });

  it('strips a leading "field -" label and capitalises', () => {
    expect(stripFieldLabel('spec.flag - not possible on Target', 'spec.flag')).toBe('Not possible on Target');
    expect(stripFieldLabel('volumes If you define one', 'volumes')).toBe('If you define one');
    expect(stripFieldLabel('unrelated text', 'spec.flag')).toBe('Unrelated text');
  });

  it('keeps only the clauses that match a workaround pattern', () => {
    expect(workaroundClauses('Target lacks it, use OtherThing instead', patterns)).toEqual(['Use OtherThing instead.']);
    expect(workaroundClauses('Not there. OtherThing offers similar functionality.', patterns)).toEqual([
      'OtherThing offers similar functionality.',
    ]);
    expect(workaroundClauses('Not possible; no replacement', patterns)).toEqual([]);
    expect(workaroundClauses('use X instead', [])).toEqual([]);
  });

  it('builds one sorted row per compatibility entry, with the target text, anchor and workaround', () => {
    const rows = comparisonRows(
      [
        makeEntry({
          id: 'z-field',
          type: 'compatibility',
          title: 'What does zeta do on Target?',
          source: { id: 'src-a', section: ['Lists', 'Field compatibility for pod specs'], url: 'https://example.org/a', line: 3, quote: 'q' },
          statements: [
            { id: 's-old', text: 'zeta - was missing', kind: 'sentence', asOf: '2019', status: 'outdated' },
            { id: 's-new', text: 'zeta - not supported, use Eta instead', kind: 'sentence', asOf: '2024' },
          ],
          text: 'zeta - not supported, use Eta instead',
        }),
        makeEntry({
          id: 'a-field',
          type: 'compatibility',
          title: 'What does alpha do on Target?',
          statements: [{ id: 's-a', text: 'alpha - not possible on Target', kind: 'sentence', asOf: '2024' }],
          text: 'alpha - not possible on Target',
        }),
        makeEntry({ id: 'not-compat', type: 'faq', title: 'What does ignored do on Target?' }),
      ],
      testSite,
    );
    expect(rows.map((r) => r.field)).toEqual(['alpha', 'zeta']);
    const zeta = rows[1];
    expect(zeta).toMatchObject({
      baseline: 'Works as documented',
      target: 'Not supported, use Eta instead',
      statementId: 's-new',
      workarounds: ['Use Eta instead.'],
      section: 'Field compatibility for pod specs',
    });
    expect(rows[0].workarounds).toEqual([]);
  });

  it('shortens section names by their shared leading words', () => {
    const labels = sectionLabels(['Field compatibility for Pod specs', 'Field compatibility for container specs']);
    expect([...labels.values()]).toEqual(['Pod specs', 'Container specs']);
    expect(sectionLabels(['Only one']).get('Only one')).toBe('Only one');
  });
});
