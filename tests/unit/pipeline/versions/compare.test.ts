import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContentConfig } from '../../../../scripts/pipeline/config/load-config.ts';
import { compileClaimRules } from '../../../../scripts/pipeline/claims/rules.ts';
import { agrees, contradicts, representative } from '../../../../scripts/pipeline/versions/compare.ts';
import type { Claim } from '../../../../src/shared/schemas/entry.ts';

const config = await loadContentConfig(path.resolve('content'));
const { statuses } = compileClaimRules(config.claims!, config.vocabulary);
const support = (value: string): Claim => ({ subject: 'x', kind: 'support', value, scope: 'aks', display: statuses.get(value)!.label });
const limit = (value: string): Claim => ({ subject: 'x', kind: 'limit', value, scope: 'aks' });
const versions = (value: string): Claim => ({ subject: 'v', kind: 'versions', value, scope: 'aks' });
const byDefault = (value: string): Claim => ({ subject: 'v', kind: 'default', value, scope: 'aks' });

describe('versions/compare', () => {
  test('limits agree only when equal', () => {
    expect(agrees(limit('8'), limit('8'), statuses)).toBe(true);
    expect(agrees(limit('8'), limit('100'), statuses)).toBe(false);
  });

  test('version lists agree as sets; a default agrees with a list that holds it', () => {
    expect(agrees(versions('a,b'), versions('a,b'), statuses)).toBe(true);
    expect(agrees(versions('a'), versions('a,b'), statuses)).toBe(false);
    expect(agrees(byDefault('b'), versions('a,b'), statuses)).toBe(true);
    expect(agrees(versions('a'), byDefault('b'), statuses)).toBe(false);
  });

  test('support statuses agree by polarity and lifecycle stage', () => {
    expect(agrees(support('ga'), support('supported'), statuses)).toBe(true);
    expect(agrees(support('required'), support('supported'), statuses)).toBe(true);
    expect(agrees(support('not-supported'), support('linux-only'), statuses)).toBe(true);
    expect(agrees(support('preview'), support('supported'), statuses)).toBe(false);
    expect(agrees(support('beta'), support('alpha'), statuses)).toBe(false);
    expect(agrees(support('not-supported'), support('supported'), statuses)).toBe(false);
    expect(agrees(support('planned'), support('supported'), statuses)).toBe(false);
  });

  test('inside one document only opposite polarities contradict', () => {
    expect(contradicts(support('supported'), support('preview'), statuses)).toBe(false);
    expect(contradicts(support('supported'), support('not-supported'), statuses)).toBe(true);
    expect(contradicts(support('planned'), support('supported'), statuses)).toBe(false);
    expect(contradicts(limit('6'), limit('12'), statuses)).toBe(true);
  });

  test('a lifecycle stage is the most telling value of its date', () => {
    expect(representative([support('supported'), support('preview')], statuses)).toBe('in preview');
    expect(representative([support('required'), support('default')], statuses)).toBe('required / enabled by default');
  });
});
