import { describe, expect, test } from 'vitest';
import type { Statement } from '../../../../src/shared/schemas/entry.ts';
import { inheritOutdated } from '../../../../scripts/pipeline/versions/dependents.ts';

const claim = (subject: string, scope = 'aks') => ({ subject, kind: 'support' as const, value: 'supported', scope });
const st = (id: string, status: Statement['status'], subjects: string[], extra: Partial<Statement> = {}): Statement => ({
  id, text: id, kind: 'bullet', status, asOf: '2019-05', supersededBy: [], claims: subjects.map((s) => claim(s)), ...extra,
});
const newer = [{ entry: 'faq', statement: 's-new', text: 'Widgets are generally available.', source: 'faq', asOf: '2022-10' }];

describe('versions/inheritOutdated', () => {
  test('a time-relative workaround after an outdated limitation on the same subject is outdated with it', () => {
    const out = inheritOutdated([
      st('s-limit', 'outdated', ['widgets'], { supersededBy: newer }),
      st('s-workaround', 'dated', ['widgets'], { datedReason: 'time-relative wording "currently"' }),
    ]);
    expect(out[1]).toMatchObject({ status: 'outdated', supersededBy: newer });
    expect(out[1]).not.toHaveProperty('datedReason');
  });

  test('other subjects, earlier statements and current statements are left alone', () => {
    const input = [
      st('s-before', 'dated', ['widgets']),
      st('s-limit', 'outdated', ['widgets'], { supersededBy: newer }),
      st('s-other', 'dated', ['gadgets']),
      st('s-current', 'current', ['widgets']),
    ];
    expect(inheritOutdated(input)).toEqual(input);
  });
});
